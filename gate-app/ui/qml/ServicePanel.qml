import QtQuick
import StationGate.Ui

// Device health, counters, alarms, commands and the recent decisions.
Rectangle {
    id: panel

    required property ServiceModeModel service
    readonly property bool portrait: width < height
    readonly property var stateColours: ({ "ok": Theme.ok, "starting": Theme.warning, "degraded": Theme.warning })

    color: Theme.background

    Rectangle {
        id: header
        width: parent.width
        height: 96
        color: Theme.panel
        GateText {
            anchors.verticalCenter: parent.verticalCenter
            x: 32
            font.pixelSize: Theme.large
            font.bold: true
            text: qsTr("Service mode, staff %1").arg(panel.service.staffId)
        }
        GateButton {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.rightMargin: 16
            height: 72
            text: qsTr("Exit")
            onClicked: panel.service.exit()
        }
    }

    Grid {
        id: columns
        x: 24
        y: header.height + 24
        columns: panel.portrait ? 1 : 3
        spacing: 24
        readonly property real columnWidth: panel.portrait ? panel.width - 48 : (panel.width - 48 - 2 * spacing) / 3

        Column {
            width: columns.columnWidth
            spacing: 20
            StatusList {
                width: parent.width
                title: qsTr("Devices")
                Repeater {
                    model: panel.service.deviceHealth
                    Row {
                        required property var modelData
                        spacing: 12
                        Rectangle {
                            anchors.verticalCenter: parent.verticalCenter
                            width: 20
                            height: 20
                            radius: 10
                            color: panel.stateColours[modelData.state] ?? Theme.fault
                        }
                        GateText {
                            width: columns.columnWidth - 32
                            font.pixelSize: Theme.small
                            text: modelData.detail !== "" ? modelData.device + ": " + modelData.detail : modelData.device
                        }
                    }
                }
            }
            StatusList {
                width: parent.width
                title: qsTr("Ticket list and log sync")
                GateText {
                    width: parent.width
                    font.pixelSize: Theme.small
                    text: qsTr("List %1, %2 min old").arg(panel.service.listSeq).arg(Math.floor(panel.service.listAgeSecs / 60))
                }
                GateText {
                    width: parent.width
                    font.pixelSize: Theme.small
                    text: qsTr("%1 records waiting to be sent").arg(panel.service.backlog)
                }
            }
        }

        Column {
            width: columns.columnWidth
            spacing: 20
            StatusList {
                width: parent.width
                title: qsTr("Lane counters")
                Repeater {
                    model: panel.service.laneCounters
                    GateText {
                        required property var modelData
                        width: columns.columnWidth
                        font.pixelSize: Theme.small
                        text: modelData.name + ": " + modelData.value
                    }
                }
            }
            StatusList {
                width: parent.width
                title: qsTr("Alarms")
                GateText {
                    width: parent.width
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    visible: panel.service.alarms.length === 0
                    text: qsTr("None")
                }
                Repeater {
                    model: panel.service.alarms
                    GateText {
                        required property string modelData
                        width: columns.columnWidth
                        font.pixelSize: Theme.small
                        font.bold: true
                        color: Theme.fault
                        text: modelData
                    }
                }
            }
            // The last passport's chip: what it proved and its DG2 face, for
            // staff to compare with the passenger.
            StatusList {
                width: parent.width
                visible: panel.service.passportChip !== ""
                title: qsTr("Last passport chip")
                GateText {
                    width: parent.width
                    font.pixelSize: Theme.small
                    color: panel.service.passportChip.startsWith("verified") ? Theme.ok
                         : panel.service.passportChip.startsWith("forged") ? Theme.fault : Theme.warning
                    text: panel.service.passportChip
                }
                PassportFace {
                    width: 150
                    height: 200
                    image: panel.service.passportFace
                }
            }
        }

        Column {
            width: columns.columnWidth
            spacing: 12
            Grid {
                id: commands
                width: parent.width
                columns: 2
                spacing: 12
                readonly property real buttonWidth: (width - spacing) / 2
                Repeater {
                    model: [
                        { command: "open_once_entry", label: qsTr("Open once, entry") },
                        { command: "open_once_exit", label: qsTr("Open once, exit") },
                        { command: "free_entry", label: qsTr("Free entry") },
                        { command: "free_exit", label: qsTr("Free exit") },
                        { command: "free_passage", label: qsTr("Free passage") },
                        { command: "normal", label: qsTr("Normal operation") },
                        { command: "lock", label: qsTr("Lock lane") },
                        { command: "alarm_reset", label: qsTr("Reset alarm") },
                        { command: "emergency_reset", label: qsTr("Reset emergency") },
                        { command: "sync_now", label: qsTr("Sync now") }
                    ]
                    GateButton {
                        required property var modelData
                        width: commands.buttonWidth
                        height: 72
                        fontSize: Theme.small
                        text: modelData.label
                        enabled: !(modelData.command in panel.service.commandRefusals)
                        onClicked: panel.service.command(modelData.command)
                    }
                }
            }
            // Why some commands are greyed out: the lane controller would refuse them.
            Repeater {
                model: [...new Set(Object.values(panel.service.commandRefusals))]
                GateText {
                    required property string modelData
                    width: commands.width
                    font.pixelSize: Theme.small
                    font.bold: true
                    color: Theme.warning
                    text: ({ "link_down": qsTr("No link to the lane: lane commands are unavailable"),
                             "emergency": qsTr("Emergency latched: reset the emergency first"),
                             "fire_alarm_active": qsTr("Fire alarm input active: the emergency cannot be reset") })[modelData] ?? modelData
                }
            }
            // What became of the last commands, as the audit trail has it.
            Repeater {
                model: panel.service.commandOutcomes
                GateText {
                    required property var modelData
                    readonly property var outcomeTexts: ({ "done": qsTr("done"), "failed": qsTr("failed"), "refused": qsTr("refused") })
                    width: commands.width
                    font.pixelSize: Theme.small
                    color: modelData.outcome === "done" ? Theme.ok : Theme.fault
                    text: qsTr("%1 %2: %3").arg(modelData.time).arg(modelData.command)
                          .arg(modelData.reason !== "" ? (outcomeTexts[modelData.outcome] ?? modelData.outcome) + " (" + modelData.reason + ")"
                                                       : (outcomeTexts[modelData.outcome] ?? modelData.outcome))
                }
            }
        }
    }

    Rectangle {
        id: decisionsBox
        x: 24
        y: columns.y + columns.height + 24
        width: panel.width - 48
        height: panel.height - y - 24
        radius: 12
        color: Theme.panel

        GateText {
            id: decisionsTitle
            x: 16
            y: 12
            color: Theme.accent
            font.pixelSize: Theme.small
            font.bold: true
            text: qsTr("Last decisions")
        }
        ListView {
            x: 16
            y: decisionsTitle.y + decisionsTitle.height + 8
            width: parent.width - 32
            height: parent.height - y - 12
            clip: true
            model: panel.service.decisions
            onMovementStarted: panel.service.noteActivity()
            delegate: GateText {
                required property var modelData
                width: ListView.view.width
                font.pixelSize: Theme.small
                color: modelData.admit ? Theme.text : "#ffb4ab"
                text: [modelData.time, modelData.admit ? qsTr("allowed") : qsTr("denied"), modelData.reason,
                       modelData.credential, modelData.train].filter(part => part !== "").join("   ")
            }
        }
    }
}
