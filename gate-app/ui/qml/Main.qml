import QtQuick
import StationGate.Ui

// The touchscreen: the passenger screen the model asks for, the service mode
// above it, and the staff's corner to reach it.
Window {
    id: window

    required property PassengerScreenModel passenger
    required property ServiceModeModel service
    property bool portrait: false

    width: portrait ? 800 : 1280
    height: portrait ? 1280 : 800
    color: Theme.background
    title: qsTr("Station gate")

    IdleScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.Idle
        passenger: window.passenger
    }
    ReadingScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.Reading
        passenger: window.passenger
    }
    AdmittedScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.Admitted
        passenger: window.passenger
    }
    DeniedScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.Denied
        passenger: window.passenger
    }
    OutOfServiceScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.OutOfService
        passenger: window.passenger
    }
    FreePassageScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.FreePassage
        passenger: window.passenger
    }
    AwaitingDocumentScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.AwaitingDocument
        passenger: window.passenger
    }
    EmergencyScreen {
        anchors.fill: parent
        visible: window.passenger.screen === PassengerScreenModel.Emergency
    }

    // Staff hold the top-left corner for three seconds to open the keypad.
    MouseArea {
        objectName: "serviceCorner"
        width: 120
        height: 120
        pressAndHoldInterval: 3000
        onPressAndHold: window.service.requestEntry()
    }

    ServiceOverlay {
        anchors.fill: parent
        service: window.service
    }
}
