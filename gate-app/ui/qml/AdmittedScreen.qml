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
        width: (screen.portrait ? screen.width * 0.45 : screen.height * 0.6) * screen.symbolScale
        height: width
        x: screen.portrait ? (screen.width - width) / 2 : screen.width - width - 72
        y: screen.portrait ? screen.height - height - 72 : (screen.height - height) / 2
    }

    Column {
        x: 72
        y: 64
        width: screen.portrait ? screen.width - 144 : arrow.x - 144
        spacing: 36

        Row {
            spacing: 28
            SymbolPictogram {
                symbol: "tick"
                width: 120 * screen.symbolScale
                height: width
            }
            GateText {
                anchors.verticalCenter: parent.verticalCenter
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
                readonly property string from: (screen.passenger.english ? screen.ticket.from_en : screen.ticket.from_zh) ?? ""
                readonly property string to: (screen.passenger.english ? screen.ticket.to_en : screen.ticket.to_zh) ?? ""
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
