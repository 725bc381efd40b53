#pragma once

#include <QByteArrayList>
#include <QString>
#include <QtGlobal>

namespace gate {

// What every operational log line of this gate carries as journald fields.
struct JournalContext {
    QString gateId;
    QString lane;
};

// The journald fields of one Qt message: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER,
// GATE_ID, LANE, QT_CATEGORY, and REASON when the message holds a
// "reason=<code>" token (the convention for machine-readable causes).
QByteArrayList journalFields(QtMsgType type, const QMessageLogContext &context,
                             const QString &message, const JournalContext &gate);

// Routes qDebug/qInfo/qWarning/... to journald with those fields, or to
// stderr when journald is not there (tests, the demo, a developer's shell).
void installJournalLogging(const JournalContext &gate);

} // namespace gate
