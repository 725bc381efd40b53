import QtQuick
import StationGate.Ui

Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height
    readonly property var hints: ({
        "hold_still": qsTr("Hold still"),
        "move_closer": qsTr("Move the document closer"),
        "glare": qsTr("Glare: tilt the document slightly"),
        "reading_chip": qsTr("Reading the chip, keep the passport still")
    })

    color: Theme.background

    CameraHintPictogram {
        id: pictogram
        width: Math.min(screen.width, screen.height) * 0.45
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : 96
        y: screen.portrait ? 120 : (screen.height - height) / 2
        hint: screen.passenger.readingHint
    }

    Column {
        x: screen.portrait ? 64 : pictogram.x + pictogram.width + 80
        width: screen.width - x - 64
        y: screen.portrait ? pictogram.y + pictogram.height + 80 : (screen.height - height) / 2
        spacing: 32
        GateText {
            width: parent.width
            font.pixelSize: Theme.hero
            font.bold: true
            color: screen.passenger.readingHint in screen.hints ? Theme.accent : Theme.text
            text: screen.hints[screen.passenger.readingHint] ?? qsTr("Reading…")
        }
        GateText {
            width: parent.width
            color: Theme.muted
            font.pixelSize: Theme.large
            text: qsTr("Keep the ticket or document in place until the screen changes")
        }
    }

    LanguageToggle {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 40
        passenger: screen.passenger
    }
}
