import QtQuick
import StationGate.Ui

// Shows the language it switches to, written in that language; the station's
// languages come round in turn. Hidden where the station enables one only.
Rectangle {
    id: toggle

    required property PassengerScreenModel passenger

    visible: label.text !== ""

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
        text: toggle.passenger.nextLanguageName
    }

    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: toggle.passenger.nextLanguage()
    }
}
