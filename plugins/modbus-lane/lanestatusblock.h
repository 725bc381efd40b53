#pragma once

#include "laneprofile.h"

#include "hal/laneactuator.h"

#include <optional>
#include <span>

namespace gate::modbuslane {

// One poll's worth of lane state, decoded from the input-register block.
struct LaneStatusBlock {
    hal::LaneStatus status;
    quint16 rawEvent = 0;                            // as on the wire
    quint16 heartbeatEcho = 0;                       // the heartbeat the lane last copied
    std::optional<hal::LaneEvent> event;             // nullopt: a value the profile does not name
    std::optional<hal::LaneCommandResult> ackResult; // nullopt: unknown result value
};

// Decodes the block read from profile.inputBlockStart(). nullopt with a reason
// when the block is too short or a value cannot be a reply of this profile
// (an unknown mode), so that a garbled reply never turns into a lane state.
std::optional<LaneStatusBlock> decodeStatusBlock(const LaneProfile &profile,
                                                 std::span<const quint16> block, QString *error);

// The sequence numbers lost between two events (the counter wraps at 65535).
quint16 missedEvents(quint16 previousSeq, quint16 currentSeq);

} // namespace gate::modbuslane
