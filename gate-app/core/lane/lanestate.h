#pragma once

#include <QString>

namespace gate {

// The lane controller's states (docs/lane.md has the diagram). The passage
// states (Idle, Authorised, Open, PassageSeen) exist only while the lane is in
// controlled mode and reachable; the others follow what the lane reports.
enum class LaneState {
    Starting,     // no status from the lane yet
    Idle,         // closed, ready for a passenger
    Authorised,   // open command sent, not yet acknowledged
    Open,         // acknowledged: the passenger may pass
    PassageSeen,  // passed; waiting for the lane to clear
    FreePassage,  // the lane is in a free mode
    Locked,       // the lane is locked
    Evacuation,   // fire alarm or emergency: open, until reset from service mode
    OutOfService, // link down or lane fault
};

QString toString(LaneState state);

} // namespace gate
