import QtQuick

// A stylised QR code: three finder squares and a fixed scatter of modules.
Item {
    id: pictogram

    property color ink: Theme.text
    readonly property int modules: 13
    readonly property real cell: Math.min(width, height) / modules
    implicitWidth: 220
    implicitHeight: 220

    Item {
        id: code
        anchors.centerIn: parent
        width: pictogram.cell * pictogram.modules
        height: width

        Repeater {
            model: pictogram.modules * pictogram.modules
            Rectangle {
                required property int index
                readonly property int row: Math.floor(index / pictogram.modules)
                readonly property int column: index % pictogram.modules
                readonly property bool inFinder: (row < 6 && (column < 6 || column > pictogram.modules - 7)) || (row > pictogram.modules - 7 && column < 6)
                visible: !inFinder && (row * row * 3 + column * 5 + row * column * 7) % 5 < 2
                x: column * pictogram.cell
                y: row * pictogram.cell
                width: pictogram.cell
                height: pictogram.cell
                color: pictogram.ink
            }
        }

        Repeater {
            model: [Qt.point(0, 0), Qt.point(pictogram.modules - 5, 0), Qt.point(0, pictogram.modules - 5)]
            Rectangle {
                required property var modelData
                x: modelData.x * pictogram.cell
                y: modelData.y * pictogram.cell
                width: 5 * pictogram.cell
                height: width
                color: "transparent"
                border.color: pictogram.ink
                border.width: pictogram.cell
                Rectangle {
                    anchors.centerIn: parent
                    width: pictogram.cell * 2
                    height: width
                    color: pictogram.ink
                }
            }
        }
    }
}
