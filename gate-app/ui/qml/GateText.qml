import QtQuick

Text {
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.body
    wrapMode: Text.WordWrap
    textFormat: Text.PlainText
}
