#pragma once

#include "relay_passages.h"

#include <QByteArrayList>
#include <QString>

#include <optional>

namespace gate::issuer {

// Where the relay is in the collector's file, kept in a state file of its
// own so that a restarted relay neither misses nor repeats a record: the
// byte offset after the last whole line read, the file's inode (a rotated
// file starts again at 0) and the newest seq of each gate.
struct RelayPosition {
    qint64 offset = 0;
    quint64 inode = 0;
    SeenRecords seen;

    // A missing file is a relay that starts at the beginning.
    static std::optional<RelayPosition> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;
};

// Follows the file the collector appends gate records to.
class CollectorFile {
public:
    static constexpr qsizetype maxLineBytes = 64 * 1024;        // imrelp's maxDataSize
    static constexpr qint64 maxBytesPerRead = 16 * 1024 * 1024; // one publish's worth

    explicit CollectorFile(QString path)
        : m_path(std::move(path)) {}

    // The whole lines appended after `position` (a line still being written
    // waits for its '\n'); moves `position` past them. A line longer than
    // maxLineBytes is skipped and counted in `oversized`. A missing file is
    // no lines yet (the collector has received nothing).
    std::optional<QByteArrayList> readNewLines(RelayPosition *position, int *oversized,
                                               QString *error) const;

private:
    QString m_path;
};

} // namespace gate::issuer
