#pragma once

#include "emrtd/bytes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gate::emrtd {

// An ISO 7816-4 command, before it is encoded (plain or under secure messaging).
struct CommandApdu {
    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;
    std::size_t le = 0; // expected response bytes; 0: none expected
    bool expectsResponse = false;
};

// Short form where it fits, extended form otherwise (Le 256 / 65536 encode as zeros).
Bytes encodeApdu(const CommandApdu &command, bool forceExtended = false);

struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;
    bool ok() const { return sw == 0x9000; }
    // The status word in hex, "6D00", for errors staff read.
    std::string statusText() const;
};

// Splits data and status word; none when shorter than a status word.
std::optional<ResponseApdu> splitResponse(const Bytes &raw);

} // namespace gate::emrtd
