import QtQuick
import StationGate.Ui

Rectangle {
    id: screen

    required property PassengerScreenModel passenger

    color: Theme.offline

    // What staff must still set on a gate that is not commissioned, by item
    // (core/config/commissioning.h), in the screen's language.
    readonly property var commissioningItems: ({
        "root_key": qsTr("root key"),
        "device_key": qsTr("device key"),
        "lane_address": qsTr("lane address")
    })
    readonly property string toCommission: screen.passenger.notCommissioned
        .map(item => screen.commissioningItems[item] ?? item).join(qsTr(", "))

    Column {
        anchors.centerIn: parent
        width: parent.width - 128
        spacing: 40
        SymbolPictogram {
            anchors.horizontalCenter: parent.horizontalCenter
            symbol: "cross"
            ink: Theme.accent
            width: 200
            height: 200
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.hero
            font.bold: true
            text: qsTr("This gate is closed")
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.large
            text: qsTr("Please use another gate")
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.large
            wrapMode: Text.WordWrap
            text: qsTr("Not commissioned. Still to set: %1").arg(screen.toCommission)
            visible: screen.toCommission !== ""
        }
        GateText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: Theme.muted
            font.pixelSize: Theme.small
            text: qsTr("Code %1").arg(screen.passenger.outOfServiceReason)
            visible: screen.passenger.outOfServiceReason !== ""
        }
    }
}
