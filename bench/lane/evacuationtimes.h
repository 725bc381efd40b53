#pragma once

#include <QJsonObject>

#include <optional>

namespace gate::bench {

// Fire input raised on the lane -> emergency open executed by the lane, in
// milliseconds, for the register and the coil profile (default poll period),
// with the gate's lane driver on its bus thread and the lane controller on a
// deciding thread that is idle or blocked. The simulator runs without a fire
// release of its own, so the software is what opens it. nullopt when a lane
// could not be set up or a sample did not complete.
std::optional<QJsonObject> measureEvacuationTimes();

} // namespace gate::bench
