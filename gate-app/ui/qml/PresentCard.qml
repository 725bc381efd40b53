import QtQuick

// One way to present a credential on the idle screen: pictogram, name, and
// what to do with it.
Rectangle {
    id: card

    property alias title: titleText.text
    property alias instruction: instructionText.text
    default property alias pictogram: pictogramArea.data
    property bool horizontal: false

    radius: 24
    color: Theme.panel
    border.color: Theme.panelEdge
    border.width: 3

    Item {
        id: pictogramArea
        x: 32
        y: card.horizontal ? 32 : 40
        width: card.horizontal ? card.height * 1.2 - 64 : card.width - 64
        height: card.horizontal ? card.height - 64 : card.height * 0.45
    }

    Column {
        x: card.horizontal ? pictogramArea.x + pictogramArea.width + 32 : 32
        width: card.horizontal ? card.width - x - 32 : card.width - 64
        y: card.horizontal ? (card.height - height) / 2 : pictogramArea.y + pictogramArea.height + 32
        spacing: 16
        GateText {
            id: titleText
            width: parent.width
            horizontalAlignment: card.horizontal ? Text.AlignLeft : Text.AlignHCenter
            font.pixelSize: Theme.large
            font.bold: true
        }
        GateText {
            id: instructionText
            width: parent.width
            horizontalAlignment: card.horizontal ? Text.AlignLeft : Text.AlignHCenter
            color: Theme.muted
            font.pixelSize: Theme.body
        }
    }
}
