#pragma once

#include "emrtd/apdu.h"
#include "emrtd/bytes.h"

#include <optional>
#include <string>

namespace gate::emrtd {

// 3DES secure messaging after BAC (ICAO 9303 part 11, 9.8): every command is
// encrypted (DO'87') and MACed (DO'8E') with the session keys and the send
// sequence counter, which both sides increment for each command and each
// response, so a replayed or reordered response fails its MAC.
class SecureMessaging {
public:
    SecureMessaging(Bytes encKey, Bytes macKey, Bytes ssc);

    // The protected APDU for `command`.
    Bytes wrap(const CommandApdu &command, bool extended);

    // The plain response inside a protected one; none when the MAC does not
    // verify, a required object is missing or the bytes are malformed.
    // `error` says which.
    std::optional<ResponseApdu> unwrap(const ResponseApdu &protectedResponse, std::string *error);

private:
    void incrementSsc();

    Bytes encKey_;
    Bytes macKey_;
    Bytes ssc_;
};

} // namespace gate::emrtd
