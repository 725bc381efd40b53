#pragma once

#include "emrtd/bytes.h"

#include <optional>
#include <string>

namespace gate::emrtd {

// How a chip is reached: one command APDU out, one response APDU (data and
// status word) back. The PC/SC reader implements it; tests and benches wrap
// it (a throttle, a chip pulled away mid-read).
class ChipChannel {
public:
    virtual ~ChipChannel() = default;
    // The response, or none when the chip is gone or the reader failed; then
    // `lastError()` says what happened ("card_removed", "reader_error: ...").
    virtual std::optional<Bytes> transmit(const Bytes &command) = 0;
    virtual std::string lastError() const = 0;
    // Whether commands and responses may use extended length (ISO 7816-4).
    virtual bool extendedLength() const = 0;
};

} // namespace gate::emrtd
