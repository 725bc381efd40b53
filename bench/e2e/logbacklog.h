#pragma once

#include "rsyslogcollector.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

namespace gate::e2e {

// A gate that comes back with its audit outbox full of records it could not
// ship, and the ops collector (a real rsyslogd with imrelp) coming up while
// passengers pass: the backlog drains during the run.
class LogBacklog {
public:
    explicit LogBacklog(int records);

    quint16 collectorPort() const { return m_collector.port(); }
    // Before the gate starts: `records` passage records in its outbox.
    void fill(const QString &auditDatabase, const QString &gateId);
    void startCollector();
    // The gate's status snapshot: when its log_sync backlog reaches 0.
    void observe(const QJsonObject &status);
    // After the run: records, drained, seconds from the collector's start to
    // an empty backlog (to the status poll, about a second), records received.
    QJsonObject report(int recordsOfTheRun);

private:
    int m_records;
    gate::test::RsyslogCollector m_collector;
    QElapsedTimer m_sinceCollectorStart;
    double m_drainedAfterS = -1;
};

} // namespace gate::e2e
