import QtQuick

// Evacuation: every gate stands open. The text stays in both languages at
// once here, because nobody toggles a language while leaving a station.
Rectangle {
    id: screen

    readonly property bool portrait: width < height

    color: Theme.alarm

    Rectangle {
        anchors.fill: parent
        anchors.margins: 20
        color: "transparent"
        border.color: Theme.accent
        border.width: 20
    }

    SymbolPictogram {
        id: arrow
        symbol: "arrow"
        width: screen.portrait ? 280 : 320
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : screen.width - width - 96
        y: screen.portrait ? screen.height - height - 96 : (screen.height - height) / 2
    }

    Column {
        x: 96
        width: (screen.portrait ? screen.width : arrow.x) - 192
        y: screen.portrait ? 120 : (screen.height - height) / 2
        spacing: 28
        GateText {
            width: parent.width
            font.pixelSize: Theme.hero
            font.bold: true
            text: "紧急疏散"
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.title
            font.bold: true
            text: "Emergency: evacuate"
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.body + 4
            text: "所有闸机已打开。请保持冷静，听从工作人员指挥，有序离开车站。"
        }
        GateText {
            width: parent.width
            font.pixelSize: Theme.body + 4
            text: "All gates are open. Stay calm, follow the staff and leave the station."
        }
    }
}
