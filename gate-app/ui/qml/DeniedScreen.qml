import QtQuick
import StationGate.Ui

Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height
    // A wide lane's passengers may see the screen from a wheelchair, further off.
    readonly property real symbolScale: passenger.wideLane ? 1.3 : 1

    color: Theme.stop

    SymbolPictogram {
        id: cross
        symbol: "cross"
        width: (screen.portrait ? 220 : 260) * screen.symbolScale
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : 72
        y: screen.portrait ? 96 : (screen.height - height) / 2
    }

    Column {
        x: screen.portrait ? 64 : cross.x + cross.width + 64
        width: screen.width - x - 64
        y: screen.portrait ? cross.y + cross.height + 64 : (screen.height - height) / 2
        spacing: 36
        GateText {
            width: parent.width
            font.pixelSize: Theme.title + 8
            font.bold: true
            text: screen.passenger.headline !== "" ? screen.passenger.headline : qsTr("Entry not possible")
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.large
            // Staff are at a wide lane: nobody is sent elsewhere to find them.
            text: screen.passenger.staffHelpsHere ? qsTr("Staff will help you") : screen.passenger.advice
            visible: text !== ""
        }
        GateText {
            width: parent.width
            color: "#ffd9d6"
            font.pixelSize: Theme.small
            text: qsTr("Code %1").arg(screen.passenger.reasonCode)
            visible: screen.passenger.reasonCode !== ""
        }
    }

    LanguageToggle {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 40
        passenger: screen.passenger
    }
}
