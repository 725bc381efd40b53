#include "corestatus.h"

#include "core/lane/lanestate.h"

namespace gate {

QJsonObject ListStatus::toJson() const {
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("generated"), generated},
            {QStringLiteral("expires"), expires},
            {QStringLiteral("age_s"), ageSecs},
            {QStringLiteral("tickets"), tickets},
            {QStringLiteral("stale"), stale},
            {QStringLiteral("age_limit"), toString(ageLimit)}};
}

QJsonObject OutboxStatus::toJson() const {
    return {{QStringLiteral("last_seq"), backlog.lastSeq},
            {QStringLiteral("shipped_seq"), backlog.shippedSeq},
            {QStringLiteral("backlog"), backlog.rows},
            {QStringLiteral("nearly_full"), nearlyFull},
            {QStringLiteral("full"), full},
            {QStringLiteral("unrecorded"), unrecorded}};
}

QJsonObject laneStatusJson(const LaneSnapshot &lane) {
    return {{QStringLiteral("state"), toString(lane.state)},
            {QStringLiteral("available"), lane.available},
            {QStringLiteral("reason"), lane.reason},
            {QStringLiteral("emergency_latched"), lane.emergencyLatched},
            {QStringLiteral("last_alarm"), lane.lastAlarm},
            {QStringLiteral("link_up"), lane.status.linkUp},
            {QStringLiteral("passed_entry"), qint64(lane.status.passedEntry)},
            {QStringLiteral("passed_exit"), qint64(lane.status.passedExit)},
            {QStringLiteral("authorised"), qint64(lane.counters.authorised)},
            {QStringLiteral("passed"), qint64(lane.counters.passed)},
            {QStringLiteral("timed_out"), qint64(lane.counters.timedOut)},
            {QStringLiteral("alarms"), qint64(lane.counters.alarms)}};
}

} // namespace gate
