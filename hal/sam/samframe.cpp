#include "hal/sam/samframe.h"

#include <QtEndian>

namespace gate::idcard {

namespace {

QByteArray framed(QByteArrayView body) {
    // body: everything between the length and the checksum
    const int length = int(body.size()) + 1;
    QByteArray frame(kPreamble, kPreambleSize);
    frame.append(char(length >> 8)).append(char(length & 0xFF)).append(body);
    frame.append(char(xorChecksum(QByteArrayView(frame).sliced(kPreambleSize))));
    return frame;
}

} // namespace

quint8 successStatus(SamCommand command) {
    return command == SamCommand::FindCard ? status::FindOk : status::Ok;
}

QString FrameError::code() const {
    switch (kind) {
    case Kind::BadPreamble:
        return QStringLiteral("bad_preamble");
    case Kind::BadLength:
        return QStringLiteral("bad_length");
    case Kind::BadChecksum:
        return QStringLiteral("bad_checksum");
    case Kind::Truncated:
        return QStringLiteral("truncated");
    case Kind::Status:
        return QStringLiteral("status_") +
               QString::number(sw3, 16).rightJustified(2, QLatin1Char('0')).toUpper();
    case Kind::BadText:
        return QStringLiteral("bad_text");
    }
    return {};
}

quint8 xorChecksum(QByteArrayView bytes) {
    quint8 sum = 0;
    for (const char byte : bytes)
        sum ^= quint8(byte);
    return sum;
}

ResponseParse parseResponse(QByteArrayView frame) {
    using Kind = FrameError::Kind;
    const qsizetype preambleSeen = std::min(frame.size(), kPreambleSize);
    if (frame.first(preambleSeen) != QByteArrayView(kPreamble, preambleSeen))
        return {.error = FrameError{Kind::BadPreamble}};
    if (frame.size() < kHeaderSize)
        return {.error = FrameError{Kind::Truncated}};
    const int length = qFromBigEndian<quint16>(frame.data() + kPreambleSize);
    // A response holds at least SW1 SW2 SW3 CHK.
    if (length < 4 || length > kMaxLength)
        return {.error = FrameError{Kind::BadLength}};
    if (frame.size() < kHeaderSize + length)
        return {.error = FrameError{Kind::Truncated}};
    if (frame.size() > kHeaderSize + length)
        return {.error = FrameError{Kind::BadLength}};
    const QByteArrayView checked = frame.sliced(kPreambleSize, 2 + length - 1);
    if (xorChecksum(checked) != quint8(frame.back()))
        return {.error = FrameError{Kind::BadChecksum}};
    SamResponse response;
    response.sw1 = quint8(frame[kHeaderSize]);
    response.sw2 = quint8(frame[kHeaderSize + 1]);
    response.sw3 = quint8(frame[kHeaderSize + 2]);
    response.data = frame.sliced(kHeaderSize + 3, length - 4).toByteArray();
    return {.response = std::move(response)};
}

QByteArray requestFrame(SamCommand command) {
    const auto code = quint16(command);
    const char body[] = {char(code >> 8), char(code & 0xFF)};
    return framed(QByteArrayView(body, 2));
}

QByteArray responseFrame(quint8 sw3, QByteArrayView data) {
    QByteArray body("\0\0", 2);
    body.append(char(sw3)).append(data);
    return framed(body);
}

} // namespace gate::idcard
