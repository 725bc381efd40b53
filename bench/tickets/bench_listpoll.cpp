// bench-listpoll: what the 5 s list poll costs. A station folder (10,000
// tickets, 24 deltas, 50 enrolled gates' sealed keys) on nginx, polled by
// 1,000 gates on loopback: requests and bytes per second, nginx's CPU, while
// the list stands still (every poll a 304) and while the relay publishes a
// delta every second (station-wide anti-passback at peak). Then the gate's
// own CPU per 304: the gate's list puller, syncing an unchanged list.
#include "benchreport.h"
#include "core/tickets/devicekey.h"
#include "core/tickets/ticketstorewriter.h"
#include "pollinggates.h"
#include "station_secrets.h"
#include "support/nginxfixture.h"
#include "sync/ticketlist/ticketlistpuller.h"
#include "ticketlist_records.h"
#include "ticketlist_synthetic.h"
#include "ticketlist_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

using namespace gate;
using bench::abortBench;

namespace {

// CPU time (user + system) of a process, in milliseconds.
double processCpuMs(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start at ") ".
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double ownCpuMs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

void runFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// 1,000 clients need a descriptor each, nginx as many again.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

struct Station {
    issuer::TicketListWriter writer;
    issuer::StationSecrets secrets = issuer::StationSecrets::fresh();
    QByteArray rootPublicKey;
    std::optional<tickets::DeviceKey> gateKey; // one of the enrolled gates: the bench's own

    Station(const QString &folder, issuer::SigningKey rootKey)
        : writer(folder, rootKey)
        , rootPublicKey(rootKey.rawPublicKey()) {}

    void publishUsed(qint64 tidNumber) {
        QString error;
        tickets::UsedRecord used{QStringLiteral("E%1").arg(tidNumber), QStringLiteral("in"),
                                 QDateTime::currentSecsSinceEpoch(), QStringLiteral("VNP-A1-01")};
        writer.manifest().generated = QDateTime::currentSecsSinceEpoch();
        if (!writer.writeDelta(writer.manifest().seq + 1,
                               issuer::recordsFrom({issuer::recordLine(used)}), &error) ||
            (writer.manifest().deltas.size() > 64 && !writer.compactDeltas(24, &error)) ||
            !writer.publish(&error))
            abortBench(error);
    }
};

QJsonObject pollReport(const bench::PollFigures &figures, double seconds, double nginxCpuMs) {
    QJsonObject report{
        {"seconds", seconds},
        {"requests_per_s", double(figures.requests) / seconds},
        {"manifest_304", figures.notModified},
        {"manifest_200", figures.fullResponses},
        {"follow_up_requests", figures.followUpRequests},
        {"connect_failures", figures.connectFailures},
        {"dropped_mid_request", figures.droppedMidRequest},
        {"bad_status", figures.badStatus},
        {"bytes_per_s", double(figures.bytesReceived) / seconds},
        {"bytes_per_304",
         figures.notModified ? double(figures.bytesOf304) / double(figures.notModified) : 0.0},
        {"change_bytes_per_s", double(figures.bytesOfChanges) / seconds},
        {"nginx_cpu_percent_of_one_core", nginxCpuMs / (seconds * 10.0)},
        {"nginx_cpu_us_per_request",
         figures.requests ? nginxCpuMs * 1000.0 / double(figures.requests) : 0.0}};
    report.insert("manifest_reply_ms", bench::summarize(figures.replyMs));
    return report;
}

// The gate's own cost of a poll that finds nothing new: the list puller as
// gate-app runs it, on a store that already holds the list.
QJsonObject gateCostPer304(const Station &station, const QUrl &url, const QString &dbPath,
                           int syncs) {
    QString error;
    auto store = tickets::TicketStoreWriter::open(dbPath, &error);
    if (!store)
        abortBench(error);
    sync::TicketListSource source{url, station.rootPublicKey, QString(), station.gateKey};
    sync::TicketListPuller puller(source, *store);
    sync::SyncResult last;
    const auto syncOnce = [&] {
        QEventLoop loop;
        QObject::connect(&puller, &sync::TicketListPuller::finished, &loop,
                         [&](const sync::SyncResult &result) {
                             last = result;
                             loop.quit();
                         });
        puller.syncNow();
        loop.exec();
    };
    syncOnce(); // the whole list, once
    if (last.outcome != sync::SyncOutcome::Applied)
        abortBench(QStringLiteral("the first sync did not apply: %1").arg(last.detail));
    std::vector<double> wallMs;
    int unchanged = 0;
    const double cpuBefore = ownCpuMs();
    for (int i = 0; i < syncs; ++i) {
        QElapsedTimer wall;
        wall.start();
        syncOnce();
        wallMs.push_back(double(wall.nsecsElapsed()) / 1e6);
        unchanged += last.outcome == sync::SyncOutcome::Unchanged;
    }
    const double cpuMs = ownCpuMs() - cpuBefore;
    QJsonObject report{{"syncs", syncs},
                       {"unchanged", unchanged},
                       {"cpu_ms_per_304_sync", cpuMs / syncs},
                       {"cpu_percent_at_5s_interval", cpuMs / syncs / 50.0}};
    report.insert("sync_wall_ms", bench::summarize(std::move(wallMs)));
    return report;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What the 5 s ticket-list poll costs."));
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("gates"), QStringLiteral("Polling gates (1000)."),
                        QStringLiteral("N"), QStringLiteral("1000")},
                       {QStringLiteral("seconds"), QStringLiteral("Each phase (30)."),
                        QStringLiteral("S"), QStringLiteral("30")},
                       {QStringLiteral("interval-ms"), QStringLiteral("Poll interval (5000)."),
                        QStringLiteral("MS"), QStringLiteral("5000")}});
    parser.process(app);
    const int gates = parser.value(QStringLiteral("gates")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int intervalMs = parser.value(QStringLiteral("interval-ms")).toInt();
    if (gates < 1 || gates > 20'000 || seconds < 5 || intervalMs < 100)
        abortBench(QStringLiteral("--gates 1..20000, --seconds ≥ 5, --interval-ms ≥ 100"));
    raiseDescriptorLimit();

    test::NginxFixture nginx;
    // nginx closes idle keep-alive connections once fewer than a sixteenth
    // of its connections are free: room for twice the gates keeps them open.
    nginx.setWorkerConnections(2 * gates + 64);
    QString error;
    if (!nginx.start(&error))
        abortBench(error);
    Station station(nginx.documentRoot() + QStringLiteral("/VNP"),
                    issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519));
    station.writer.manifest().station = QStringLiteral("VNP");
    station.writer.manifest().generated = QDateTime::currentSecsSinceEpoch();
    station.writer.manifest().expires = station.writer.manifest().generated + 86'400;
    for (int i = 0; i < 50; ++i) {
        auto key = tickets::DeviceKey::generate(&error);
        if (!key)
            abortBench(error);
        station.secrets.enrol(key->publicKey());
        if (i == 0)
            station.gateKey = key;
    }
    station.writer.keys() = station.secrets.keys;
    station.writer.enrolledGates() = station.secrets.gates;
    issuer::SyntheticList list;
    list.tickets = 10'000;
    list.firstDay = QDateTime::currentSecsSinceEpoch() / 86'400 * 86'400;
    list.listKey = station.secrets.keys.listKey.key;
    if (!station.writer.writeKeys(R"({"format":"gate-keys/1","keys":[]})", &error) ||
        !station.writer.writeSnapshot(1, list.records(), &error))
        abortBench(error);
    for (int i = 0; i < 24; ++i)
        station.publishUsed(i);
    const qint64 manifestBytes =
        QFile(nginx.documentRoot() + QStringLiteral("/VNP/manifest.json")).size();

    QJsonObject results{{"gates", gates},
                        {"poll_interval_ms", intervalMs},
                        {"enrolled_gates_in_manifest", 50},
                        {"manifest_bytes", manifestBytes}};
    bench::PollingGates polling(quint16(nginx.url({}).port()), QStringLiteral("/VNP"), gates,
                                intervalMs);
    polling.start();
    runFor(intervalMs + 1000); // every gate has the manifest and its ETag
    polling.resetFigures();
    double cpuBefore = processCpuMs(nginx.processId());
    runFor(seconds * 1000);
    results.insert("list_unchanged", pollReport(polling.figures(), seconds,
                                                processCpuMs(nginx.processId()) - cpuBefore));

    // Peak: the relay publishes a delta every second.
    QTimer relay;
    qint64 next = 1000;
    QObject::connect(&relay, &QTimer::timeout, [&] { station.publishUsed(next++); });
    relay.start(1000);
    runFor(intervalMs);
    polling.resetFigures();
    cpuBefore = processCpuMs(nginx.processId());
    runFor(seconds * 1000);
    results.insert("delta_every_second", pollReport(polling.figures(), seconds,
                                                    processCpuMs(nginx.processId()) - cpuBefore));
    relay.stop();
    polling.stop();

    QTemporaryDir dir;
    results.insert("gate_side", gateCostPer304(station, nginx.url(QStringLiteral("VNP")),
                                               dir.filePath(QStringLiteral("tickets.db")), 300));
    bench::printReport(QStringLiteral("bench-listpoll"), results);
    return 0;
}
