#include "emrtd/filereader.h"

#include "emrtd/protectedexchange.h"
#include "emrtd/tlv.h"

#include <algorithm>
#include <string>

namespace gate::emrtd {

namespace {

// What one protected READ BINARY may ask for: the response's DO'87', DO'99'
// and DO'8E' must fit in 256 bytes (short) or well inside pcsc-lite's extended
// buffer (extended).
constexpr std::size_t kShortChunk = 0xDF;
constexpr std::size_t kExtendedChunk = 0xFF00;
constexpr std::size_t kHeaderRead = 4; // tag, and a length of up to three bytes

} // namespace

FileReader::FileReader(ChipChannel &channel, SecureMessaging &session)
    : channel_(channel)
    , session_(session) {}

std::size_t FileReader::chunkSize() const {
    return channel_.extendedLength() ? kExtendedChunk : kShortChunk;
}

FileReader::Exchange FileReader::exchange(const CommandApdu &command) {
    ++exchanges_;
    ProtectedAnswer answer = exchangeProtected(channel_, session_, command);
    Exchange result;
    result.response = std::move(answer.response);
    result.error = std::move(answer.error);
    switch (answer.status) {
    case ProtectedAnswer::Status::Answered:
        result.status = Status::Read;
        break;
    case ProtectedAnswer::Status::ChannelLost:
        result.status = Status::ChannelLost;
        break;
    case ProtectedAnswer::Status::Malformed:
        result.status = Status::Malformed;
        break;
    case ProtectedAnswer::Status::Unauthenticated:
        result.status = Status::Refused;
        break;
    }
    return result;
}

FileReader::Result FileReader::read(std::uint16_t fileId) {
    Result result;
    const Exchange selected =
        exchange({0x00,
                  0xA4,
                  0x02,
                  0x0C,
                  {static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId)},
                  0,
                  false});
    if (selected.status != Status::Read) {
        result.status = selected.status;
        result.error = selected.error;
        return result;
    }
    if (selected.response.sw == 0x6A82) {
        result.status = Status::NotFound;
        return result;
    }
    if (sessionLostStatus(selected.response.sw)) {
        result.status = Status::SessionLost;
        result.error = "the chip lost the secure messaging session";
        return result;
    }
    if (!selected.response.ok()) {
        result.status = Status::Refused;
        result.error = "SELECT refused (status " + selected.response.statusText() + ")";
        return result;
    }

    std::optional<std::size_t> total;
    while (!total || result.bytes.size() < *total) {
        const std::size_t offset = result.bytes.size();
        const std::size_t wanted = total ? std::min(chunkSize(), *total - offset) : kHeaderRead;
        const Exchange chunk = exchange({0x00,
                                         0xB0,
                                         static_cast<std::uint8_t>(offset >> 8),
                                         static_cast<std::uint8_t>(offset),
                                         {},
                                         wanted,
                                         true});
        if (chunk.status != Status::Read) {
            result.status = chunk.status;
            result.error = chunk.error;
            return result;
        }
        if (sessionLostStatus(chunk.response.sw)) {
            result.status = Status::SessionLost;
            result.error = "the chip lost the secure messaging session";
            return result;
        }
        // 6282: end of file reached before Le bytes, the data still counts.
        if ((!chunk.response.ok() && chunk.response.sw != 0x6282) || chunk.response.data.empty()) {
            result.status = Status::Refused;
            result.error = "READ BINARY refused";
            return result;
        }
        result.bytes.insert(result.bytes.end(), chunk.response.data.begin(),
                            chunk.response.data.end());
        if (!total) {
            total = announcedTlvSize(result.bytes);
            if (!total || *total > kMaxFileSize) {
                result.status = Status::Malformed;
                result.error = total ? "file larger than the limit" : "file header malformed";
                return result;
            }
        }
        if (result.bytes.size() > *total) {
            result.status = Status::Malformed;
            result.error = "the chip sent more than the file holds";
            return result;
        }
        if (result.bytes.size() < *total && result.bytes.size() > 32767) {
            result.status = Status::Malformed;
            result.error = "file larger than the limit";
            return result;
        }
    }
    result.status = Status::Read;
    return result;
}

bool selectApplication(ChipChannel &channel, SecureMessaging *session, bool *channelLost,
                       std::string *error) {
    static const Bytes aid{0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    const CommandApdu select{0x00, 0xA4, 0x04, 0x0C, aid, 0, false};
    *channelLost = false;
    std::optional<ResponseApdu> response;
    if (session) {
        const ProtectedAnswer answer = exchangeProtected(channel, *session, select);
        if (answer.status != ProtectedAnswer::Status::Answered) {
            *channelLost = answer.status == ProtectedAnswer::Status::ChannelLost;
            *error = answer.error;
            return false;
        }
        response = answer.response;
    } else {
        const auto raw = channel.transmit(encodeApdu(select));
        if (!raw) {
            *channelLost = true;
            *error = channel.lastError();
            return false;
        }
        response = splitResponse(*raw);
    }
    if (!response || !response->ok()) {
        *error = "the chip has no eMRTD application";
        return false;
    }
    return true;
}

} // namespace gate::emrtd
