#pragma once

#include <QString>

#include <optional>

namespace gate {

// What staff can do to a lane from the service mode.
enum class LaneServiceCommand {
    OpenOnceEntry,
    OpenOnceExit,
    FreeEntry,
    FreeExit,
    FreePassage, // both directions
    Lock,
    Normal,
    EmergencyOpen,
    EmergencyReset,
    AlarmReset,
};

// The command's stable name ("free_entry"), as the service mode and the audit
// trail carry it; laneServiceCommandFromString() is its inverse.
QString toString(LaneServiceCommand command);
std::optional<LaneServiceCommand> laneServiceCommandFromString(const QString &name);

// Why the lane controller refuses `command` without sending it to the lane:
// "emergency" while evacuation is latched (only emergency open and reset go
// through), "link_down" without a link, "fire_alarm_active" for an emergency
// reset while the fire-alarm input is on; empty when it goes to the lane. The
// service screen uses the same rule to disable what would be refused.
QString serviceCommandRefusal(LaneServiceCommand command, bool emergencyLatched, bool linkUp,
                              bool fireAlarmActive);

} // namespace gate
