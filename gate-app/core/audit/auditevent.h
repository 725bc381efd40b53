#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gate {

// What an audit record is about. The names are part of the log format that
// ops parse (docs/operations.md): never rename one.
enum class AuditEventType { Decision, Passage, Alarm, Service, Lane, System };

QString auditEventTypeName(AuditEventType type);
std::optional<AuditEventType> auditEventTypeFromName(const QString &name);

// One record of the audit outbox. `fields` never holds a document number:
// a holder key at most (spec/eticket-qr.md).
struct AuditEvent {
    qint64 seq = 0; // gate-wide, strictly increasing, assigned by AuditStore
    AuditEventType type = AuditEventType::System;
    qint64 at = 0; // Unix seconds
    QJsonObject fields;
};

// "Mark the ticket used": recorded in the same transaction as its passage.
struct TicketUse {
    QString tid;
    bool entry = true;
    qint64 at = 0;
};

} // namespace gate
