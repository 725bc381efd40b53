#pragma once

#include "gaterun.h"

#include <QJsonObject>

namespace gate::e2e {

// The JSON of one run: latency per credential kind (read to lane
// acknowledgement of the open command, read to decision), decisions and
// denial reasons, lane passages and throughput, gate RSS.
QJsonObject runReport(const RunFigures &figures, int presented);

// How long the lane stood free while a passenger's credential had already been
// read and the software had not yet had the barrier open: for each opening,
// from the later of "read" and "the lane freed by the previous passage"
// (passed or timed out) to the acknowledgement of the open command; summed
// over the run from the first read to the last passage, as a share of it.
QJsonObject laneWaitReport(const RunFigures &figures);

// RSS at each tenth of the run's decisions, and its growth from the first
// fifth (caches warm) to the end.
QJsonObject memoryTrendReport(const RunFigures &figures);

} // namespace gate::e2e
