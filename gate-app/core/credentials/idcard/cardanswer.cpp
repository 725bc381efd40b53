#include "core/credentials/idcard/cardanswer.h"

#include "core/credentials/idcard/textblocklayout.h"

#include <QtEndian>

namespace gate::idcard {

namespace {

constexpr int kFingerprintAreaSize = 1024;

int lengthAt(QByteArrayView data, qsizetype offset) {
    return qFromBigEndian<quint16>(data.data() + offset);
}

// data: everything between SW3 and the checksum. The length fields come first
// (two or three of them), then the parts in the same order.
std::optional<CardAnswer> cutParts(QByteArrayView data) {
    if (data.size() < 4)
        return std::nullopt;
    const int textLength = lengthAt(data, 0);
    const int photoLength = lengthAt(data, 2);
    CardAnswer answer;
    if (data.size() == 4 + textLength + photoLength) {
        answer.text = data.sliced(4, textLength).toByteArray();
        answer.photo = data.sliced(4 + textLength, photoLength).toByteArray();
        return answer;
    }
    if (data.size() < 6)
        return std::nullopt;
    const int fingerprintLength = lengthAt(data, 4);
    const qsizetype partsSize = 6 + textLength + photoLength;
    // A card without fingerprint answers length 0; some readers still send the
    // 1024-byte area (the fixed 2321-byte frame), others leave it out.
    const bool exact = data.size() == partsSize + fingerprintLength;
    const bool paddedEmpty =
        fingerprintLength == 0 && data.size() == partsSize + kFingerprintAreaSize;
    if (!exact && !paddedEmpty)
        return std::nullopt;
    answer.text = data.sliced(6, textLength).toByteArray();
    answer.photo = data.sliced(6 + textLength, photoLength).toByteArray();
    answer.fingerprint = data.sliced(partsSize, fingerprintLength).toByteArray();
    return answer;
}

} // namespace

CardAnswerParse parseCardAnswer(QByteArrayView frame) {
    ResponseParse parsed = parseResponse(frame);
    if (parsed.error)
        return {.error = parsed.error};
    if (parsed.response->sw3 != status::Ok)
        return {.error = FrameError{FrameError::Kind::Status, parsed.response->sw3}};
    std::optional<CardAnswer> answer = cutParts(parsed.response->data);
    if (!answer)
        return {.error = FrameError{FrameError::Kind::BadLength}};
    if (answer->text.size() != layout::kTextBlockSize)
        return {.error = FrameError{FrameError::Kind::BadText}};
    return {.answer = std::move(answer)};
}

} // namespace gate::idcard
