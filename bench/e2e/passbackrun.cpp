#include "passbackrun.h"

#include "benchreport.h"
#include "benchstation.h"
#include "benchtools.h"
#include "core/clock.h"
#include "core/tickets/devicekey.h"
#include "core/tickets/ticketstorereader.h"
#include "gaterun.h"
#include "replayfolder.h"
#include "rsyslogcollector.h"
#include "support/nginxfixture.h"
#include "sync/ticketlist/ticketlistsyncservice.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QUrl>

#include <vector>

namespace gate::e2e {

namespace {

constexpr int relayIntervalMs = 1000; // gate-issuer relay's default

// Gate B: the list sync of gate-app on a store of its own, and when each
// bench passenger's ticket became used there, in the order they passed A.
class ListeningGate : public QObject {
public:
    ListeningGate(const Station &station, const QUrl &stationUrl, int listIntervalS,
                  QStringList tids, const QElapsedTimer &clock)
        : m_tids(std::move(tids))
        , m_clock(clock) {
        QString error;
        sync::TicketListSyncSettings settings;
        settings.source.stationUrl = stationUrl;
        settings.source.rootKey = QByteArray::fromBase64(station.rootKey().toLatin1());
        settings.source.deviceKey = tickets::DeviceKey::load(station.deviceKeyFile(), &error);
        if (!settings.source.deviceKey)
            abortBench(QStringLiteral("gate B's device key: %1").arg(error));
        const QString folder = station.path(QStringLiteral("passback-gate-b"));
        QDir().mkpath(folder);
        settings.databasePath = QDir(folder).absoluteFilePath(QStringLiteral("tickets.db"));
        settings.intervalSecs = listIntervalS;
        m_storePath = settings.databasePath;
        m_sync = std::make_unique<sync::TicketListSyncService>(settings, m_systemClock);
        connect(m_sync.get(), &sync::TicketListSyncService::synced, this,
                [this](const sync::SyncResult &result) {
                    if (result.changedList())
                        countUses();
                });
        m_sync->start();
    }

    // Milliseconds on the bench's clock at which B had the i-th used ticket.
    const std::vector<qint64> &usedAtMs() const { return m_usedAtMs; }
    int syncsApplied() const { return m_applied; }

private:
    void countUses() {
        ++m_applied;
        QString error;
        if (!m_store)
            m_store = tickets::TicketStoreReader::open(m_storePath, &error);
        if (!m_store)
            return;
        const tickets::TicketStoreReader::Snapshot snapshot(*m_store);
        const qsizetype used =
            std::count_if(m_tids.cbegin(), m_tids.cend(),
                          [this](const QString &tid) { return !m_store->uses(tid).isEmpty(); });
        while (qsizetype(m_usedAtMs.size()) < used)
            m_usedAtMs.push_back(m_clock.elapsed());
    }

    QStringList m_tids;
    const QElapsedTimer &m_clock;
    SystemClock m_systemClock;
    QString m_storePath;
    std::unique_ptr<sync::TicketListSyncService> m_sync;
    std::unique_ptr<tickets::TicketStoreReader> m_store;
    std::vector<qint64> m_usedAtMs;
    int m_applied = 0;
};

} // namespace

QJsonObject passbackRun(Station &station, int passengerCount, int intervalMs, int listIntervalS) {
    const QList<CameraPassenger> passengers =
        cameraPassengers(passengerCount, QStringLiteral("W"), 0, 0);
    station.publishBenchTickets(passengers);
    QStringList tids;
    for (const CameraPassenger &passenger : passengers)
        tids << passenger.id;

    QString error;
    gate::test::RsyslogCollector collector;
    gate::test::NginxFixture nginx;
    if (!collector.start(&error) || !nginx.start(&error))
        abortBench(error);
    const QString listDir = QUrl(station.listUrl()).toLocalFile();
    if (!QFile::link(listDir, nginx.documentRoot() + QStringLiteral("/VNP")))
        abortBench(QStringLiteral("cannot link the station folder into nginx's root"));
    QProcess relay;
    relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relay.start(binary(QStringLiteral("gate-issuer")),
                {QStringLiteral("relay"), QStringLiteral("--out"), listDir,
                 QStringLiteral("--root-key"), station.path(QStringLiteral("station/root-key.pem")),
                 QStringLiteral("--secrets"), station.secretsFile(), QStringLiteral("--collector"),
                 collector.passageFile(), QStringLiteral("--state"),
                 station.path(QStringLiteral("passback-relay.json")),
                 QStringLiteral("--interval-ms"), QString::number(relayIntervalMs)});
    if (!relay.waitForStarted())
        abortBench(QStringLiteral("gate-issuer relay did not start"));

    QElapsedTimer clock;
    clock.start();
    ListeningGate gateB(station, nginx.url(QStringLiteral("VNP")), listIntervalS, tids, clock);
    std::vector<qint64> passedAtMs;
    ReplayTiming timing;
    timing.intervalMs = intervalMs;
    GateRunSetup setup;
    setup.name = QStringLiteral("passback");
    setup.credentialSources = {replayCameraDevice(
        writeReplay(station, QStringLiteral("replay-passback"), passengers, timing), timing)};
    // Not --exit-after: the gate must stay up to ship its last passages.
    setup.deadlineMs = replayDurationMs(passengers, timing) + 15'000;
    setup.logSyncPort = collector.port();
    setup.onPassage = [&](qint64) { passedAtMs.push_back(clock.elapsed()); };
    const RunFigures figures = runGate(station, setup);

    // The last passages' records are still on their way to B.
    QEventLoop wait;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &wait, [&] {
        if (gateB.usedAtMs().size() >= passedAtMs.size())
            wait.quit();
    });
    QTimer::singleShot(4 * listIntervalS * 1000 + 10'000, &wait, &QEventLoop::quit);
    check.start(100);
    wait.exec();
    relay.terminate();
    relay.waitForFinished();

    std::vector<double> passageToUsedMs;
    const size_t applied = std::min(passedAtMs.size(), gateB.usedAtMs().size());
    for (size_t i = 0; i < applied; ++i)
        passageToUsedMs.push_back(double(gateB.usedAtMs()[i] - passedAtMs[i]));
    QJsonObject report{{"passengers", passengerCount},
                       {"decisions_at_a", figures.decisions},
                       {"passages_at_a", qint64(passedAtMs.size())},
                       {"used_applied_at_b", qint64(gateB.usedAtMs().size())},
                       {"list_syncs_applied_at_b", gateB.syncsApplied()},
                       {"list_interval_s", listIntervalS},
                       {"relay_interval_ms", relayIntervalMs},
                       {"goal_p99_ms", 10'000}};
    report.insert("passage_at_a_to_used_applied_at_b_ms",
                  gate::bench::summarize(std::move(passageToUsedMs)));
    return report;
}

} // namespace gate::e2e
