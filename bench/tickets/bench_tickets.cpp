// bench-tickets: a 1,000,000-ticket snapshot applied, start to ready, and
// lookup + decision latency, alone and while a 10,000-change delta or a
// whole new snapshot applies on another thread (spec/ticket-list.md scale).
#include "benchreport.h"
#include "core/clock.h"
#include "core/decision/decisionengine.h"
#include "core/tickets/ticketstorereader.h"
#include "core/tickets/ticketstorewriter.h"
#include "ticketlist_records.h"
#include "ticketlist_synthetic.h"
#include "ticketlist_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <atomic>
#include <ctime>
#include <thread>

using namespace gate;

namespace {

constexpr qint64 firstDay = 1763683200; // 2025-11-21 00:00 UTC
const QByteArray listKey(32, 'K');

class NoLocalPassages final : public PassageHistory {
public:
    std::optional<qint64> localUseAt(const QString &, LaneContext::Direction) const override {
        return std::nullopt;
    }
};

// CPU time of the calling thread: on a shared, loaded machine the wall
// clock mostly measures the other processes.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double msSince(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

tickets::ListState listState(qint64 seq) {
    tickets::ListState state;
    state.station = QStringLiteral("VNP");
    state.seq = seq;
    state.generated = firstDay;
    state.expires = firstDay + 3 * 86400;
    state.listKey = {7, listKey};
    state.bindKeys = {{3, QByteArray(32, 'B')}};
    state.keysJson = R"({"format":"gate-keys/1","keys":[]})";
    return state;
}

// 10,000 changes of a peak minute: refunds, passages at other gates and
// newly sold tickets.
QByteArray peakDelta(const issuer::SyntheticList &list, const QString &directory, int round) {
    QList<QByteArray> lines;
    QRandomGenerator random{quint32(round)};
    for (int i = 0; i < 10'000; ++i) {
        const qint64 index = random.bounded(list.tickets);
        if (i % 3 == 0) {
            tickets::TicketRecord changed = list.ticket(index);
            changed.status = QStringLiteral("refunded");
            lines << issuer::recordLine(changed);
        } else if (i % 3 == 1) {
            lines << issuer::recordLine(tickets::UsedRecord{
                list.ticket(index).tid, QStringLiteral("in"), firstDay + i, QStringLiteral("A2")});
        } else {
            issuer::SyntheticList more = list;
            lines << issuer::recordLine(more.ticket(list.tickets + round * 10'000 + i));
        }
    }
    issuer::TicketListWriter writer(directory, issuer::SigningKey());
    QString error;
    writer.writeSnapshot(round, issuer::recordsFrom(lines), &error);
    return readFile(QDir(directory).filePath(writer.manifest().snapshot.path));
}

// Decides for random synthetic passengers until `stop` (or `count` times).
std::vector<double> decide(const DecisionEngine &engine, const issuer::SyntheticList &list,
                           int count, const std::atomic<bool> *stop = nullptr) {
    const LaneContext lane{QStringLiteral("VNP"), QStringLiteral("A1-01"), QStringLiteral("A1")};
    const NoLocalPassages history;
    std::vector<double> samples;
    QRandomGenerator random(42);
    while (stop ? !stop->load() : int(samples.size()) < count) {
        IdentityDocument document;
        document.kind = DocumentKind::Mrz;
        document.issuer = QStringLiteral("UTO");
        document.number = issuer::SyntheticList::identity(random.bounded(list.tickets)).mid(7);
        document.numberValid = true;
        QElapsedTimer timer;
        timer.start();
        const Decision decision = engine.decide(Credential::fromDocument(document), lane, history);
        samples.push_back(msSince(timer));
        if (decision.reason == Reason::CredentialUnreadable)
            qFatal("a readable document was decided as unreadable");
    }
    return samples;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const qint64 ticketCount =
        app.arguments().size() > 1 ? app.arguments().at(1).toLongLong() : 1'000'000;
    QTemporaryDir work;
    issuer::SyntheticList list;
    list.tickets = ticketCount;
    list.firstDay = firstDay;
    list.listKey = listKey;

    QElapsedTimer timer;
    timer.start();
    issuer::TicketListWriter folder(work.filePath(QStringLiteral("VNP")), issuer::SigningKey());
    QString error;
    if (!folder.writeSnapshot(1, list.records(), &error))
        qFatal("%s", qPrintable(error));
    const double generateMs = msSince(timer);
    const QByteArray snapshot = readFile(
        QDir(work.filePath(QStringLiteral("VNP"))).filePath(folder.manifest().snapshot.path));

    const QString path = work.filePath(QStringLiteral("tickets.db"));
    auto writer = tickets::TicketStoreWriter::open(path, &error);
    timer.restart();
    const double applyCpuStart = threadCpuMs();
    if (!writer->apply({listState(1), true, {QByteArrayView(snapshot)}}, &error))
        qFatal("%s", qPrintable(error));
    const double applyMs = msSince(timer);
    const double applyCpuMs = threadCpuMs() - applyCpuStart;

    timer.restart();
    auto reader = tickets::TicketStoreReader::open(path, &error);
    ManualClock clock(firstDay + 6 * 3600 - 600); // inside the first trains' windows
    DecisionEngine engine(*reader, clock);
    decide(engine, list, 1);
    const double openMs = msSince(timer);

    std::vector<double> tidLookups;
    QRandomGenerator random(7);
    for (int i = 0; i < 20'000; ++i) {
        const QString tid = list.ticket(random.bounded(list.tickets)).tid;
        QElapsedTimer lookup;
        lookup.start();
        if (!reader->ticket(tid))
            qFatal("ticket %s missing", qPrintable(tid));
        tidLookups.push_back(msSince(lookup));
    }
    const std::vector<double> idle = decide(engine, list, 20'000);

    // Decisions while peak-minute deltas apply, one after another.
    std::atomic<bool> stop = false;
    std::vector<double> deltaApplyMs;
    std::vector<double> deltaApplyCpuMs;
    std::thread deltas([&] {
        for (int round = 2; round < 7; ++round) {
            const QByteArray delta =
                peakDelta(list, work.filePath(QStringLiteral("delta%1").arg(round)), round);
            QElapsedTimer applying;
            applying.start();
            const double cpuStart = threadCpuMs();
            QString deltaError;
            if (!writer->apply({listState(round), false, {QByteArrayView(delta)}}, &deltaError))
                qFatal("%s", qPrintable(deltaError));
            deltaApplyMs.push_back(msSince(applying));
            deltaApplyCpuMs.push_back(threadCpuMs() - cpuStart);
        }
        stop = true;
    });
    const std::vector<double> duringDeltas = decide(engine, list, 0, &stop);
    deltas.join();

    // Decisions while a whole new snapshot replaces the list.
    stop = false;
    double resnapshotMs = 0;
    std::thread resnapshot([&] {
        QElapsedTimer applying;
        applying.start();
        QString snapshotError;
        if (!writer->apply({listState(10), true, {QByteArrayView(snapshot)}}, &snapshotError))
            qFatal("%s", qPrintable(snapshotError));
        resnapshotMs = msSince(applying);
        stop = true;
    });
    const std::vector<double> duringSnapshot = decide(engine, list, 0, &stop);
    resnapshot.join();

    QJsonObject results{
        {QStringLiteral("tickets"), ticketCount},
        {QStringLiteral("snapshot_gzip_bytes"), snapshot.size()},
        {QStringLiteral("snapshot_generate_ms"), generateMs},
        {QStringLiteral("snapshot_apply_ms"), applyMs},
        {QStringLiteral("snapshot_apply_cpu_ms"), applyCpuMs},
        {QStringLiteral("open_to_first_decision_ms"), openMs},
        {QStringLiteral("tid_lookup_ms"), bench::summarize(tidLookups)},
        {QStringLiteral("decision_ms"), bench::summarize(idle)},
        {QStringLiteral("decision_during_delta_ms"), bench::summarize(duringDeltas)},
        {QStringLiteral("delta_10k_apply_ms"), bench::summarize(deltaApplyMs)},
        {QStringLiteral("delta_10k_apply_cpu_ms"), bench::summarize(deltaApplyCpuMs)},
        {QStringLiteral("decision_during_snapshot_ms"), bench::summarize(duringSnapshot)},
        {QStringLiteral("snapshot_reapply_ms"), resnapshotMs},
        {QStringLiteral("database_bytes"), QFileInfo(path).size()},
        {QStringLiteral("wal_bytes"), QFileInfo(path + QStringLiteral("-wal")).size()},
        {QStringLiteral("rss_kib"), bench::residentKiB()},
    };
    bench::printReport(QStringLiteral("bench-tickets"), results);
    return 0;
}
