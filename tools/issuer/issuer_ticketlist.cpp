#include "issuer.h"

#include "core/tickets/ticketrecord.h"
#include "signingkey.h"
#include "station_secrets.h"
#include "ticketlist_synthetic.h"
#include "ticketlist_writer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QTextStream>

namespace gate::issuer {

namespace {

const char usage[] =
    "usage: gate-issuer ticketlist --out DIR --root-key ROOT.pem --secrets FILE --seq N\n"
    "         (--records FILE.ndjson | --synthetic N [--first-day UNIX] | --refresh)\n"
    "         [--delta] [--station VNP] [--generated UNIX] [--valid-for SECS]\n"
    "         [--keys KEYS.json] [--enrol GATES.ndjson] [--rotate-list-key]\n"
    "         [--list-key ID:BASE64] [--bind-key ID:BASE64]...\n";

constexpr qint64 maxRecordsFileBytes = qint64(1) << 31;

int fail(const QString &message) {
    QTextStream(stderr) << "gate-issuer ticketlist: " << message << '\n';
    return 2;
}

std::optional<tickets::KeyEntry> keyArgument(const QString &text) {
    const qsizetype colon = text.indexOf(u':');
    bool idOk = false;
    const uint id = text.left(colon).toUInt(&idOk);
    const auto key = QByteArray::fromBase64Encoding(text.mid(colon + 1).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (colon < 1 || !idOk || !key || key.decoded.size() != 32)
        return std::nullopt;
    return tickets::KeyEntry{id, key.decoded};
}

// Every line of FILE, each checked by the gate's own record parser.
std::optional<QList<QByteArray>> readRecords(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxRecordsFileBytes) {
        *error = QStringLiteral("cannot read %1 (or larger than 2 GiB)").arg(path);
        return std::nullopt;
    }
    QList<QByteArray> lines;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(tickets::maxRecordLineBytes + 2).trimmed();
        if (line.isEmpty())
            continue;
        QString recordError;
        if (!tickets::parseRecordLine(line, &recordError)) {
            *error =
                QStringLiteral("%1 line %2: %3").arg(path).arg(lines.size() + 1).arg(recordError);
            return std::nullopt;
        }
        lines << line;
    }
    return lines;
}

} // namespace

