import QtQuick
import StationGate.Ui

// Covers the passenger screens while the service mode is open.
Item {
    id: overlay

    required property ServiceModeModel service

    visible: service.stage !== ServiceModeModel.Closed

    // Swallows touches meant for the passenger screens underneath.
    MouseArea {
        anchors.fill: parent
        onPressed: overlay.service.noteActivity()
    }

    Keypad {
        anchors.fill: parent
        visible: overlay.service.stage === ServiceModeModel.StaffNumber || overlay.service.stage === ServiceModeModel.Pin
        service: overlay.service
    }
    LockedOutPanel {
        anchors.fill: parent
        visible: overlay.service.stage === ServiceModeModel.LockedOut
        service: overlay.service
    }
    ServicePanel {
        objectName: "servicePanel"
        anchors.fill: parent
        visible: overlay.service.stage === ServiceModeModel.Open
        service: overlay.service
    }
}
