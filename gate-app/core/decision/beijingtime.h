#pragma once

#include <QDate>
#include <QTimeZone>

namespace gate {

// Gates run on Beijing time for every date a passenger sees or a document
// carries, whatever the box's own time zone is set to.
const QTimeZone &beijingTimeZone();
QDate beijingDate(qint64 unixSecs);

} // namespace gate
