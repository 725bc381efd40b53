#include "core/tickets/gziplinereader.h"

#include <zlib.h>

namespace gate::tickets {

namespace {
constexpr int gzipWindowBits = 15 + 16; // zlib's way of saying "gzip wrapper"
constexpr qsizetype inflateChunk = 256 * 1024;
} // namespace

struct GzipLineReader::Stream {
    z_stream z{};
    bool initialised = false;
    ~Stream() {
        if (initialised)
            inflateEnd(&z);
    }
};

GzipLineReader::GzipLineReader(QByteArrayView compressed, qsizetype maxLineBytes)
    : m_stream(std::make_unique<Stream>())
    , m_maxLineBytes(maxLineBytes) {
    m_stream->z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    m_stream->z.avail_in = uInt(compressed.size());
    if (compressed.size() > qsizetype(std::numeric_limits<uInt>::max()))
        m_error = QStringLiteral("compressed file too large");
    else if (inflateInit2(&m_stream->z, gzipWindowBits) != Z_OK)
        m_error = QStringLiteral("zlib initialisation failed");
    else
        m_stream->initialised = true;
}

GzipLineReader::~GzipLineReader() = default;

bool GzipLineReader::inflateMore() {
    if (m_consumed > 0) {
        m_buffer.remove(0, m_consumed);
        m_consumed = 0;
    }
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + inflateChunk);
    z_stream &z = m_stream->z;
    z.next_out = reinterpret_cast<Bytef *>(m_buffer.data() + start);
    z.avail_out = uInt(inflateChunk);
    const int status = inflate(&z, Z_NO_FLUSH);
    m_buffer.resize(start + (inflateChunk - qsizetype(z.avail_out)));
    if (status == Z_STREAM_END) {
        m_streamEnded = true;
        if (z.avail_in != 0)
            m_error = QStringLiteral("trailing bytes after the gzip stream");
        return m_error.isEmpty();
    }
    if (status == Z_OK)
        return true;
    if (status == Z_BUF_ERROR && z.avail_in == 0)
        m_error = QStringLiteral("truncated gzip stream");
    else
        m_error = QStringLiteral("corrupt gzip stream");
    return false;
}

bool GzipLineReader::nextLine(QByteArray *line) {
    while (m_error.isEmpty()) {
        const qsizetype newline = m_buffer.indexOf('\n', m_consumed);
        if (newline >= 0) {
            const qsizetype length = newline - m_consumed;
            if (length > m_maxLineBytes)
                break;
            *line = m_buffer.mid(m_consumed, length);
            m_consumed = newline + 1;
            if (line->isEmpty())
                continue;
            return true;
        }
        if (m_buffer.size() - m_consumed > m_maxLineBytes)
            break;
        if (m_streamEnded) {
            if (m_buffer.size() == m_consumed)
                return false;
            *line = m_buffer.mid(m_consumed);
            m_consumed = m_buffer.size();
            return true;
        }
        if (!inflateMore())
            return false;
    }
    if (m_error.isEmpty())
        m_error = QStringLiteral("line longer than %1 bytes").arg(m_maxLineBytes);
    return false;
}

} // namespace gate::tickets
