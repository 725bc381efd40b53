#pragma once

#include "core/audit/auditstore.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gate {

// The "log_sync" section of the gate configuration (docs/operations.md).
struct LogShipSettings {
    struct Tls {
        bool enabled = false;
        QString library = QStringLiteral("gnutls"); // or "openssl", as librelp was built
        QString caFile;
        QString certFile;
        QString keyFile;
        QString authMode =
            QStringLiteral("name"); // anon, name, certvalid (OpenSSL only) or fingerprint
        QStringList permittedPeers;
    };

    QString host;
    quint16 port = 2514;
    Tls tls;
    int batch = 500;                // records per RELP session
    qint64 outboxMaxRows = 500'000; // see AuditStore::Options
    qint64 outboxMaxBytes = 256 << 20;
    int retryMinMs = 1000; // backoff after a failed batch, doubled up to retryMaxMs
    int retryMaxMs = 60'000;
    int timeoutSecs = 10; // connect and acknowledgement timeout

    // The options of every AuditStore opened on the gate's audit file while a
    // LogShipper runs: the outbox limits, and no checkpoints on commit.
    AuditStore::Options outboxOptions() const;
};

// Validates `object`; every problem is reported with the dotted key at fault
// ("log_sync.port: must be between 1 and 65535 (got 0)").
std::optional<LogShipSettings>
parseLogShipSettings(const QJsonObject &object, QStringList *errors,
                     const QString &path = QStringLiteral("log_sync"));

} // namespace gate
