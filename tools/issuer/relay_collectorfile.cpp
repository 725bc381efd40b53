#include "relay_collectorfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/stat.h>

namespace gate::issuer {

std::optional<RelayPosition> RelayPosition::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.exists())
        return RelayPosition{};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.read(4 * 1024 * 1024)).object();
    RelayPosition position;
    position.offset = object.value(QLatin1String("offset")).toInteger(-1);
    position.inode = quint64(object.value(QLatin1String("inode")).toInteger(0));
    const QJsonObject lastSeq = object.value(QLatin1String("last_seq")).toObject();
    for (auto gate = lastSeq.begin(); gate != lastSeq.end(); ++gate)
        position.seen.setLastSeq(gate.key(), gate.value().toInteger());
    if (position.offset < 0) {
        *error = QStringLiteral("%1 is not a relay state file").arg(path);
        return std::nullopt;
    }
    return position;
}

bool RelayPosition::save(const QString &path, QString *error) const {
    QJsonObject lastSeq;
    for (const auto &[gate, seq] : seen.lastSeqs())
        lastSeq.insert(gate, seq);
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("offset"), offset},
                                                       {QStringLiteral("inode"), qint64(inode)},
                                                       {QStringLiteral("last_seq"), lastSeq}})
                                 .toJson(QJsonDocument::Compact);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

std::optional<QByteArrayList> CollectorFile::readNewLines(RelayPosition *position, int *oversized,
                                                          QString *error) const {
    QFile file(m_path);
    if (!file.exists())
        return QByteArrayList{};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString());
        return std::nullopt;
    }
    struct stat status {};
    if (fstat(file.handle(), &status) != 0) {
        *error = QStringLiteral("cannot stat %1").arg(m_path);
        return std::nullopt;
    }
    // Rotated (another file) or truncated: the new file is read from its start.
    if (quint64(status.st_ino) != position->inode || file.size() < position->offset) {
        position->inode = quint64(status.st_ino);
        position->offset = 0;
    }
    if (!file.seek(position->offset)) {
        *error = QStringLiteral("cannot seek in %1").arg(m_path);
        return std::nullopt;
    }
    const QByteArray chunk = file.read(maxBytesPerRead);
    QByteArrayList lines;
    qsizetype start = 0;
    for (qsizetype end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
        if (end - start > maxLineBytes)
            ++*oversized;
        else if (end > start)
            lines << chunk.mid(start, end - start);
        start = end + 1;
    }
    // A line longer than a whole read can never end inside one: skip it.
    if (start == 0 && chunk.size() == maxBytesPerRead) {
        ++*oversized;
        start = chunk.size();
    }
    position->offset += start;
    return lines;
}

} // namespace gate::issuer
