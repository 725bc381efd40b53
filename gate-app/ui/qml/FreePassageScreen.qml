import QtQuick
import StationGate.Ui

// The lane stands open without a ticket check, one way or both: staff set it
// from the service mode (a drill, a crowd, a group). Each way is told whether
// it may go through, so a passenger facing the closed way is not waved on: the
// arrow only shows when both ways are free.
Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height
    readonly property string freeWay: ({ "free_entry": "entry", "free_exit": "exit" })[passenger.outOfServiceReason] ?? "both"

    color: Theme.go

    SymbolPictogram {
        id: arrow
        symbol: "arrow"
        visible: screen.freeWay === "both"
        width: screen.portrait ? screen.width * 0.45 : screen.height * 0.5
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : screen.width - width - 72
        y: screen.portrait ? screen.height - height - 72 : (screen.height - height) / 2
    }

    Column {
        x: 72
        width: screen.portrait || !arrow.visible ? screen.width - 144 : arrow.x - 144
        y: screen.portrait ? 120 : (screen.height - height) / 2
        spacing: 36
        GateText {
            width: parent.width
            font.pixelSize: Theme.hero
            font.bold: true
            text: screen.freeWay === "entry" ? qsTr("Free entry") : screen.freeWay === "exit" ? qsTr("Free exit") : qsTr("Free passage")
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.large
            text: screen.freeWay === "entry" ? qsTr("Entering: no ticket check, please go through")
                : screen.freeWay === "exit" ? qsTr("Leaving: no ticket check, please go through")
                : qsTr("No ticket check: please go through")
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.large
            color: Theme.accent
            visible: screen.freeWay !== "both"
            text: screen.freeWay === "entry" ? qsTr("Leaving: please use another gate") : qsTr("Entering: please use another gate")
        }
    }

    LanguageToggle {
        anchors.right: parent.right
        anchors.rightMargin: 48
        y: 40
        passenger: screen.passenger
    }
}
