#pragma once

#include "core/language.h"

#include <QString>
#include <QVariantMap>

namespace gate {

// A station's name for a passenger reading `language`, from a record that
// holds its telecode under `key` ("dep") and its names under "<key>_<code>"
// ("dep_zh", "dep_en"): the name in that language, else the English one, else
// the telecode. The list's station records name stations in Chinese and
// English only, so Korean, Japanese and Russian readers get the English name.
QString stationName(const QVariantMap &record, const QString &key, Language language);

} // namespace gate
