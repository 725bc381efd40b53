#pragma once

#include "hal/sam/samframe.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace gate::idcard {

// Cuts a serial byte stream into frames. Chunks arrive in any size, split
// anywhere; bytes before a preamble are skipped (the line may carry noise or
// the tail of an answer that timed out). A frame whose length or checksum is
// wrong is reported and the scan resumes one byte after its preamble, so a
// preamble hidden in noise cannot swallow the real frame behind it.
//
// Memory stays bounded by one frame plus the last chunk, as long as the owner
// drains take() after each push().
class FrameAssembler {
public:
    struct Event {
        QByteArray frame;                // a complete frame, checksum verified
        std::optional<FrameError> error; // BadLength or BadChecksum instead of a frame
    };

    void push(QByteArrayView chunk);
    // The next frame or error, or nothing until more bytes arrive.
    std::optional<Event> take();
    // Forgets everything buffered (after a timeout, before a new command).
    void reset();

    qsizetype bufferedBytes() const { return m_buffer.size(); }
    // Bytes thrown away as noise or as parts of broken frames, since construction.
    qint64 skippedBytes() const { return m_skipped; }

private:
    void skip(qsizetype count);

    QByteArray m_buffer;
    qint64 m_skipped = 0;
};

} // namespace gate::idcard
