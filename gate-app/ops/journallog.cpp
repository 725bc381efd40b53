#include "ops/journallog.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <systemd/sd-journal.h>

#include <cstdio>
#include <sys/uio.h>
#include <vector>

namespace gate {

namespace {

int syslogPriority(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        break;
    }
    return 2;
}

const char *levelName(QtMsgType type) {
    static const char *const names[] = {"debug", "warning", "critical", "fatal", "info"};
    return names[type];
}

JournalContext &installedContext() {
    static JournalContext context;
    return context;
}

void sendToJournal(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QByteArrayList fields = journalFields(type, context, message, installedContext());
    std::vector<iovec> vector;
    vector.reserve(size_t(fields.size()));
    for (const QByteArray &field : fields)
        vector.push_back({const_cast<char *>(field.constData()), size_t(field.size())});
    sd_journal_sendv(vector.data(), int(vector.size()));
}

void sendToStderr(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QByteArray line = QByteArrayLiteral("station-gate[") + levelName(type) + "] " +
                            (context.category ? context.category : "default") + ": " +
                            message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

} // namespace

QByteArrayList journalFields(QtMsgType type, const QMessageLogContext &context,
                             const QString &message, const JournalContext &gate) {
    QByteArrayList fields{
        "MESSAGE=" + message.toUtf8(),
        "PRIORITY=" + QByteArray::number(syslogPriority(type)),
        QByteArrayLiteral("SYSLOG_IDENTIFIER=station-gate"),
        "QT_CATEGORY=" + QByteArray(context.category ? context.category : "default"),
    };
    if (!gate.gateId.isEmpty())
        fields.append("GATE_ID=" + gate.gateId.toUtf8());
    if (!gate.lane.isEmpty())
        fields.append("LANE=" + gate.lane.toUtf8());
    static const QRegularExpression reasonToken(QStringLiteral("\\breason=([a-z0-9_]+)"));
    const QRegularExpressionMatch reason = reasonToken.match(message);
    if (reason.hasMatch())
        fields.append("REASON=" + reason.captured(1).toUtf8());
    if (context.file) {
        fields.append("CODE_FILE=" + QByteArray(context.file));
        fields.append("CODE_LINE=" + QByteArray::number(context.line));
    }
    return fields;
}

void installJournalLogging(const JournalContext &gate) {
    installedContext() = gate;
    // The journal's socket exists only where journald runs.
    const bool journaldRuns = QFileInfo(QStringLiteral("/run/systemd/journal/socket")).exists();
    qInstallMessageHandler(journaldRuns ? &sendToJournal : &sendToStderr);
}

} // namespace gate
