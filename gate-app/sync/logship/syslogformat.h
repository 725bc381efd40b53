#pragma once

#include "core/audit/auditevent.h"

#include <QByteArray>
#include <QString>

namespace gate {

// The private enterprise number of the structured-data ids ("gate@32473").
// 32473 is the number RFC 5612 reserves for documentation; a deployment with
// a number of its own changes it here and in the collector's rules.
constexpr int gateEnterpriseNumber = 32473;

// Stable RFC 5424 MSGID of each record type ("GATE_DECISION", ...).
QByteArray syslogMessageId(AuditEventType type);

// One audit record as an RFC 5424 message:
//   <PRI>1 TIMESTAMP HOST station-gate - MSGID [gate@32473 gate=".." seq=".." type=".."]
//   [fields@32473 key="value" ...] {"gate":..,"seq":..,"type":..,"at":..,"fields":{..}}
// gate + seq identify a record uniquely: a collector drops repeats by them.
QByteArray formatSyslogRecord(const AuditEvent &event, const QString &gateId,
                              const QString &hostname);

} // namespace gate
