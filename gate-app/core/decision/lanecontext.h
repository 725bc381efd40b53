#pragma once

#include <QString>

namespace gate {

// Where a decision is taken: the station, this gate and the group of gates
// that trains are assigned to ("A5" in "Please go to gate A5"), and the
// direction of the lane.
struct LaneContext {
    QString station; // telecode, e.g. "VNP"
    QString gateId;
    QString gateGroup;
    enum class Direction { Entry, Exit } direction = Direction::Entry;
};

} // namespace gate
