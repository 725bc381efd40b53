#include "core/decision/stationname.h"

namespace gate {

QString stationName(const QVariantMap &record, const QString &key, Language language) {
    for (const Language named : {language, Language::English}) {
        const QString name = record.value(key + u'_' + toString(named)).toString().simplified();
        if (!name.isEmpty())
            return name;
    }
    return record.value(key).toString().simplified();
}

} // namespace gate
