#pragma once

#include "emrtd/bytes.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"

#include <optional>
#include <string>
#include <vector>

namespace gate::emrtd {

// The MRZ fields that make the BAC key: document number, birth date and expiry
// date, each with its check digit as printed (part 11, 9.7.2). None when the
// lines have no known layout. Long TD1/TD2 document numbers are not joined: a
// passport (TD3) has none.
std::optional<std::string> bacKeyInformation(const std::vector<std::string> &mrzLines);

// BAC's outcome: session keys, or why there are none.
struct BacResult {
    // NotSupported: the chip refused GET CHALLENGE, as a PACE-only chip does.
    enum class Status { Opened, Refused, NotSupported, ChannelLost, Malformed };
    Status status = Status::Malformed;
    std::optional<SecureMessaging> session;
    std::string error;
};

// Runs GET CHALLENGE and EXTERNAL AUTHENTICATE (part 11, 4.3) with keys made
// from `keyInformation`. `Refused` is the chip saying this MRZ is not its own.
BacResult runBac(ChipChannel &channel, const std::string &keyInformation);

} // namespace gate::emrtd
