#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// The serial frame of SAM ID-card readers (GA 467, reference/idcard-sam.md):
// preamble AA AA AA 96 69, a big-endian length counting every byte after
// itself, then CMD PARA (request) or SW1 SW2 SW3 (response), data, and an XOR
// checksum over everything from the first length byte to the last data byte.
namespace gate::idcard {

inline constexpr char kPreamble[] = "\xAA\xAA\xAA\x96\x69";
inline constexpr qsizetype kPreambleSize = 5;
inline constexpr qsizetype kHeaderSize = kPreambleSize + 2; // preamble + length
// The smallest length: CMD PARA CHK of a request.
inline constexpr int kMinLength = 3;
// The largest answer a reader sends: read text + photo + fingerprint (30 10),
// 2321 bytes in all. Nothing longer is a frame.
inline constexpr int kMaxLength = 2314;
inline constexpr qsizetype kMaxFrameSize = kHeaderSize + kMaxLength;

enum class SamCommand : quint16 {
    ResetSam = 0x10FF,
    SamStatus = 0x11FF,
    SamId = 0x12FF,
    FindCard = 0x2001,
    SelectCard = 0x2002,
    ReadText = 0x3001,
    ReadAppendedAddress = 0x3003,
    ReadTextFingerprint = 0x3010,
};

// SW3 values a reader answers with.
namespace status {
inline constexpr quint8 Ok = 0x90;
inline constexpr quint8 FindOk = 0x9F;
inline constexpr quint8 NoContent = 0x91;
inline constexpr quint8 SelfTestFailed = 0x60;
inline constexpr quint8 NoCard = 0x80;
inline constexpr quint8 SelectFailed = 0x81;
inline constexpr quint8 ReadFailed = 0x41;
} // namespace status

// What a command answers with when it succeeded: 9F for find, 90 otherwise.
quint8 successStatus(SamCommand command);

// Why bytes are not a usable answer; code() is the error code of
// spec/gatectl.md ("bad_checksum", "status_41", ...).
struct FrameError {
    enum class Kind { BadPreamble, BadLength, BadChecksum, Truncated, Status, BadText };
    Kind kind = Kind::BadPreamble;
    quint8 sw3 = 0; // with Kind::Status

    QString code() const;
    bool operator==(const FrameError &) const = default;
};

struct SamResponse {
    quint8 sw1 = 0;
    quint8 sw2 = 0;
    quint8 sw3 = 0;
    QByteArray data; // between SW3 and the checksum
};

struct ResponseParse {
    std::optional<SamResponse> response;
    std::optional<FrameError> error;
};

// XOR of the bytes, as the frame checksum is computed.
quint8 xorChecksum(QByteArrayView bytes);

// Checks one complete response frame (nothing before or after it): preamble,
// length, checksum. The status is not judged here: callers compare SW3 with
// what their command expects.
ResponseParse parseResponse(QByteArrayView frame);

// The complete request frame of a command, e.g. AAAAAA96690003200122 for find.
QByteArray requestFrame(SamCommand command);

// A response frame as a reader sends it (SW1 SW2 = 00 00): for simulators and tests.
QByteArray responseFrame(quint8 sw3, QByteArrayView data = {});

} // namespace gate::idcard
