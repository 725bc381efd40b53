pragma Singleton
import QtQuick

// Colours and type sizes of the touchscreen: high contrast, readable at arm's
// length. The box ships Noto Sans CJK; WenQuanYi Micro Hei and DejaVu Sans are
// the fallbacks of development machines.
QtObject {
    readonly property color background: "#0b1f3a"
    readonly property color panel: "#163a6b"
    readonly property color panelEdge: "#2d5a94"
    readonly property color text: "#ffffff"
    readonly property color muted: "#c4d2e6"
    readonly property color accent: "#ffc72c"
    readonly property color go: "#0a7a36"
    readonly property color stop: "#b3261e"
    readonly property color offline: "#3b4250"
    readonly property color alarm: "#c62828"
    readonly property color ok: "#2e9d57"
    readonly property color warning: "#e0a000"
    readonly property color fault: "#d9382f"

    readonly property int hero: 104
    readonly property int title: 60
    readonly property int large: 44
    readonly property int body: 32
    readonly property int small: 24

    readonly property string fontFamily: firstInstalled(["Noto Sans CJK SC", "Source Han Sans SC",
                                                         "WenQuanYi Micro Hei", "DejaVu Sans"])

    function firstInstalled(candidates) {
        const installed = Qt.fontFamilies()
        for (const family of candidates) {
            if (installed.indexOf(family) >= 0)
                return family
        }
        return "sans-serif"
    }
}
