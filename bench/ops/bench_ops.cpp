// Log shipping to a real rsyslog over RELP: events per second, the time to
// drain an hour offline at a busy lane, and the cost of an audit append on
// the deciding thread while the shipper runs.
#include "auditbacklog.h"
#include "benchreport.h"
#include "core/audit/auditstore.h"
#include "rsyslogcollector.h"
#include "sync/logship/logshipper.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace gate;

namespace {

const QString gateId = QStringLiteral("VNP-A2-01");

// Seconds until the shipper has delivered everything in the store.
double drainSeconds(const QString &db, quint16 port, int batch) {
    LogShipSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.batch = batch;
    AuditStore watcher;
    QString error;
    if (!watcher.open(db, gateId, &error))
        return -1;
    LogShipper shipper(db, gateId, settings);
    QElapsedTimer timer;
    timer.start();
    if (!shipper.start(&error))
        return -1;
    while (watcher.backlog().rows > 0)
        QThread::msleep(5);
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    test::RsyslogCollector collector;
    QString error;
    if (!collector.start(&error)) {
        std::fprintf(stderr, "rsyslog: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    QJsonObject results;

    // Throughput: a large backlog, shipped in batches of 500.
    constexpr int throughputEvents = 20'000;
    {
        const QString db = dir.filePath(QStringLiteral("throughput.db"));
        AuditStore store;
        if (!store.open(db, gateId, &error) ||
            !bench::fillAuditBacklog(store, throughputEvents, nullptr))
            return 1;
        const double seconds = drainSeconds(db, collector.port(), 500);
        results.insert(QStringLiteral("shipped_events"), throughputEvents);
        results.insert(QStringLiteral("events_per_s"), qRound(throughputEvents / seconds));
    }

    // An hour offline at a busy lane: 25 passengers a minute, 3 records each.
    constexpr int hourEvents = 25 * 3 * 60;
    {
        const QString db = dir.filePath(QStringLiteral("hour.db"));
        AuditStore store;
        if (!store.open(db, gateId, &error) || !bench::fillAuditBacklog(store, hourEvents, nullptr))
            return 1;
        results.insert(QStringLiteral("hour_offline_events"), hourEvents);
        results.insert(QStringLiteral("hour_offline_drain_s"),
                       drainSeconds(db, collector.port(), 500));
    }

    // The deciding thread's cost: append with a ticket use while shipping runs.
    {
        const QString db = dir.filePath(QStringLiteral("append.db"));
        AuditStore store;
        AuditStore::Options options;
        options.checkpointOnCommit = false; // as the application runs it
        if (!store.open(db, gateId, options, &error))
            return 1;
        LogShipSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = collector.port();
        LogShipper shipper(db, gateId, settings);
        if (!shipper.start(&error))
            return 1;
        std::vector<double> appendMs;
        if (!bench::fillAuditBacklog(store, 5000, &appendMs))
            return 1;
        results.insert(QStringLiteral("append_ms_while_shipping"),
                       bench::summarize(std::move(appendMs)));
    }
    collector.stop();
    bench::printReport(QStringLiteral("bench-ops"), results);
    return 0;
}
