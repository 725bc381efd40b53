#include "hal/sam/frameassembler.h"

#include <QtEndian>

namespace gate::idcard {

void FrameAssembler::push(QByteArrayView chunk) {
    m_buffer.append(chunk);
}

void FrameAssembler::reset() {
    m_buffer.clear();
}

void FrameAssembler::skip(qsizetype count) {
    m_buffer.remove(0, count);
    m_skipped += count;
}

std::optional<FrameAssembler::Event> FrameAssembler::take() {
    const QByteArrayView preamble(kPreamble, kPreambleSize);
    const qsizetype start = m_buffer.indexOf(preamble);
    if (start < 0) {
        // Keep only what could still be the beginning of a preamble.
        skip(std::max<qsizetype>(0, m_buffer.size() - (kPreambleSize - 1)));
        return std::nullopt;
    }
    skip(start);
    if (m_buffer.size() < kHeaderSize)
        return std::nullopt;
    const int length = qFromBigEndian<quint16>(m_buffer.constData() + kPreambleSize);
    if (length < kMinLength || length > kMaxLength) {
        skip(1);
        return Event{{}, FrameError{FrameError::Kind::BadLength}};
    }
    const qsizetype frameSize = kHeaderSize + length;
    if (m_buffer.size() < frameSize)
        return std::nullopt;
    const QByteArrayView frame = QByteArrayView(m_buffer).first(frameSize);
    if (xorChecksum(frame.sliced(kPreambleSize, frameSize - kPreambleSize - 1)) !=
        quint8(frame.back())) {
        skip(1);
        return Event{{}, FrameError{FrameError::Kind::BadChecksum}};
    }
    Event event{frame.toByteArray(), std::nullopt};
    m_buffer.remove(0, frameSize);
    return event;
}

} // namespace gate::idcard
