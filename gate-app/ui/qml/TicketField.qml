import QtQuick

// One labelled value of the admitted ticket; hidden when the ticket lacks it.
Column {
    property alias label: labelText.text
    property alias value: valueText.text

    visible: value.length > 0
    spacing: 4

    GateText {
        id: labelText
        color: "#d8f5e1"
        font.pixelSize: Theme.small
    }
    GateText {
        id: valueText
        font.pixelSize: Theme.large + 12
        font.bold: true
    }
}
