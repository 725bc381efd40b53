#pragma once

#include <QJsonObject>

namespace gate::e2e {

class Station;

// Station-wide anti-passback as the bench's passengers meet it. Gate A is the
// whole gate (camera e-ticket passengers, lane simulator) shipping its audit
// trail to a real rsyslog that files passage records; `gate-issuer relay`
// publishes them as `used` records; gate B is the gate's own list sync
// (sync::TicketListSyncService) polling nginx every `listIntervalS` into a
// store of its own. Per passage: A's "passage passed" → the sync at B that
// applied its `used` record. Goal: p99 ≤ 10 s with the 5 s poll.
QJsonObject passbackRun(Station &station, int passengerCount, int intervalMs, int listIntervalS);

} // namespace gate::e2e
