#include "ticketlist_writer.h"

#include "core/tickets/devicekey.h"
#include "core/tickets/gziplinereader.h"
#include "core/tickets/ticketrecord.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <zlib.h>

namespace gate::issuer {

namespace {

constexpr int gzipWindowBits = 15 + 16;
constexpr qsizetype deflateChunk = 64 * 1024;

QJsonObject fileJson(const tickets::BundleFile &file, bool delta) {
    QJsonObject object{{QStringLiteral("path"), file.path},
                       {QStringLiteral("sha256"), QString::fromLatin1(file.sha256.toHex())},
                       {QStringLiteral("size"), file.size}};
    if (delta) {
        object.insert(QStringLiteral("from"), file.from);
        object.insert(QStringLiteral("to"), file.to);
    } else {
        object.insert(QStringLiteral("seq"), file.to);
    }
    return object;
}

bool writeWhole(const QString &path, const QByteArray &bytes, QString *error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

// Deflates into a file, hashing the compressed bytes on the way.
class GzipFile {
public:
    explicit GzipFile(const QString &path)
        : m_file(path)
        , m_hash(QCryptographicHash::Sha256) {
        m_ok = m_file.open(QIODevice::WriteOnly) &&
               deflateInit2(&m_z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8,
                            Z_DEFAULT_STRATEGY) == Z_OK;
        m_initialised = m_ok;
    }
    ~GzipFile() {
        if (m_initialised)
            deflateEnd(&m_z);
    }

    bool write(QByteArrayView bytes) { return pump(bytes, Z_NO_FLUSH); }
    bool finish() { return pump({}, Z_FINISH) && m_file.commit(); }
    QByteArray sha256() const { return m_hash.result(); }
    qint64 size() const { return m_size; }
    QString errorString() const { return m_file.errorString(); }

private:
    bool pump(QByteArrayView input, int flush) {
        m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        m_z.avail_in = uInt(input.size());
        char out[deflateChunk];
        int status = Z_OK;
        do {
            m_z.next_out = reinterpret_cast<Bytef *>(out);
            m_z.avail_out = uInt(sizeof out);
            status = deflate(&m_z, flush);
            const qint64 produced = qint64(sizeof out) - m_z.avail_out;
            if (status == Z_STREAM_ERROR || m_file.write(out, produced) != produced)
                return m_ok = false;
            m_hash.addData(QByteArrayView(out, produced));
            m_size += produced;
        } while (m_z.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
        return m_ok;
    }

    QSaveFile m_file;
    QCryptographicHash m_hash;
    z_stream m_z{};
    bool m_ok = false;
    bool m_initialised = false;
    qint64 m_size = 0;
};

} // namespace

RecordSource recordsFrom(QList<QByteArray> lines) {
    return [lines = std::move(lines), next = qsizetype(0)](QByteArray *line) mutable {
        if (next == lines.size())
            return false;
        *line = lines.at(next++);
        return true;
    };
}

TicketListWriter::TicketListWriter(QString directory, SigningKey rootKey)
    : m_directory(std::move(directory))
    , m_rootKey(std::move(rootKey)) {
    m_manifest.keysPath = QStringLiteral("keys.json");
}

bool TicketListWriter::load(QString *error) {
    QFile file(QDir(m_directory).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    const std::optional<tickets::Manifest> manifest =
        tickets::parseManifest(file.read(tickets::maxManifestBytes + 1), error);
    if (manifest)
        m_manifest = *manifest;
    return bool(manifest);
}

std::optional<tickets::BundleFile> TicketListWriter::writeRecordFile(const QString &name,
                                                                     const RecordSource &records,
                                                                     QString *error) const {
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create %1").arg(m_directory);
        return std::nullopt;
    }
    GzipFile gzip(QDir(m_directory).filePath(name));
    QByteArray line;
    bool ok = true;
    while (ok && records(&line))
        ok = gzip.write(line) && gzip.write("\n");
    if (!ok || !gzip.finish()) {
        *error = QStringLiteral("cannot write %1: %2").arg(name, gzip.errorString());
        return std::nullopt;
    }
    tickets::BundleFile file;
    file.path = name;
    file.sha256 = gzip.sha256();
    file.size = gzip.size();
    return file;
}

bool TicketListWriter::writeSnapshot(qint64 seq, const RecordSource &records, QString *error) {
    const auto file = writeRecordFile(QStringLiteral("snap-%1.ndjson.gz").arg(seq), records, error);
    if (!file)
        return false;
    m_manifest.snapshot = *file;
    m_manifest.snapshot.to = seq;
    m_manifest.deltas.clear();
    m_manifest.seq = seq;
    return true;
}

bool TicketListWriter::writeDelta(qint64 toSeq, const RecordSource &records, QString *error) {
    if (toSeq <= m_manifest.seq) {
        *error = QStringLiteral("a delta must go forward from seq %1").arg(m_manifest.seq);
        return false;
    }
    const auto file = writeRecordFile(
        QStringLiteral("delta-%1-%2.ndjson.gz").arg(m_manifest.seq).arg(toSeq), records, error);
    if (!file)
        return false;
    tickets::BundleFile delta = *file;
    delta.from = m_manifest.seq;
    delta.to = toSeq;
    m_manifest.deltas << delta;
    m_manifest.seq = toSeq;
    return true;
}

bool TicketListWriter::compactDeltas(int keepNewest, QString *error) {
    const qsizetype merged = m_manifest.deltas.size() - std::max(keepNewest, 0);
    if (merged < 2)
        return true;
    // The merged delta holds the records of its parts in order: applying it
    // leaves the same state as applying them one by one.
    QList<QByteArray> lines;
    for (qsizetype i = 0; i < merged; ++i) {
        const tickets::BundleFile &part = m_manifest.deltas.at(i);
        QFile file(QDir(m_directory).filePath(part.path));
        if (!file.open(QIODevice::ReadOnly) || file.size() != part.size) {
            *error = QStringLiteral("cannot read %1 (or not the size the manifest says)")
                         .arg(file.fileName());
            return false;
        }
        const QByteArray compressed = file.readAll();
        tickets::GzipLineReader reader(compressed, tickets::maxRecordLineBytes);
        QByteArray line;
        while (reader.nextLine(&line))
            lines << line;
        if (!reader.error().isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(part.path, reader.error());
            return false;
        }
    }
    const qint64 from = m_manifest.deltas.first().from;
    const qint64 to = m_manifest.deltas.at(merged - 1).to;
    const auto file = writeRecordFile(QStringLiteral("delta-%1-%2.ndjson.gz").arg(from).arg(to),
                                      recordsFrom(std::move(lines)), error);
    if (!file)
        return false;
    tickets::BundleFile delta = *file;
    delta.from = from;
    delta.to = to;
    m_manifest.deltas.remove(0, merged);
    m_manifest.deltas.prepend(delta);
    return true;
}

bool TicketListWriter::writeKeys(const QByteArray &keysJson, QString *error) {
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    m_manifest.keysSha256 = QCryptographicHash::hash(keysJson, QCryptographicHash::Sha256);
    return writeWhole(QDir(m_directory).filePath(m_manifest.keysPath), keysJson, error);
}

QByteArray TicketListWriter::manifestJson(const tickets::Manifest &manifest) {
    QJsonArray sealedKeys;
    for (const tickets::SealedBox &sealed : manifest.sealedKeys)
        sealedKeys.append(
            QJsonObject{{QStringLiteral("gate"), QString::fromLatin1(sealed.gate.toBase64())},
                        {QStringLiteral("box"), QString::fromLatin1(sealed.box.toBase64())}});
    QJsonArray deltas;
    for (const tickets::BundleFile &delta : manifest.deltas)
        deltas.append(fileJson(delta, true));
    const QJsonObject object{
        {QStringLiteral("format"), QLatin1String(tickets::manifestFormat)},
        {QStringLiteral("station"), manifest.station},
        {QStringLiteral("seq"), manifest.seq},
        {QStringLiteral("generated"), manifest.generated},
        {QStringLiteral("expires"), manifest.expires},
        {QStringLiteral("sealed_keys"), sealedKeys},
        {QStringLiteral("keys"),
         QJsonObject{{QStringLiteral("path"), manifest.keysPath},
                     {QStringLiteral("sha256"), QString::fromLatin1(manifest.keysSha256.toHex())}}},
        {QStringLiteral("snapshot"), fileJson(manifest.snapshot, false)},
        {QStringLiteral("deltas"), deltas},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool TicketListWriter::publish(QString *error) {
    m_manifest.sealedKeys.clear();
    for (const QByteArray &gate : std::as_const(m_gates)) {
        const QByteArray box = tickets::sealListKeys(m_keys, gate, m_manifest.station);
        if (box.isEmpty()) {
            *error = QStringLiteral("cannot seal the keys to gate %1")
                         .arg(QString::fromLatin1(tickets::deviceKidOf(gate).toBase64()));
            return false;
        }
        m_manifest.sealedKeys << tickets::SealedBox{tickets::deviceKidOf(gate), box};
    }
    const QByteArray manifest = manifestJson(m_manifest);
    const QDir directory(m_directory);
    return writeWhole(directory.filePath(QStringLiteral("manifest.json")), manifest, error) &&
           writeWhole(directory.filePath(QStringLiteral("manifest.json.sig")),
                      m_rootKey.sign(manifest), error);
}

} // namespace gate::issuer
