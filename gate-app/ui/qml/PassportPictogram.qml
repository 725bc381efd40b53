import QtQuick

// The open photo page of a passport with its two machine-readable lines.
Item {
    id: pictogram

    property color ink: Theme.text

    implicitWidth: 320
    implicitHeight: 220

    Rectangle {
        id: page
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height * 1.42)
        height: width / 1.42
        radius: width * 0.03
        color: "transparent"
        border.color: pictogram.ink
        border.width: Math.max(4, width * 0.025)

        Rectangle {
            x: page.width * 0.07
            y: page.height * 0.12
            width: page.width * 0.26
            height: page.height * 0.46
            radius: 6
            color: pictogram.ink
        }
        Repeater {
            model: 3
            Rectangle {
                required property int index
                x: page.width * 0.4
                y: page.height * (0.16 + index * 0.14)
                width: page.width * (index === 2 ? 0.3 : 0.5)
                height: page.height * 0.06
                radius: height / 2
                color: pictogram.ink
            }
        }
        Repeater {
            model: 2
            GateText {
                required property int index
                x: page.width * 0.07
                y: page.height * (0.66 + index * 0.14)
                width: page.width * 0.86
                wrapMode: Text.NoWrap
                clip: true
                color: Theme.accent
                font.family: "OCR B"
                font.pixelSize: page.height * 0.11
                font.bold: true
                text: "P<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"
            }
        }
    }
}
