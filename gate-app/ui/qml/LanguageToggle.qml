import QtQuick
import StationGate.Ui

// Shows the language it switches to, written in that language.
Rectangle {
    id: toggle

    required property PassengerScreenModel passenger

    implicitWidth: label.implicitWidth + 64
    implicitHeight: 88
    radius: 16
    color: tap.pressed ? Theme.panelEdge : Theme.panel
    border.color: Theme.text
    border.width: 3

    GateText {
        id: label
        anchors.centerIn: parent
        font.pixelSize: Theme.body
        font.bold: true
        text: toggle.passenger.english ? "中文" : "English"
    }

    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: toggle.passenger.toggleLanguage()
    }
}
