import QtQuick
import StationGate.Ui

// The ticket list has not been refreshed for a while: passengers may be
// refused a ticket bought recently, so they are told where to get help.
Rectangle {
    id: banner

    required property PassengerScreenModel passenger

    readonly property int ageMinutes: Math.floor(passenger.listAgeSecs / 60)

    height: message.implicitHeight + 32
    color: Theme.accent

    GateText {
        id: message
        anchors.centerIn: parent
        width: parent.width - 64
        horizontalAlignment: Text.AlignHCenter
        color: "#1a1a1a"
        font.pixelSize: Theme.small
        font.bold: true
        text: banner.ageMinutes >= 60
              ? qsTr("Ticket data last updated %1 h %2 min ago. Tickets bought since then: please ask staff.")
                .arg(Math.floor(banner.ageMinutes / 60)).arg(banner.ageMinutes % 60)
              : qsTr("Ticket data last updated %1 min ago. Tickets bought since then: please ask staff.")
                .arg(banner.ageMinutes)
    }
}
