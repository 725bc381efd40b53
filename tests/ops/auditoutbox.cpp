#include "auditoutbox.h"

namespace gate::test {

AuditOutbox::AuditOutbox(const QString &gateId, int decisions)
    : m_path(m_dir.filePath(QStringLiteral("audit.db"))) {
    if (m_store.open(m_path, gateId, &m_error))
        append(decisions);
}

bool AuditOutbox::append(int decisions) {
    for (int i = 0; i < decisions; ++i) {
        const AuditEvent event{0, AuditEventType::Decision, 1763700000 + m_appended++,
                               QJsonObject{{QStringLiteral("outcome"), "allow"},
                                           {QStringLiteral("reason"), "ok"},
                                           {QStringLiteral("holder_key"), "hk-synthetic"}}};
        if (!m_store.append(event, &m_error))
            return false;
    }
    return true;
}

} // namespace gate::test
