#pragma once

#include "emrtd/apdu.h"
#include "emrtd/bytes.h"
#include "emrtd/smcipher.h"

#include <optional>
#include <string>

namespace gate::emrtd {

// Secure messaging (ICAO 9303 part 11, 9.8), 3DES after BAC and Chip
// Authentication, 3DES or AES after PACE: every command is encrypted
// (DO'87') and MACed (DO'8E') with the session keys and the send sequence
// counter, which both sides increment for each command and each response, so
// a replayed or reordered response fails its MAC.
class SecureMessaging {
public:
    // `ssc` is one block of `cipher`.
    SecureMessaging(SmCipher cipher, Bytes encKey, Bytes macKey, Bytes ssc);

    // The protected APDU for `command`.
    Bytes wrap(const CommandApdu &command, bool extended);

    // The plain response inside a protected one; none when the MAC does not
    // verify, a required object is missing or the bytes are malformed.
    // `error` says which.
    std::optional<ResponseApdu> unwrap(const ResponseApdu &protectedResponse, std::string *error);

private:
    void incrementSsc();

    SmCipher cipher_;
    Bytes encKey_;
    Bytes macKey_;
    Bytes ssc_;
};

} // namespace gate::emrtd
