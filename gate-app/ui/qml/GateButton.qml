import QtQuick

Rectangle {
    id: button

    property alias text: label.text
    property color fill: Theme.panel
    property int fontSize: Theme.body
    signal clicked

    implicitWidth: Math.max(160, label.implicitWidth + 48)
    implicitHeight: 88
    radius: 14
    color: tap.pressed ? Qt.lighter(fill, 1.4) : fill
    border.color: Theme.panelEdge
    border.width: 2
    opacity: enabled ? 1 : 0.4

    GateText {
        id: label
        anchors.fill: parent
        anchors.margins: 8
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        font.pixelSize: button.fontSize
        font.bold: true
        fontSizeMode: Text.Fit
        minimumPixelSize: 16
    }

    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
