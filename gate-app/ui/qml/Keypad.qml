import QtQuick
import StationGate.Ui

// Staff number, then PIN. The PIN shows as dots only.
Rectangle {
    id: pad

    required property ServiceModeModel service
    readonly property bool pinStage: service.stage === ServiceModeModel.Pin

    color: Theme.background

    Column {
        id: prompt
        anchors.horizontalCenter: parent.horizontalCenter
        y: 40
        width: Math.min(parent.width - 96, 720)
        spacing: 16
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.large
            font.bold: true
            text: pad.pinStage ? qsTr("Staff %1: enter your PIN").arg(pad.service.typedStaffId)
                               : qsTr("Service mode: enter your staff number")
        }
        Rectangle {
            width: parent.width
            height: 88
            radius: 12
            color: Theme.panel
            border.color: pad.service.pinRejected ? Theme.fault : Theme.panelEdge
            border.width: 3
            GateText {
                anchors.centerIn: parent
                font.pixelSize: Theme.large
                font.bold: true
                text: pad.pinStage ? "●".repeat(pad.service.typedPinLength) : pad.service.typedStaffId
            }
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: Theme.fault
            font.pixelSize: Theme.body
            visible: pad.service.pinRejected
            text: qsTr("Wrong PIN. %1 more tries before the keypad locks.").arg(pad.service.failuresLeft)
        }
    }

    Grid {
        id: keys
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 32
        columns: 3
        spacing: 16
        readonly property real keyHeight: Math.min(96, (pad.height - prompt.y - prompt.height - 64 - 3 * spacing) / 4)

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            GateButton {
                required property string modelData
                width: 180
                height: keys.keyHeight
                fontSize: Theme.large
                text: modelData
                onClicked: pad.service.pressDigit(Number(modelData))
            }
        }
        GateButton {
            width: 180
            height: keys.keyHeight
            text: qsTr("Delete")
            onClicked: pad.service.backspace()
        }
        GateButton {
            width: 180
            height: keys.keyHeight
            fontSize: Theme.large
            text: "0"
            onClicked: pad.service.pressDigit(0)
        }
        GateButton {
            width: 180
            height: keys.keyHeight
            fill: Theme.go
            text: qsTr("OK")
            onClicked: pad.service.confirm()
        }
    }

    GateButton {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 24
        text: qsTr("Cancel")
        onClicked: pad.service.exit()
    }
}
