#pragma once

#include <QString>

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

QString toString(LaneServiceCommand command);

} // namespace gate
