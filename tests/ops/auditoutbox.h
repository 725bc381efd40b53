#pragma once

#include "core/audit/auditstore.h"

#include <QTemporaryDir>

namespace gate::test {

// An audit outbox in a folder of its own, opened for `gateId`, holding
// synthetic decision records waiting to be shipped.
class AuditOutbox {
public:
    explicit AuditOutbox(const QString &gateId, int decisions = 0);

    // Appends `decisions` more; false, with error() set, when one fails.
    bool append(int decisions);
    QString error() const { return m_error; } // empty while the outbox works
    QString path() const { return m_path; }
    AuditStore &store() { return m_store; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    AuditStore m_store;
    QString m_error;
    qint64 m_appended = 0;
};

} // namespace gate::test
