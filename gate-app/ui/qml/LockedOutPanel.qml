import QtQuick
import StationGate.Ui

Rectangle {
    id: panel

    required property ServiceModeModel service
    readonly property int minutes: Math.floor(service.lockoutSecsLeft / 60)
    readonly property int seconds: service.lockoutSecsLeft % 60

    color: Theme.background

    Column {
        anchors.centerIn: parent
        width: parent.width - 128
        spacing: 32
        SymbolPictogram {
            anchors.horizontalCenter: parent.horizontalCenter
            symbol: "warning"
            ink: Theme.accent
            width: 160
            height: 160
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.title
            font.bold: true
            text: qsTr("Too many wrong PINs")
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.large
            text: qsTr("The keypad is locked for %1 min %2 s.").arg(panel.minutes).arg(panel.seconds)
        }
    }

    GateButton {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 24
        text: qsTr("Close")
        onClicked: panel.service.exit()
    }
}
