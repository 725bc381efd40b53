#pragma once

#include <QString>
#include <QVariantMap>

namespace gate::ui {

// Masks a passenger name for the screen: the first character of each word
// stays, the rest become '*'. Names that arrive already masked (they contain
// a '*', as the e-ticket "nm" claim does) are kept as they are.
QString maskedName(const QString &name);

// Turns the admitted ticket (train, car, seat, masked_name, dep, arr,
// departs_at as Unix seconds, direction) into the texts the admitted screen shows: train, coach,
// seat, name (masked), from, to, departure ("HH:mm", local time), direction
// ("left", "right" or "ahead"; anything else reads as "ahead"), the stations'
// names for a reader of each language (from_<code>, to_<code>: from the list's
// names dep_zh, dep_en, arr_zh, arr_en by gate::stationName()) and how many
// pass on this admission (party, 1 for a passenger alone). Over-long values
// are cut so that a bad ticket cannot break the layout.
QVariantMap ticketForDisplay(const QVariantMap &claims);

} // namespace gate::ui
