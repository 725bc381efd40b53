#pragma once

#include <string>

namespace gate::emrtd {

// What Active Authentication (Doc 9303 part 11, 6.1) or Chip Authentication
// (6.2) found. Verified: the chip proved it holds the key its SOD-vouched
// data group carries. Refused: it answered INTERNAL AUTHENTICATE or MSE:Set
// KAT with an error. Failed: its answer did not verify (a signature, or an
// answer under the new keys that fails or differs). NewKeysRefused (Chip
// Authentication): 6987/6988 under the new keys, as a chip that cannot
// compute them answers (and a genuine one reset at that moment). SessionLost:
// 6987/6988 before, the chip forgot the BAC session. ChannelLost: the chip or
// reader went away. Unauthenticated: the answer broke secure messaging.
struct AuthenticationResult {
    enum class Status {
        Verified,
        Refused,
        Failed,
        NewKeysRefused,
        SessionLost,
        ChannelLost,
        Unauthenticated
    };
    Status status = Status::Failed;
    int exchanges = 0;
    std::string error;
};

} // namespace gate::emrtd
