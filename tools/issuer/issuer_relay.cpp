#include "issuer.h"

#include "relay_collectorfile.h"
#include "relay_passages.h"
#include "signingkey.h"
#include "station_secrets.h"
#include "ticketlist_records.h"
#include "ticketlist_writer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QTextStream>
#include <QThread>

namespace gate::issuer {

namespace {

const char usage[] =
    "usage: gate-issuer relay --out DIR --root-key ROOT.pem --secrets FILE\n"
    "         --collector FILE --state FILE [--interval-ms 1000] [--keep-deltas 24]\n"
    "         [--max-deltas 64] [--valid-for SECS] [--once]\n";

int fail(const QString &message) {
    QTextStream(stderr) << "gate-issuer relay: " << message << '\n';
    return 1;
}

void warn(const QString &message) {
    QTextStream(stderr) << "gate-issuer relay: " << message << '\n';
}

struct RelaySettings {
    QString out;
    QString secretsPath;
    QString statePath;
    SigningKey rootKey;
    int keepDeltas = 24;
    int maxDeltas = 64;
    qint64 validForS = 0; // 0: the list's expiry stays as the ticket system set it
};

// The `used` records of every new passage among `lines`; the position's
// seen records move past them.
QList<QByteArray> usedLinesOf(const QByteArrayList &lines, RelayPosition *position) {
    QList<QByteArray> used;
    for (const QByteArray &line : lines) {
        QString error;
        const std::optional<CollectedRecord> record = parseCollectedRecord(line, &error);
        if (!record) {
            warn(QStringLiteral("skipped a collector line: %1").arg(error));
            continue;
        }
        if (record->type != QLatin1String("passage") ||
            !position->seen.admit(record->gate, record->seq))
            continue;
        const auto records = usedRecordsOf(*record, &error);
        if (!records) {
            warn(error);
            continue;
        }
        for (const tickets::UsedRecord &use : *records) {
            // Checked with the gate's own parser: a line the gates refuse
            // would stop every gate's list at this delta.
            QByteArray usedLine = recordLine(use);
            if (tickets::parseRecordLine(usedLine, &error))
                used << std::move(usedLine);
            else
                warn(QStringLiteral("no used record for %1 of gate %2: %3")
                         .arg(use.tid, use.gate, error));
        }
    }
    return used;
}

// Appends `used` as the folder's next delta and publishes it, signed, under
// the station's lock. Returns the new seq.
std::optional<qint64> publish(const RelaySettings &settings, QList<QByteArray> used,
                              QString *error) {
    const auto lock = lockStation(settings.secretsPath, error);
    if (!lock)
        return std::nullopt;
    const std::optional<StationSecrets> secrets = StationSecrets::load(settings.secretsPath, error);
    if (!secrets)
        return std::nullopt;
    TicketListWriter writer(settings.out, settings.rootKey);
    if (!writer.load(error))
        return std::nullopt;
    writer.keys() = secrets->keys;
    writer.enrolledGates() = secrets->gates;
    tickets::Manifest &manifest = writer.manifest();
    if (!writer.writeDelta(manifest.seq + 1, recordsFrom(std::move(used)), error))
        return std::nullopt;
    if (manifest.deltas.size() > settings.maxDeltas &&
        !writer.compactDeltas(settings.keepDeltas, error))
        return std::nullopt;
    manifest.generated = std::max(manifest.generated + 1, QDateTime::currentSecsSinceEpoch());
    if (settings.validForS > 0)
        manifest.expires = manifest.generated + settings.validForS;
    if (!writer.publish(error))
        return std::nullopt;
    return manifest.seq;
}

// One round: the collector's new lines to a published delta, then the
// position saved. `saved` moves only when the round succeeded: a round that
// fails leaves it, so the next one reads the same lines again.
bool relayOnce(const RelaySettings &settings, const CollectorFile &collector,
               RelayPosition *saved) {
    QString error;
    RelayPosition position = *saved;
    int oversized = 0;
    const auto lines = collector.readNewLines(&position, &oversized, &error);
    if (!lines) {
        warn(error);
        return false;
    }
    if (oversized > 0)
        warn(QStringLiteral("skipped %1 collector line(s) longer than %2 bytes")
                 .arg(oversized)
                 .arg(CollectorFile::maxLineBytes));
    if (position.offset == saved->offset && position.inode == saved->inode)
        return true; // nothing new: nothing to write
    QList<QByteArray> used = usedLinesOf(*lines, &position);
    if (!used.isEmpty()) {
        const qsizetype count = used.size();
        const std::optional<qint64> seq = publish(settings, std::move(used), &error);
        if (!seq) {
            warn(error);
            return false;
        }
        const QJsonObject published{{QStringLiteral("seq"), *seq},
                                    {QStringLiteral("used"), count},
                                    {QStringLiteral("at_ms"), QDateTime::currentMSecsSinceEpoch()}};
        QTextStream(stdout) << QJsonDocument(published).toJson(QJsonDocument::Compact) << '\n';
    }
    if (!position.save(settings.statePath, &error)) {
        warn(error);
        return false;
    }
    *saved = std::move(position);
    return true;
}

} // namespace

// Station-wide anti-passback (spec/ticket-list.md): turns the passage records
// that the gates ship to the station's collector into `used` records in the
// station folder's next delta, signed, every --interval-ms.
int relay(const QStringList &args) {
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("out"), QStringLiteral("station folder to extend"), QStringLiteral("DIR")},
        {QStringLiteral("root-key"), QStringLiteral("Ed25519 root signing key (PEM)"),
         QStringLiteral("FILE")},
        {QStringLiteral("secrets"), QStringLiteral("the station's keys and enrolled gates"),
         QStringLiteral("FILE")},
        {QStringLiteral("collector"), QStringLiteral("the collector's file of passage records"),
         QStringLiteral("FILE")},
        {QStringLiteral("state"), QStringLiteral("where the relay keeps its place"),
         QStringLiteral("FILE")},
        {QStringLiteral("interval-ms"), QStringLiteral("between two rounds"), QStringLiteral("MS"),
         QStringLiteral("1000")},
        {QStringLiteral("keep-deltas"), QStringLiteral("newest deltas kept apart when merging"),
         QStringLiteral("N"), QStringLiteral("24")},
        {QStringLiteral("max-deltas"), QStringLiteral("deltas in the manifest before merging"),
         QStringLiteral("N"), QStringLiteral("64")},
        {QStringLiteral("valid-for"), QStringLiteral("each publish extends the expiry to now+SECS"),
         QStringLiteral("SECS"), QStringLiteral("0")},
        {QStringLiteral("once"), QStringLiteral("one round, then exit")},
    });
    if (!parser.parse(QStringList{QStringLiteral("relay")} + args))
        return fail(parser.errorText());

    RelaySettings settings;
    settings.out = parser.value(QStringLiteral("out"));
    settings.secretsPath = parser.value(QStringLiteral("secrets"));
    settings.statePath = parser.value(QStringLiteral("state"));
    const QString collectorPath = parser.value(QStringLiteral("collector"));
    bool intervalOk = false, keepOk = false, maxOk = false, validOk = false;
    const int intervalMs = parser.value(QStringLiteral("interval-ms")).toInt(&intervalOk);
    settings.keepDeltas = parser.value(QStringLiteral("keep-deltas")).toInt(&keepOk);
    settings.maxDeltas = parser.value(QStringLiteral("max-deltas")).toInt(&maxOk);
    settings.validForS = parser.value(QStringLiteral("valid-for")).toLongLong(&validOk);
    if (settings.out.isEmpty() || settings.secretsPath.isEmpty() || settings.statePath.isEmpty() ||
        collectorPath.isEmpty() || !parser.isSet(QStringLiteral("root-key")) || !intervalOk ||
        intervalMs < 10 || !keepOk || settings.keepDeltas < 1 || !maxOk ||
        settings.maxDeltas <= settings.keepDeltas ||
        settings.maxDeltas > tickets::maxManifestDeltas || !validOk || settings.validForS < 0 ||
        !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << usage;
        return 2;
    }
    QString error;
    settings.rootKey = SigningKey::load(parser.value(QStringLiteral("root-key")), &error);
    if (!settings.rootKey.isValid() ||
        settings.rootKey.algorithm() != SigningKey::Algorithm::Ed25519)
        return fail(QStringLiteral("root key: %1").arg(error.isEmpty() ? "not Ed25519" : error));

    std::optional<RelayPosition> position = RelayPosition::load(settings.statePath, &error);
    if (!position)
        return fail(error);
    const CollectorFile collector(collectorPath);
    if (parser.isSet(QStringLiteral("once")))
        return relayOnce(settings, collector, &*position) ? 0 : 1;
    // Runs until stopped; a failed round is retried at the next one. Stopped
    // between rounds or mid-round, the saved position still holds.
    for (;;) {
        QElapsedTimer round;
        round.start();
        relayOnce(settings, collector, &*position);
        QThread::msleep(ulong(std::max<qint64>(0, intervalMs - round.elapsed())));
    }
}

} // namespace gate::issuer
