import QtQuick

// A resident ID card: photo on the right, text lines and the chip on the left.
Item {
    id: pictogram

    property color ink: Theme.text

    implicitWidth: 320
    implicitHeight: 220

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height * 1.58)
        height: width / 1.58
        radius: width * 0.06
        color: "transparent"
        border.color: pictogram.ink
        border.width: Math.max(4, width * 0.025)

        Repeater {
            model: 4
            Rectangle {
                required property int index
                x: card.width * 0.09
                y: card.height * (0.2 + index * 0.15)
                width: card.width * (index === 0 ? 0.3 : 0.5)
                height: card.height * 0.06
                radius: height / 2
                color: pictogram.ink
            }
        }
        Rectangle {
            x: card.width * 0.09
            y: card.height * 0.8 - height
            width: card.width * 0.16
            height: card.height * 0.16
            radius: 4
            color: Theme.accent
        }
        Item {
            x: card.width * 0.64
            y: card.height * 0.18
            width: card.width * 0.27
            height: card.height * 0.6
            clip: true
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                y: parent.height * 0.1
                width: parent.width * 0.5
                height: width
                radius: width / 2
                color: pictogram.ink
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                y: parent.height * 0.6
                width: parent.width * 0.9
                height: parent.height * 0.8
                radius: width / 2
                color: pictogram.ink
            }
        }
    }
}
