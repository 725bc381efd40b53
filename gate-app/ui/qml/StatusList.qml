import QtQuick

// A titled block of the service panel.
Column {
    id: block

    property alias title: heading.text
    default property alias rows: body.data

    spacing: 8

    GateText {
        id: heading
        width: block.width
        color: Theme.accent
        font.pixelSize: Theme.small
        font.bold: true
    }
    Column {
        id: body
        width: block.width
        spacing: 6
    }
}
