#include "logbacklog.h"

#include "auditbacklog.h"
#include "benchtools.h"

#include <QThread>

namespace gate::e2e {

LogBacklog::LogBacklog(int records)
    : m_records(records) {
    // Started once to learn its port (kept across restarts), down until the run needs it.
    QString error;
    if (!m_collector.start(&error))
        abortBench(QStringLiteral("rsyslogd: %1").arg(error));
    m_collector.stop();
}

void LogBacklog::fill(const QString &auditDatabase, const QString &gateId) {
    AuditStore store;
    QString error;
    if (!store.open(auditDatabase, gateId, &error) ||
        !bench::fillAuditBacklog(store, m_records, nullptr))
        abortBench(QStringLiteral("cannot fill the audit outbox %1: %2").arg(auditDatabase, error));
}

void LogBacklog::startCollector() {
    QString error;
    if (!m_collector.start(&error))
        abortBench(QStringLiteral("rsyslogd: %1").arg(error));
    m_sinceCollectorStart.start();
}

void LogBacklog::observe(const QJsonObject &status) {
    if (m_drainedAfterS >= 0 || !m_sinceCollectorStart.isValid())
        return;
    const QJsonObject logSync = status.value(QStringLiteral("log_sync")).toObject();
    if (logSync.contains(QStringLiteral("backlog")) &&
        logSync.value(QStringLiteral("backlog")).toInteger() == 0)
        m_drainedAfterS = double(m_sinceCollectorStart.elapsed()) / 1000.0;
}

QJsonObject LogBacklog::report(int recordsOfTheRun) {
    // rsyslogd writes what it acknowledged on its own time: wait for the count to settle.
    const int expected = m_records + recordsOfTheRun;
    qsizetype received = 0;
    for (int attempt = 0; attempt < 40; ++attempt) {
        received = m_collector.receivedLines().size();
        if (received >= expected)
            break;
        QThread::msleep(250);
    }
    m_collector.stop();
    return {{"records_before_the_run", m_records},
            {"drained_during_run", m_drainedAfterS >= 0},
            {"drain_s", m_drainedAfterS},
            {"collector_received", received}};
}

} // namespace gate::e2e
