import QtQuick
import StationGate.Ui

Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height

    color: Theme.background

    GateText {
        id: title
        x: 48
        y: 40
        width: screen.width - toggle.width - 144
        font.pixelSize: Theme.title
        font.bold: true
        text: qsTr("Please present your ticket or ID")
    }

    LanguageToggle {
        id: toggle
        anchors.right: parent.right
        anchors.rightMargin: 48
        y: 40
        passenger: screen.passenger
    }

    Grid {
        id: cards
        readonly property int bottomSpace: banner.visible ? banner.height + 24 : 48
        x: 48
        y: Math.max(title.y + title.height, toggle.y + toggle.height) + 40
        columns: screen.portrait ? 1 : 3
        spacing: 32
        readonly property real cardWidth: screen.portrait ? screen.width - 96 : (screen.width - 96 - 2 * spacing) / 3
        readonly property real cardHeight: (screen.portrait ? (screen.height - y - bottomSpace - 2 * spacing) / 3
                                                            : screen.height - y - bottomSpace)

        PresentCard {
            width: cards.cardWidth
            height: cards.cardHeight
            horizontal: screen.portrait
            title: qsTr("E-ticket QR code")
            instruction: qsTr("Hold the code under the scanner window")
            QrPictogram { anchors.fill: parent }
        }
        PresentCard {
            width: cards.cardWidth
            height: cards.cardHeight
            horizontal: screen.portrait
            title: qsTr("ID card or residence permit")
            instruction: qsTr("Place the card flat on the reader")
            IdCardPictogram { anchors.fill: parent }
        }
        PresentCard {
            width: cards.cardWidth
            height: cards.cardHeight
            horizontal: screen.portrait
            title: qsTr("Passport")
            instruction: qsTr("Lay the photo page face down on the glass")
            PassportPictogram { anchors.fill: parent }
        }
    }

    StaleBanner {
        id: banner
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: screen.passenger.listStale
        passenger: screen.passenger
    }
}
