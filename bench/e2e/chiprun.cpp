#include "chiprun.h"

#include "benchreport.h"
#include "benchtools.h"
#include "chipstack.h"
#include "gaterun.h"
#include "replayfolder.h"
#include "runreport.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace gate::e2e {

namespace {

// A chip read at 106 kbit/s on a loaded machine takes a few seconds, and
// putting the next chip on the reader (the emulator starting, pcscd seeing
// it) one or two more.
constexpr int kIntervalMs = 8000;

QString chipFolder(const ::test::ChipStack &stack, const CameraPassenger &passenger) {
    return stack.passportDir(passenger.id) + QStringLiteral("/chip");
}

QJsonObject chipReaderDevice(const QString &csca) {
    return {{"name", "chip"},
            {"plugin", "emrtd-reader"},
            {"role", "credential-source"},
            {"settings",
             QJsonObject{{"csca", csca}, {"card_wait_ms", 5000}, {"extended_length", "on"}}}};
}

struct ChipReads {
    std::vector<double> ms;
    std::map<QString, int> outcomes; // "verified verified", "forged hashes_mismatch", ...
    std::map<QString, int> access;   // "PACE", "BAC"
};

// The emrtd-reader's "chip OUTCOME DETAIL in N ms [via ACCESS]" lines in the run's gate.log.
ChipReads chipReadsOf(const QString &gateLog) {
    static const QRegularExpression line(
        QStringLiteral("chip (\\w+) (\\w+) in (\\d+) ms(?: via (\\w+))?"));
    ChipReads reads;
    QFile log(gateLog);
    if (!log.open(QIODevice::ReadOnly))
        return reads;
    for (auto match = line.globalMatch(QString::fromUtf8(log.readAll())); match.hasNext();) {
        const auto found = match.next();
        reads.ms.push_back(found.captured(3).toDouble());
        ++reads.outcomes[found.captured(1) + u' ' + found.captured(2)];
        if (found.hasCaptured(4))
            ++reads.access[found.captured(4)];
    }
    return reads;
}

} // namespace

QList<ChipKind> chipKinds() {
    return {{QString(), {QStringLiteral("--aa"), QStringLiteral("rsa")}, {}},
            {QStringLiteral("-pace"),
             {QStringLiteral("--pace"), QStringLiteral("ecdh-gm-aes128"), QStringLiteral("--ca"),
              QStringLiteral("ecdh-aes128")},
             {QStringLiteral("--no-bac")}}};
}

QString makeChipPassports(const Station &station, ::test::ChipStack &stack,
                          const QList<CameraPassenger> &passengers, const ChipKind &kind) {
    for (const CameraPassenger &passenger : passengers) {
        QString error;
        if (!stack.makePassport(passenger.id, station.passportMrz(passenger.id), kind.makeOptions,
                                &error))
            bench::abortBench(error);
    }
    // One CSCA signs them all (the stack's shared PKI folder).
    return stack.passportDir(passengers.first().id) + QStringLiteral("/csca");
}

QJsonObject chipRun(Station &station, ::test::ChipStack &stack,
                    const QList<CameraPassenger> &passengers, const QString &csca, double kbps,
                    const ChipKind &kind) {
    ReplayTiming timing;
    timing.intervalMs = kIntervalMs;
    GateRunSetup setup;
    setup.name = QStringLiteral("chip-%1kbps%2").arg(int(kbps)).arg(kind.suffix);
    setup.credentialSources = {
        replayCameraDevice(
            writeReplay(station, QStringLiteral("replay-") + setup.name, passengers, timing),
            timing),
        chipReaderDevice(csca)};
    // The emulator is far slower than a chip: wait for it rather than decide on the page.
    setup.configSections = {{"passport", QJsonObject{{"chip_wait_ms", 10'000}}}};
    setup.exitAfterDecisions = int(passengers.size());
    setup.deadlineMs = replayDurationMs(passengers, timing) + 30'000;

    const ::test::ChipEmulator link{
        .ownProtocols = true,
        .options =
            QStringList{QStringLiteral("--link-kbps"), QString::number(kbps)} + kind.chipOptions};
    const auto putOnReader = [&](const CameraPassenger &passenger) {
        QString error;
        if (!stack.insert(chipFolder(stack, passenger), &error, link))
            bench::abortBench(error);
    };
    QObject swaps; // the pending chip swaps end with the run
    setup.beforeGateStart = [&] {
        putOnReader(passengers.first());
        for (qsizetype i = 1; i < passengers.size(); ++i)
            QTimer::singleShot(timing.leadInMs + i * timing.intervalMs - timing.intervalMs / 2,
                               &swaps, [&, i] { putOnReader(passengers[i]); });
    };
    const RunFigures figures = runGate(station, setup);
    stack.remove();

    QJsonObject report = runReport(figures, int(passengers.size()));
    const ChipReads reads = chipReadsOf(station.path(setup.name) + QStringLiteral("/gate.log"));
    double chipTotal = 0, decisionTotal = 0;
    for (double ms : reads.ms)
        chipTotal += ms;
    for (const auto &[number, passage] : figures.passages)
        decisionTotal += passage.readToDecisionMs;
    QJsonObject outcomes;
    for (const auto &[outcome, count] : reads.outcomes)
        outcomes.insert(outcome, count);
    QJsonObject access;
    for (const auto &[protocol, count] : reads.access)
        access.insert(protocol, count);
    report.insert("link_kbps", kbps);
    report.insert("chip_read_ms", bench::summarize(reads.ms));
    report.insert("chip_outcomes", outcomes);
    report.insert("chip_access", access);
    report.insert("chip_share_of_read_to_decision",
                  decisionTotal > 0 ? chipTotal / decisionTotal : 0.0);
    return report;
}

} // namespace gate::e2e
