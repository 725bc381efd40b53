#pragma once

#include "emrtd/bytes.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gate::emrtd {

// Elementary files of the eMRTD application (part 10, 4.6 and 4.7).
namespace fid {
constexpr std::uint16_t kCom = 0x011E;
constexpr std::uint16_t kSod = 0x011D;
constexpr std::uint16_t dataGroup(int number) {
    return static_cast<std::uint16_t>(0x0100 + number);
}
} // namespace fid

// A file larger than this is refused: the largest the LDS holds in practice
// is a DG2 face of a few tens of kilobytes, and READ BINARY with an even
// instruction addresses offsets up to 32767.
constexpr std::size_t kMaxFileSize = 32767 + 0xDF;

// Reads files through secure messaging: SELECT by file identifier, then READ
// BINARY in as few exchanges as the reader allows (extended length when the
// channel supports it).
class FileReader {
public:
    // SessionLost: the chip answered 6987/6988, it no longer knows the secure
    // messaging session (reset in the field without the reader noticing).
    enum class Status { Read, NotFound, ChannelLost, SessionLost, Malformed, Refused };
    struct Result {
        Status status = Status::Malformed;
        Bytes bytes;
        std::string error;
    };

    FileReader(ChipChannel &channel, SecureMessaging &session);

    Result read(std::uint16_t fileId);
    // Exchanges so far, for the measurements.
    int exchanges() const { return exchanges_; }

private:
    struct Exchange {
        Status status = Status::Read;
        ResponseApdu response;
        std::string error;
    };
    Exchange exchange(const CommandApdu &command);
    std::size_t chunkSize() const;

    ChipChannel &channel_;
    SecureMessaging &session_;
    int exchanges_ = 0;
};

// SELECT of the eMRTD application by its AID: in plain before BAC, under
// `session` after PACE, which runs in the master file. `channelLost` tells a
// chip that went away from one without the application.
bool selectApplication(ChipChannel &channel, SecureMessaging *session, bool *channelLost,
                       std::string *error);

} // namespace gate::emrtd
