#pragma once

#include "emrtd/apdu.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"

#include <cstdint>
#include <string>

namespace gate::emrtd {

// One command sent under secure messaging and its answer, unwrapped and
// checked: what file reads and Active Authentication share.
struct ProtectedAnswer {
    // ChannelLost: the chip or the reader went away. Malformed: no status
    // word. Unauthenticated: the answer's MAC or secure-messaging objects do
    // not hold (`error` says which).
    enum class Status { Answered, ChannelLost, Malformed, Unauthenticated };
    Status status = Status::Answered;
    ResponseApdu response;
    std::string error;
};

// Extended length is used when the channel allows it and `command` expects
// more than a short response can carry under secure messaging.
ProtectedAnswer exchangeProtected(ChipChannel &channel, SecureMessaging &session,
                                  const CommandApdu &command);

// 6987 (expected SM data objects missing) and 6988 (SM data objects
// incorrect) from a chip that accepted the session a moment ago: it has
// forgotten it, as a chip does after a reset in the field.
inline bool sessionLostStatus(std::uint16_t sw) {
    return sw == 0x6987 || sw == 0x6988;
}

} // namespace gate::emrtd
