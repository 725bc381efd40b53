import QtQuick
import QtQuick.Shapes

// The large result symbols: a tick, a cross, or an arrow pointing the way
// ("ahead", "left", "right").
Item {
    id: pictogram

    property string symbol: "tick"
    property string direction: "ahead"
    property color ink: Theme.text
    readonly property real stroke: Math.min(width, height) * 0.12

    implicitWidth: 240
    implicitHeight: 240

    Shape {
        anchors.fill: parent
        visible: pictogram.symbol === "tick"
        ShapePath {
            strokeColor: pictogram.ink
            strokeWidth: pictogram.stroke
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            startX: pictogram.width * 0.15; startY: pictogram.height * 0.55
            PathLine { x: pictogram.width * 0.4; y: pictogram.height * 0.8 }
            PathLine { x: pictogram.width * 0.88; y: pictogram.height * 0.22 }
        }
    }

    Shape {
        anchors.fill: parent
        visible: pictogram.symbol === "cross"
        ShapePath {
            strokeColor: pictogram.ink
            strokeWidth: pictogram.stroke
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            startX: pictogram.width * 0.2; startY: pictogram.height * 0.2
            PathLine { x: pictogram.width * 0.8; y: pictogram.height * 0.8 }
            PathMove { x: pictogram.width * 0.8; y: pictogram.height * 0.2 }
            PathLine { x: pictogram.width * 0.2; y: pictogram.height * 0.8 }
        }
    }

    Shape {
        anchors.fill: parent
        visible: pictogram.symbol === "arrow"
        rotation: pictogram.direction === "left" ? -90 : pictogram.direction === "right" ? 90 : 0
        ShapePath {
            strokeColor: "transparent"
            fillColor: pictogram.ink
            startX: pictogram.width * 0.5; startY: pictogram.height * 0.05
            PathLine { x: pictogram.width * 0.92; y: pictogram.height * 0.5 }
            PathLine { x: pictogram.width * 0.66; y: pictogram.height * 0.5 }
            PathLine { x: pictogram.width * 0.66; y: pictogram.height * 0.95 }
            PathLine { x: pictogram.width * 0.34; y: pictogram.height * 0.95 }
            PathLine { x: pictogram.width * 0.34; y: pictogram.height * 0.5 }
            PathLine { x: pictogram.width * 0.08; y: pictogram.height * 0.5 }
            PathLine { x: pictogram.width * 0.5; y: pictogram.height * 0.05 }
        }
    }

    Shape {
        anchors.fill: parent
        visible: pictogram.symbol === "warning"
        ShapePath {
            strokeColor: pictogram.ink
            strokeWidth: pictogram.stroke * 0.6
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            startX: pictogram.width * 0.5; startY: pictogram.height * 0.08
            PathLine { x: pictogram.width * 0.95; y: pictogram.height * 0.9 }
            PathLine { x: pictogram.width * 0.05; y: pictogram.height * 0.9 }
            PathLine { x: pictogram.width * 0.5; y: pictogram.height * 0.08 }
        }
        ShapePath {
            strokeColor: pictogram.ink
            strokeWidth: pictogram.stroke * 0.6
            capStyle: ShapePath.RoundCap
            startX: pictogram.width * 0.5; startY: pictogram.height * 0.38
            PathLine { x: pictogram.width * 0.5; y: pictogram.height * 0.62 }
            PathMove { x: pictogram.width * 0.5; y: pictogram.height * 0.76 }
            PathLine { x: pictogram.width * 0.5; y: pictogram.height * 0.77 }
        }
    }
}