// Writes or extends a station's signed ticket-list folder, the holder keys
// sealed to every enrolled gate; prints
// {"dir","station","seq","snapshot","deltas","records","list_key_id","gates"}.
// The station's keys and enrolled gates live in the --secrets file (created
// when missing), never in the folder.
int ticketList(const QStringList &args) {
    QCommandLineParser parser;
    const auto option = [&parser](const char *name, const char *help, const char *value = nullptr) {
        parser.addOption(value ? QCommandLineOption(QLatin1String(name), QLatin1String(help),
                                                    QLatin1String(value))
                               : QCommandLineOption(QLatin1String(name), QLatin1String(help)));
    };
    option("out", "station folder to write", "DIR");
    option("root-key", "Ed25519 root signing key (PEM)", "FILE");
    option("seq", "sequence number after this write", "N");
    option("records", "record lines (ndjson)", "FILE");
    option("synthetic", "generate N synthetic tickets", "N");
    option("first-day", "synthetic: start of the first departure day", "UNIX");
    option("delta", "append a delta to the folder instead of a new snapshot");
    option("station", "station telecode", "CODE");
    option("generated", "generation time (default now)", "UNIX");
    option("valid-for", "seconds until the list expires (default 3600)", "SECS");
    option("keys", "e-ticket trust list to publish", "FILE");
    option("list-key", "K_list", "ID:BASE64");
    option("bind-key", "a K_bind (repeatable)", "ID:BASE64");
    option("secrets", "the station's keys and enrolled gates (kept, never published)", "FILE");
    option("enrol", "gates to enrol: lines of gatectl device-key show", "FILE");
    option("rotate-list-key", "a new K_list with the next id (a new snapshot)");
    option("refresh", "re-sign the current seq with a later generated time (with --delta)");
    if (!parser.parse(QStringList{QStringLiteral("ticketlist")} + args))
        return fail(parser.errorText());

    const QString out = parser.value(QStringLiteral("out"));
    const QString secretsPath = parser.value(QStringLiteral("secrets"));
    bool seqOk = false;
    const qint64 seq = parser.value(QStringLiteral("seq")).toLongLong(&seqOk);
    const bool delta = parser.isSet(QStringLiteral("delta"));
    const bool synthetic = parser.isSet(QStringLiteral("synthetic"));
    const bool refresh = parser.isSet(QStringLiteral("refresh"));
    const bool rotate = parser.isSet(QStringLiteral("rotate-list-key"));
    const int sources =
        int(synthetic) + int(parser.isSet(QStringLiteral("records"))) + int(refresh);
    if (out.isEmpty() || secretsPath.isEmpty() || !seqOk || seq < 1 ||
        !parser.isSet(QStringLiteral("root-key")) || sources != 1 || (delta && synthetic) ||
        (refresh && !delta) || (rotate && delta) || !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << usage;
        return 2;
    }

    QString error;
    SigningKey rootKey = SigningKey::load(parser.value(QStringLiteral("root-key")), &error);
    if (!rootKey.isValid() || rootKey.algorithm() != SigningKey::Algorithm::Ed25519)
        return fail(QStringLiteral("root key: %1").arg(error.isEmpty() ? "not Ed25519" : error));
    const auto lock = lockStation(secretsPath, &error);
    if (!lock)
        return fail(error);
    TicketListWriter writer(out, rootKey);
    tickets::Manifest &manifest = writer.manifest();
    if (delta && !writer.load(&error))
        return fail(error);

    if (!delta || parser.isSet(QStringLiteral("station")))
        manifest.station = parser.value(QStringLiteral("station"));
    if (manifest.station.isEmpty())
        manifest.station = QStringLiteral("VNP");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    manifest.generated = parser.isSet(QStringLiteral("generated"))
                             ? parser.value(QStringLiteral("generated")).toLongLong()
                             : now;
    const qint64 validFor = parser.isSet(QStringLiteral("valid-for"))
                                ? parser.value(QStringLiteral("valid-for")).toLongLong()
                                : 3600;
    manifest.expires = manifest.generated + validFor;

    std::optional<StationSecrets> secrets = QFile::exists(secretsPath)
                                                ? StationSecrets::load(secretsPath, &error)
                                                : StationSecrets::fresh();
    if (!secrets)
        return fail(error);
    if (rotate)
        secrets->rotateListKey();
    if (parser.isSet(QStringLiteral("list-key"))) {
        const auto key = keyArgument(parser.value(QStringLiteral("list-key")));
        if (!key)
            return fail(QStringLiteral("--list-key wants ID:BASE64 of 32 bytes"));
        secrets->keys.listKey = *key;
    }
    if (parser.isSet(QStringLiteral("bind-key")))
        secrets->keys.bindKeys.clear();
    for (const QString &text : parser.values(QStringLiteral("bind-key"))) {
        const auto key = keyArgument(text);
        if (!key)
            return fail(QStringLiteral("--bind-key wants ID:BASE64 of 32 bytes"));
        secrets->keys.bindKeys << *key;
    }
    if (parser.isSet(QStringLiteral("enrol"))) {
        const auto gates = enrolmentFile(parser.value(QStringLiteral("enrol")), &error);
        if (!gates)
            return fail(error);
        for (const QByteArray &gate : *gates)
            secrets->enrol(gate);
    }
    if (!secrets->save(secretsPath, &error))
        return fail(error);
    writer.keys() = secrets->keys;
    writer.enrolledGates() = secrets->gates;

    QByteArray keysJson = R"({"format":"gate-keys/1","keys":[]})";
    if (parser.isSet(QStringLiteral("keys"))) {
        QFile keys(parser.value(QStringLiteral("keys")));
        if (!keys.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(keys.fileName()));
        keysJson = keys.read(1024 * 1024);
    }
    const bool keepKeys = delta && !parser.isSet(QStringLiteral("keys"));
    if (!keepKeys && !writer.writeKeys(keysJson, &error))
        return fail(error);

    qint64 records = 0;
    bool written = false;
    if (synthetic) {
        SyntheticList list;
        list.station = manifest.station;
        list.tickets = parser.value(QStringLiteral("synthetic")).toLongLong();
        list.firstDay = parser.isSet(QStringLiteral("first-day"))
                            ? parser.value(QStringLiteral("first-day")).toLongLong()
                            : now - now % 86400;
        list.listKey = secrets->keys.listKey.key;
        if (list.tickets < 1 || list.tickets > 5'000'000)
            return fail(QStringLiteral("--synthetic wants 1 to 5000000 tickets"));
        records = list.tickets + list.trainCount();
        written = writer.writeSnapshot(seq, list.records(), &error);
    } else if (refresh) {
        // The same seq, later `generated`: new expires, sealed keys and trust list.
        if (seq != manifest.seq)
            return fail(QStringLiteral("--refresh re-signs the current seq %1").arg(manifest.seq));
        written = true;
    } else {
        const auto lines = readRecords(parser.value(QStringLiteral("records")), &error);
        if (!lines)
            return fail(error);
        records = lines->size();
        written = delta ? writer.writeDelta(seq, recordsFrom(*lines), &error)
                        : writer.writeSnapshot(seq, recordsFrom(*lines), &error);
    }
    if (!written || !writer.publish(&error))
        return fail(error);

    const QJsonObject result{
        {QStringLiteral("dir"), out},
        {QStringLiteral("station"), manifest.station},
        {QStringLiteral("seq"), manifest.seq},
        {QStringLiteral("snapshot"), manifest.snapshot.path},
        {QStringLiteral("deltas"), manifest.deltas.size()},
        {QStringLiteral("records"), records},
        {QStringLiteral("list_key_id"), qint64(secrets->keys.listKey.id)},
        {QStringLiteral("gates"), qint64(secrets->gates.size())},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace gate::issuer
