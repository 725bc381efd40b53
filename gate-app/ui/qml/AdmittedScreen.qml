import QtQuick
import StationGate.Ui

Rectangle {
    id: screen

    required property PassengerScreenModel passenger
    readonly property bool portrait: width < height
    readonly property var ticket: passenger.ticket
    // A wide lane's passengers may see the screen from a wheelchair, further off.
    readonly property real symbolScale: passenger.wideLane ? 1.3 : 1

    color: Theme.go

    SymbolPictogram {
        id: arrow
        symbol: "arrow"
        direction: screen.ticket.direction ?? "ahead"
        // In landscape the arrow stays below the headline, which spans the
        // screen: on a wide lane it grows only as far as the height left.
        readonly property real belowHeadline: details.y + headlineRow.height + 24
        width: screen.portrait ? screen.width * 0.45 * screen.symbolScale : Math.min(screen.height * 0.6 * screen.symbolScale, screen.height - belowHeadline - 48)
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : screen.width - width - 72
        y: screen.portrait ? screen.height - height - 72 : Math.max((screen.height - height) / 2, belowHeadline)
    }

    Column {
        id: details
        x: 72
        y: 64
        width: screen.portrait ? screen.width - 144 : arrow.x - 144
        spacing: 36

        Row {
            id: headlineRow
            spacing: 28
            SymbolPictogram {
                id: tick
                symbol: "tick"
                width: 120 * screen.symbolScale
                height: width
            }
            GateText {
                // One line's height above the arrow, as wide as the screen
                // allows: a longer headline (a party, a longer language)
                // gets smaller, and wraps where it must.
                width: screen.width - 2 * details.x - tick.width - parent.spacing
                height: Math.ceil(Theme.hero * 1.4)
                anchors.verticalCenter: parent.verticalCenter
                verticalAlignment: Text.AlignVCenter
                fontSizeMode: Text.Fit
                minimumPixelSize: Theme.small
                font.pixelSize: Theme.hero
                font.bold: true
                // A party passes on one admission, the lane counting each.
                text: (screen.ticket.party ?? 1) > 1 ? qsTr("%1 passengers, please pass one by one").arg(screen.ticket.party) : qsTr("Please go through")
            }
        }

        Flow {
            width: parent.width
            spacing: 48
            TicketField {
                label: qsTr("Train")
                value: screen.ticket.train ?? ""
            }
            TicketField {
                label: qsTr("Coach")
                value: screen.ticket.coach ?? ""
            }
            TicketField {
                label: qsTr("Seat")
                value: screen.ticket.seat ?? ""
            }
        }

        Flow {
            width: parent.width
            spacing: 48
            TicketField {
                label: qsTr("Journey")
                readonly property string from: screen.ticket["from_" + screen.passenger.languageCode] ?? ""
                readonly property string to: screen.ticket["to_" + screen.passenger.languageCode] ?? ""
                value: from !== "" ? qsTr("%1 to %2").arg(from).arg(to) : ""
            }
            TicketField {
                label: qsTr("Departs")
                value: screen.ticket.departure ?? ""
            }
            TicketField {
                label: qsTr("Passenger")
                value: screen.ticket.name ?? ""
            }
        }
    }
}
