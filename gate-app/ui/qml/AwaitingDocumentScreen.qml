import QtQuick
import StationGate.Ui

// The second step of a code bound to its holder: the code was read, now the
// document it was bought with, within the time shown.
Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height

    color: Theme.background

    Row {
        id: documents
        x: screen.portrait ? (screen.width - width) / 2 : 72
        y: screen.portrait ? 120 : (screen.height - height) / 2
        spacing: 24
        IdCardPictogram {
            width: screen.portrait ? 300 : 260
            height: width
        }
        PassportPictogram {
            width: screen.portrait ? 300 : 260
            height: width
            visible: !screen.portrait
        }
    }

    Column {
        x: screen.portrait ? 64 : documents.x + documents.width + 56
        width: screen.width - x - 64
        y: screen.portrait ? documents.y + documents.height + 72 : (screen.height - height) / 2
        spacing: 32
        GateText {
            width: parent.width
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.accent
            text: qsTr("Now place the ID card or passport you bought the ticket with")
        }
        GateText {
            width: parent.width
            color: Theme.muted
            font.pixelSize: Theme.large
            text: qsTr("This e-ticket is valid only with its holder's document")
        }
        GateText {
            objectName: "documentCountdown"
            width: parent.width
            font.pixelSize: Theme.large
            font.bold: true
            text: qsTr("Seconds left: %1").arg(screen.passenger.documentSecsLeft)
        }
    }

    LanguageToggle {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 40
        passenger: screen.passenger
    }
}
