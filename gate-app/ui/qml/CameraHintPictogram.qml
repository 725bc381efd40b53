import QtQuick

// What the camera wants: a viewfinder with the document drawn at the size
// or with the glare the hint is about.
Item {
    id: pictogram

    property string hint: "reading"
    property color ink: Theme.text
    readonly property real documentScale: hint === "move_closer" ? 0.45 : 0.75

    implicitWidth: 300
    implicitHeight: 300

    Repeater {
        model: 4
        Item {
            id: corner
            required property int index
            readonly property bool onRight: index % 2 === 1
            readonly property bool onBottom: index >= 2
            width: pictogram.width * 0.22
            height: width
            x: onRight ? pictogram.width - width : 0
            y: onBottom ? pictogram.height - height : 0
            Rectangle {
                width: corner.width; height: 10
                y: corner.onBottom ? corner.height - height : 0
                color: Theme.accent
            }
            Rectangle {
                width: 10; height: corner.height
                x: corner.onRight ? corner.width - width : 0
                color: Theme.accent
            }
        }
    }

    IdCardPictogram {
        anchors.centerIn: parent
        width: pictogram.width * 0.8 * pictogram.documentScale
        height: width / 1.58
        ink: pictogram.ink
    }

    Rectangle {
        visible: pictogram.hint === "glare"
        anchors.centerIn: parent
        anchors.horizontalCenterOffset: pictogram.width * 0.12
        anchors.verticalCenterOffset: -pictogram.height * 0.08
        width: pictogram.width * 0.3
        height: width
        radius: width / 2
        color: "#fffbe0"
        border.color: Theme.accent
        border.width: 8
    }
}
