#pragma once

#include "core/audit/auditstore.h"
#include "core/decision/passagehistory.h"

namespace gate {

// Anti-passback at this gate: the ticket uses the audit store recorded.
class AuditPassageHistory final : public PassageHistory {
public:
    explicit AuditPassageHistory(const AuditStore &audit)
        : m_audit(audit) {}
    std::optional<qint64> localUseAt(const QString &tid,
                                     LaneContext::Direction direction) const override {
        return m_audit.localUseAt(tid, direction == LaneContext::Direction::Entry);
    }

private:
    const AuditStore &m_audit;
};

} // namespace gate
