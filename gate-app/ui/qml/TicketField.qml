import QtQuick

// One labelled value of the admitted ticket; hidden when the ticket lacks it.
Column {
    property alias label: labelText.text
    property alias value: valueText.text
    // A long value (a journey between two long station names) wraps within
    // this width, its row's, rather than leaving the screen.
    property real maximumWidth: parent ? parent.width : 0

    visible: value.length > 0
    spacing: 4

    GateText {
        id: labelText
        color: "#d8f5e1"
        font.pixelSize: Theme.small
    }
    GateText {
        id: valueText
        width: maximumWidth > 0 ? Math.min(implicitWidth, maximumWidth) : implicitWidth
        font.pixelSize: Theme.large + 12
        font.bold: true
    }
}
