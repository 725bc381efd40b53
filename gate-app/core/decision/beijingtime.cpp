#include "core/decision/beijingtime.h"

#include <QDateTime>

namespace gate {

const QTimeZone &beijingTimeZone() {
    // China has kept UTC+8 all year since 1991; the fixed offset stands in
    // should the system lack tzdata.
    static const QTimeZone zone = QTimeZone::isTimeZoneIdAvailable("Asia/Shanghai")
                                      ? QTimeZone("Asia/Shanghai")
                                      : QTimeZone(8 * 3600);
    return zone;
}

QDate beijingDate(qint64 unixSecs) {
    return QDateTime::fromSecsSinceEpoch(unixSecs, beijingTimeZone()).date();
}

} // namespace gate
