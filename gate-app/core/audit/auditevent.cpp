#include "core/audit/auditevent.h"

#include <array>
#include <utility>

namespace gate {

namespace {

constexpr std::array<std::pair<AuditEventType, const char *>, 6> typeNames{{
    {AuditEventType::Decision, "decision"},
    {AuditEventType::Passage, "passage"},
    {AuditEventType::Alarm, "alarm"},
    {AuditEventType::Service, "service"},
    {AuditEventType::Lane, "lane"},
    {AuditEventType::System, "system"},
}};

} // namespace

QString auditEventTypeName(AuditEventType type) {
    for (const auto &[candidate, name] : typeNames) {
        if (candidate == type)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<AuditEventType> auditEventTypeFromName(const QString &name) {
    for (const auto &[type, candidate] : typeNames) {
        if (name == QLatin1String(candidate))
            return type;
    }
    return std::nullopt;
}

} // namespace gate
