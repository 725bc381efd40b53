#include "core/decision/listage.h"

#include "core/tickets/liststate.h"

namespace gate {

ListAge listAgeOf(const tickets::ListState &state, qint64 nowSecs, const ListAgeLimits &limits) {
    if (state.isEmpty())
        return ListAge::NoList;
    if (nowSecs > state.expires + limits.hardLimitSecs)
        return ListAge::PastHardLimit;
    if (nowSecs > state.expires + limits.graceSecs)
        return ListAge::PastGrace;
    return ListAge::Fresh;
}

QString toString(ListAge age) {
    switch (age) {
    case ListAge::NoList:
        return QStringLiteral("no_list");
    case ListAge::Fresh:
        return QStringLiteral("fresh");
    case ListAge::PastGrace:
        return QStringLiteral("past_grace");
    case ListAge::PastHardLimit:
        return QStringLiteral("past_hard_limit");
    }
    return QStringLiteral("no_list");
}

} // namespace gate
