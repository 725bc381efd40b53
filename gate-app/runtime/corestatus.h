#pragma once

#include "core/audit/auditstore.h"
#include "core/decision/listage.h"
#include "core/lane/lanesnapshot.h"

#include <QJsonObject>

namespace gate {

// What the deciding thread reports, about once a second, on the list it
// decides against and on the audit outbox (the lane reports its
// LaneSnapshot). Typed across the thread boundary; JSON only where it leaves
// the gate: the status socket and the service panel's list of counters.
struct ListStatus {
    qint64 seq = 0;
    qint64 generated = 0;
    qint64 expires = 0;
    qint64 ageSecs = -1; // since `generated`; -1 without a list
    qint64 tickets = 0;
    bool stale = false;
    ListAge ageLimit = ListAge::NoList;

    QJsonObject toJson() const;
};

struct OutboxStatus {
    AuditStore::Backlog backlog;
    bool nearlyFull = false;
    bool full = false;
    QJsonObject unrecorded; // what the full outbox counted instead of recording, by type

    QJsonObject toJson() const;
};

// `gatectl status`'s "lane" object.
QJsonObject laneStatusJson(const LaneSnapshot &lane);

} // namespace gate
