#pragma once

#include <QString>

namespace gate {

namespace tickets {
struct ListState;
}

// How far past its `expires` the applied list is (spec/ticket-list.md):
// past the grace, ID cards and passports alone no longer admit; past the hard
// limit nothing admits, so that withholding the list (a network cut, or an
// attacker freezing it so refunds and revocations never arrive) cannot keep
// the gate open.
enum class ListAge { NoList, Fresh, PastGrace, PastHardLimit };

struct ListAgeLimits {
    qint64 graceSecs = 30 * 60;
    qint64 hardLimitSecs = 24 * 3600;
};

ListAge listAgeOf(const tickets::ListState &state, qint64 nowSecs, const ListAgeLimits &limits);

// "no_list", "fresh", "past_grace", "past_hard_limit" (status and alarms).
QString toString(ListAge age);

} // namespace gate
