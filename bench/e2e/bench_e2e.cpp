// bench-e2e: the whole gate, from a credential in front of the camera or on
// the reader to the lane's acknowledgement of the open command. Runs the real
// gate-app with its real plugins against the simulators (camera replay folder,
// gate-reader-sim on a pty, gate-lane-sim over Modbus TCP), ticket lists
// synced by gatectl, a real rsyslogd collector; reads the figures from
// gate-app's console, its status socket and /proc.
#include "benchreport.h"
#include "benchstation.h"
#include "benchtools.h"
#include "chiprun.h"
#include "chipstack.h"
#include "gaterun.h"
#include "logbacklog.h"
#include "passbackrun.h"
#include "replayfolder.h"
#include "runreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

using namespace gate::e2e;

namespace {

const QString gateId = QStringLiteral("BENCH-A1-01");

struct Options {
    int passengers = 30;
    int intervalMs = 2000;         // one passenger at a time: latency without queueing
    int saturatedIntervalMs = 600; // faster than the lane: its throughput
    int listTickets = 1'000'000;
    int cards = 10;
    int stressChanges = 10'000;
    int backlogRecords = 100'000;   // a day offline at a busy lane, 3 records a passenger
    int endurancePassengers = 1500; // an hour at 25 a minute
    int chipPassengers = 10;
    QString laneProfile; // empty: the built-in default profile
    QStringList runs;

