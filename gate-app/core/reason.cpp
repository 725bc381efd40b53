#include "core/reason.h"

namespace gate {

QString toString(Reason reason) {
    const std::string_view code = reasonEntry(reason).code;
    return QString::fromLatin1(code.data(), qsizetype(code.size()));
}

std::optional<Reason> reasonFromCode(QStringView code) {
    for (const ReasonEntry &entry : kReasons) {
        if (code == QLatin1StringView(entry.code.data(), qsizetype(entry.code.size())))
            return entry.reason;
    }
    return std::nullopt;
}

} // namespace gate
