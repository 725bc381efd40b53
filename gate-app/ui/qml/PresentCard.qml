import QtQuick

// One way to present a credential on the idle screen: pictogram, name, and
// what to do with it. The texts take the room they need; the pictogram gets
// the rest.
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
        x: 28
        y: 28
        width: card.horizontal ? Math.min(card.height * 1.3, card.width * 0.4) - 56 : card.width - 56
        height: card.horizontal ? card.height - 56 : texts.y - 56
    }

    Column {
        id: texts
        x: card.horizontal ? pictogramArea.x + pictogramArea.width + 32 : 24
        width: card.horizontal ? card.width - x - 28 : card.width - 48
        y: card.horizontal ? (card.height - height) / 2 : card.height - height - 28
        spacing: 12
        GateText {
            id: titleText
            width: parent.width
            horizontalAlignment: card.horizontal ? Text.AlignLeft : Text.AlignHCenter
            font.pixelSize: Theme.large - 4
            font.bold: true
        }
        GateText {
            id: instructionText
            width: parent.width
            horizontalAlignment: card.horizontal ? Text.AlignLeft : Text.AlignHCenter
            color: Theme.muted
            font.pixelSize: Theme.body - 4
        }
    }
}