    bool wants(const char *name) const { return runs.contains(QLatin1String(name)); }
};

// Every third passenger shows a passport; of the others every seventh holds
// a code the list does not know (denied).
QList<CameraPassenger> benchPassengers(int count) {
    return cameraPassengers(count, QStringLiteral("E"), 3, 7);
}

QString readerLink(const Station &station) {
    return station.path(QStringLiteral("reader"));
}

// The sam-idreader device on gate-reader-sim's pty.
QJsonObject readerDevice(const Station &station) {
    return {{"name", "reader"},
            {"plugin", "sam-idreader"},
            {"role", "credential-source"},
            {"settings",
             QJsonObject{{"port", readerLink(station)}, {"baud", 115200}, {"poll_ms", 100}}}};
}

// gate-reader-sim on a pty presenting each card in turn, the first one two
// seconds after the start (gate-app, started right after it, is ready by then).
void startReader(QProcess &reader, const Station &station, const QStringList &numbers,
                 int presentMs, int absentMs) {
    QJsonArray cards;
    for (const QString &number : numbers)
        cards.append(QJsonObject{{"type", "resident"},
                                 {"name_zh", "测试"},
                                 {"number", number},
                                 {"sex", "M"},
                                 {"birth", "1990-01-01"},
                                 {"valid_from", "2020-01-01"},
                                 {"valid_to", "2040-01-01"},
                                 {"ethnicity", "01"},
                                 {"address", "北京市东城区示例路1号"},
                                 {"authority", "北京市公安局东城分局"}});
    const QString cardsPath = station.path(QStringLiteral("cards.json"));
    writeFile(cardsPath, QJsonDocument(cards).toJson());
    reader.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    reader.start(binary(QStringLiteral("gate-reader-sim")),
                 {QStringLiteral("--link"), readerLink(station), QStringLiteral("--card"),
                  cardsPath, QStringLiteral("--present-ms"), QString::number(presentMs),
                  QStringLiteral("--absent-ms"), QString::number(absentMs),
                  QStringLiteral("--lead-in-ms"), QStringLiteral("2000")});
    if (!reader.waitForStarted() || !reader.waitForReadyRead(10'000))
        abortBench(QStringLiteral("gate-reader-sim did not start"));
}

// The lane simulator's passenger model for the throughput run: one passenger
// in twenty hesitates and never walks through (the pass times out); walk
// delay and walk time differ by up to 30 % from one passenger to the next.
QStringList hesitatingPassengers(const Station &station) {
    const QString script = station.path(QStringLiteral("passengers.txt"));
    writeFile(script, QByteArray("pass\n").repeated(19) + "hesitate\n");
    return {QStringLiteral("--passengers"), script, QStringLiteral("--pace-variation"),
            QStringLiteral("30")};
}

qint64 deadlineFor(const QList<CameraPassenger> &passengers, const ReplayTiming &timing) {
    return replayDurationMs(passengers, timing) + 30'000;
}

// Load on the gate while passengers pass: from the first opening on, a
// ticket-list delta is published and the collector comes up to a backlog.
class StressLoad {
public:
    StressLoad(QStringList deltaArguments, int backlogRecords)
        : m_deltaArguments(std::move(deltaArguments))
        , m_backlog(backlogRecords) {
        m_publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    }

    void prepare(GateRunSetup &setup, Station &station) {
        const QString stateDir = station.path(setup.name);
        QDir().mkpath(stateDir);
        m_backlog.fill(QDir(stateDir).absoluteFilePath(QStringLiteral("audit.db")), gateId);
        setup.logSyncPort = m_backlog.collectorPort();
        setup.atFirstOpen = [this] {
            m_publisher.start(binary(QStringLiteral("gate-issuer")), m_deltaArguments);
            m_backlog.startCollector();
        };
        setup.onStatus = [this](const QJsonObject &status) { m_backlog.observe(status); };
    }

    void addTo(QJsonObject &report, const RunFigures &figures, int deltaChanges) {
        m_publisher.waitForFinished(600'000);
        report.insert("delta_changes", deltaChanges);
        report.insert("delta_published", m_publisher.exitStatus() == QProcess::NormalExit &&
                                             m_publisher.exitCode() == 0);
        report.insert("log_backlog", m_backlog.report(figures.decisions));
    }

private:
    QStringList m_deltaArguments;
    LogBacklog m_backlog;
    QProcess m_publisher;
};

QJsonObject cameraRun(const Options &options, Station &station, const QString &name,
                      const QList<CameraPassenger> &passengers, const ReplayTiming &timing,
                      const std::function<void(GateRunSetup &)> &adjust = {},
                      RunFigures *figuresOut = nullptr) {
    GateRunSetup setup;
    setup.name = name;
    setup.laneProfile = options.laneProfile;
    setup.credentialSources = {replayCameraDevice(
        writeReplay(station, QStringLiteral("replay-") + name, passengers, timing), timing)};
    setup.exitAfterDecisions = int(passengers.size());
    setup.deadlineMs = deadlineFor(passengers, timing);
    if (adjust)
        adjust(setup);
    const RunFigures figures = runGate(station, setup);
    if (figuresOut)
        *figuresOut = figures;
    return runReport(figures, int(passengers.size()));
}

// An hour of a busy lane, faster: e-tickets, passports and denials at the
// camera, ID cards on the reader at the same time, a small list delta every
// minute, the collector up. RSS at each tenth of the decisions.
QJsonObject enduranceRun(Station &station, const Options &options) {
    const int cardCount = std::max(1, options.endurancePassengers / 10);
    const QList<CameraPassenger> passengers =
        cameraPassengers(options.endurancePassengers - cardCount, QStringLiteral("H"), 5, 10);
    const QStringList cards = cardNumbers(cardCount, 1000);
    station.publishBenchTickets(passengers, cards);
    ReplayTiming timing;
    timing.intervalMs = 1000;

    gate::test::RsyslogCollector collector;
    QString error;
    if (!collector.start(&error))
        abortBench(QStringLiteral("rsyslogd: %1").arg(error));
    QProcess reader;
    QProcess publisher;
    publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    int deltasPublished = 0;
    QObject::connect(&publisher, &QProcess::finished, [&](int code, QProcess::ExitStatus status) {
        deltasPublished += status == QProcess::NormalExit && code == 0;
    });
    QTimer deltas;
    QObject::connect(&deltas, &QTimer::timeout, [&] {
        if (publisher.state() == QProcess::NotRunning)
            publisher.start(binary(QStringLiteral("gate-issuer")),
                            station.deltaArguments(500, {}, QStringLiteral("minute")));
    });

    GateRunSetup setup;
    setup.name = QStringLiteral("endurance");
    setup.laneProfile = options.laneProfile;
    setup.credentialSources = {
        replayCameraDevice(
            writeReplay(station, QStringLiteral("replay-endurance"), passengers, timing), timing),
        readerDevice(station)};
    setup.beforeGateStart = [&] { startReader(reader, station, cards, 1000, 9000); };
    setup.deadlineMs = replayDurationMs(passengers, timing) + 15'000;
    setup.laneArguments = {QStringLiteral("--door-ms"),       QStringLiteral("200"),
                           QStringLiteral("--walk-delay-ms"), QStringLiteral("100"),
                           QStringLiteral("--walk-ms"),       QStringLiteral("300")};
    setup.logSyncPort = collector.port();
    setup.rssSampleMs = 2000;
    setup.atFirstOpen = [&] { deltas.start(60'000); };
    const RunFigures figures = runGate(station, setup);
    deltas.stop();
    publisher.waitForFinished(600'000);
    reader.terminate();
    reader.waitForFinished();
    const qsizetype shipped = collector.receivedLines().size();
    collector.stop();

    QJsonObject report = runReport(figures, options.endurancePassengers);
    report.insert("memory_trend", memoryTrendReport(figures));
    report.insert("list_deltas_published", deltasPublished);
    report.insert("log_records_received_by_collector", shipped);
    return report;
}

Options parseOptions(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The whole gate end to end: read to lane acknowledgement per credential, "
                       "under stress, throughput, lane waiting on software, RSS."));
    parser.addHelpOption();
    const QCommandLineOption passengers(QStringLiteral("passengers"),
                                        QStringLiteral("Camera passengers per run (default 30)."),
                                        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption interval(
        QStringLiteral("interval-ms"),
        QStringLiteral("Time between two passengers at the camera (default 1500)."),
        QStringLiteral("MS"), QStringLiteral("1500"));
    const QCommandLineOption saturatedInterval(
        QStringLiteral("saturated-interval-ms"),
        QStringLiteral("The same for the throughput run (default 600: a code for 3 frames, 3 "
                       "without; a passport page needs 11)."),
        QStringLiteral("MS"), QStringLiteral("600"));
    const QCommandLineOption listTickets(
        QStringLiteral("list-tickets"),
        QStringLiteral("Tickets in the large list of the stress runs (default 1000000)."),
        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption cards(QStringLiteral("cards"),
                                   QStringLiteral("ID cards in the reader run (default 10)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption backlog(
        QStringLiteral("backlog-records"),
        QStringLiteral("Audit records waiting to be shipped when a stress run starts (default "
                       "100000)."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption endurance(
        QStringLiteral("endurance-passengers"),
        QStringLiteral("Passengers of the endurance run (default 1500: an hour at 25 a minute; "
                       "the run takes about 30 minutes)."),
        QStringLiteral("N"), QStringLiteral("1500"));
    const QCommandLineOption laneProfile(
        QStringLiteral("lane-profile"),
        QStringLiteral("Lane profile file for the modbus-lane device (default: the built-in "
                       "default profile), e.g. to compare poll periods."),
        QStringLiteral("FILE"));
    const QCommandLineOption chipPassengers(
        QStringLiteral("chip-passengers"),
        QStringLiteral("Passport passengers of each chip run (default 10)."), QStringLiteral("N"),
        QStringLiteral("10"));
    const QCommandLineOption runs(
        QStringLiteral("runs"),
        QStringLiteral("Runs to do, of quiet, saturated, stress, idcards, passback, endurance, "
                       "chip (default: all but endurance and chip)."),
        QStringLiteral("LIST"), QStringLiteral("quiet,saturated,stress,idcards,passback"));
    parser.addOptions({passengers, interval, saturatedInterval, listTickets, cards, backlog,
                       endurance, chipPassengers, laneProfile, runs});
    parser.process(app);
    Options options;
    options.passengers = std::clamp(parser.value(passengers).toInt(), 3, 10'000);
    options.intervalMs = std::clamp(parser.value(interval).toInt(), 300, 60'000);
    options.saturatedIntervalMs = std::clamp(parser.value(saturatedInterval).toInt(), 100, 60'000);
    options.cards = std::clamp(parser.value(cards).toInt(), 1, 999);
    options.listTickets = std::clamp(parser.value(listTickets).toInt(), 1, 5'000'000);
    options.backlogRecords = std::clamp(parser.value(backlog).toInt(), 0, 400'000);
    options.endurancePassengers = std::clamp(parser.value(endurance).toInt(), 20, 20'000);
    options.chipPassengers = std::clamp(parser.value(chipPassengers).toInt(), 1, 200);
    if (parser.isSet(laneProfile))
        options.laneProfile = QFileInfo(parser.value(laneProfile)).absoluteFilePath();
    options.runs = parser.value(runs).split(u',', Qt::SkipEmptyParts);
    for (const QString &run : std::as_const(options.runs))
        if (!QStringList{"quiet", "saturated", "stress", "idcards", "passback", "endurance", "chip"}
                 .contains(run))
            abortBench(QStringLiteral("--runs: no run named \"%1\"").arg(run));
    return options;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    QTemporaryDir dir;
    if (!dir.isValid())
        abortBench(QStringLiteral("no temporary folder"));
    QJsonObject results;

    // The demo station's list and the camera passengers: one at a time
    // (latency without queueing), then faster than the lane serves them.
    const QList<CameraPassenger> passengers = benchPassengers(options.passengers);
    if (options.wants("quiet") || options.wants("saturated")) {
        Station station(dir.filePath(QStringLiteral("demo")));
        station.publishBenchTickets(passengers);
        if (options.wants("quiet")) {
            ReplayTiming quiet;
            quiet.intervalMs = options.intervalMs;
            results.insert("quiet",
                           cameraRun(options, station, QStringLiteral("quiet"), passengers, quiet));
        }
        if (options.wants("saturated")) {
            ReplayTiming saturated;
            saturated.intervalMs = options.saturatedIntervalMs;
            RunFigures figures;
            QJsonObject report = cameraRun(
                options, station, QStringLiteral("saturated"), passengers, saturated,
                [&](GateRunSetup &setup) { setup.laneArguments = hesitatingPassengers(station); },
                &figures);
            report.insert("lane_waiting_on_software", laneWaitReport(figures));
            results.insert("saturated", report);
        }
    }

    // A large list; while passengers pass, a 10,000-change delta is published
    // (it also carries the last passengers' tickets, so they pass only if the
    // gate applied it in time) and a day's log backlog drains to the collector.
    if (options.wants("stress") || options.wants("idcards") || options.wants("endurance")) {
        Station large(dir.filePath(QStringLiteral("large")));
        large.replaceBySyntheticList(options.listTickets);
        const qsizetype lateCount = std::min<qsizetype>(5, passengers.size() / 3);
        const QStringList cards = cardNumbers(options.cards);
        large.publishBenchTickets(passengers.mid(0, passengers.size() - lateCount), cards);
        if (options.wants("stress")) {
            StressLoad load(large.deltaArguments(options.stressChanges,
                                                 passengers.mid(passengers.size() - lateCount),
                                                 QStringLiteral("stress")),
                            options.backlogRecords);
            ReplayTiming timing;
            timing.intervalMs = options.intervalMs;
            RunFigures figures;
            QJsonObject report = cameraRun(
                options, large, QStringLiteral("stress"), passengers, timing,
                [&](GateRunSetup &setup) { load.prepare(setup, large); }, &figures);
            report.insert("list_tickets", options.listTickets);
            report.insert("passengers_only_in_delta", int(lateCount));
            load.addTo(report, figures, options.stressChanges);
            results.insert("stress", report);
        }
        if (options.wants("idcards")) {
            StressLoad load(
                large.deltaArguments(options.stressChanges, {}, QStringLiteral("cards")),
                options.backlogRecords);
            QProcess reader;
            GateRunSetup setup;
            setup.name = QStringLiteral("idcards");
            setup.laneProfile = options.laneProfile;
            setup.credentialSources = {readerDevice(large)};
            setup.beforeGateStart = [&] {
                startReader(reader, large, cards, options.intervalMs / 2,
                            options.intervalMs - options.intervalMs / 2);
            };
            setup.exitAfterDecisions = options.cards;
            setup.deadlineMs = 60'000 + qint64(options.cards) * options.intervalMs * 2;
            load.prepare(setup, large);
            const RunFigures figures = runGate(large, setup);
            reader.terminate();
            reader.waitForFinished();
            QJsonObject report = runReport(figures, options.cards);
            report.insert("list_tickets", options.listTickets);
            load.addTo(report, figures, options.stressChanges);
            results.insert("idcards", report);
        }
        if (options.wants("endurance"))
            results.insert("endurance", enduranceRun(large, options));
    }

    // Station-wide anti-passback: a passage at gate A → `used` applied at gate B.
    if (options.wants("passback")) {
        Station station(dir.filePath(QStringLiteral("passback")));
        results.insert("passback", passbackRun(station, options.passengers, options.intervalMs, 5));
    }

    // Passports read with their chips: each passenger's chip on a real PC/SC
    // stack (pcscd, vpcd, the emulated chip) at the two common contactless
    // rates, BAC chips with Active Authentication, then PACE-only chips with
    // Chip Authentication.
    if (options.wants("chip")) {
        if (const QString missing = ::test::ChipStack::missingPeer(); !missing.isEmpty())
            abortBench(missing);
        ::test::ChipStack stack;
        QString error;
        if (!stack.start(&error))
            abortBench(error);
        Station station(dir.filePath(QStringLiteral("chip")));
        const QList<CameraPassenger> passports =
            cameraPassengers(options.chipPassengers, QStringLiteral("C"), 1, 0);
        station.publishBenchTickets(passports);
        QJsonObject chip;
        for (const ChipKind &kind : chipKinds()) {
            const QString csca = makeChipPassports(station, stack, passports, kind);
            for (const double kbps : {106.0, 424.0})
                chip.insert(QStringLiteral("%1kbps%2").arg(int(kbps)).arg(kind.suffix),
                            chipRun(station, stack, passports, csca, kbps, kind));
        }
        results.insert("chip", chip);
    }

    results.insert("throughput_target_per_minute", 25);
    gate::bench::printReport(QStringLiteral("bench-e2e"), results);
    return 0;
}
