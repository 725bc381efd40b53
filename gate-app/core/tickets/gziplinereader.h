#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace gate::tickets {

// Reads the lines of a gzip member held in memory, inflating as it goes so
// that a 1,000,000-record snapshot never exists uncompressed all at once.
// A line longer than `maxLineBytes`, a corrupt or truncated stream, or
// trailing bytes after the gzip member are errors, not data.
class GzipLineReader {
public:
    GzipLineReader(QByteArrayView compressed, qsizetype maxLineBytes);
    ~GzipLineReader();
    GzipLineReader(const GzipLineReader &) = delete;
    GzipLineReader &operator=(const GzipLineReader &) = delete;

    // The next line without its '\n' (empty lines are skipped). False at the
    // end of the stream or on an error; error() tells which.
    bool nextLine(QByteArray *line);
    const QString &error() const { return m_error; }

private:
    bool inflateMore();

    struct Stream;
    std::unique_ptr<Stream> m_stream;
    QByteArray m_buffer;
    qsizetype m_consumed = 0;
    qsizetype m_maxLineBytes;
    bool m_streamEnded = false;
    QString m_error;
};

} // namespace gate::tickets
