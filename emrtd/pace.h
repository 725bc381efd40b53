#pragma once

#include "emrtd/bytes.h"
#include "emrtd/cardaccess.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"

#include <optional>
#include <string>

namespace gate::emrtd {

// PACE with the MRZ as password and the generic mapping on an elliptic curve
// (ICAO Doc 9303 part 11, 4.4): MSE:Set AT, then four General Authenticate
// steps (the encrypted nonce, the mapping, the key agreement on the mapped
// generator, the exchange of authentication tokens), then secure messaging
// with the agreed keys. Unlike BAC, whose keys anyone who overheard the
// exchange and holds the page can compute, PACE's session keys come from an
// ephemeral Diffie-Hellman agreement.
struct PaceResult {
    // Opened: `session` holds the new keys. Refused: the chip's or our token
    // did not verify, the way a wrong MRZ ends PACE. NotAccepted: the chip
    // would not start or continue PACE (MSE:Set AT or a step refused), so BAC
    // is the way in. ChannelLost: the chip or reader went away. Malformed: an
    // answer breaks the format or carries an invalid point.
    enum class Status { Opened, Refused, NotAccepted, ChannelLost, Malformed };
    Status status = Status::Malformed;
    std::optional<SecureMessaging> session;
    std::string error;
};

PaceResult runPace(ChipChannel &channel, const PaceOffer &offer, const std::string &keyInformation);

// K_pi = KDF(SHA-1(MRZ information), 3): the key the chip's nonce is
// encrypted with (4.4.3.1, 9.7.3). The information is BAC's.
Bytes pacePasswordKey(SmCipher cipher, const std::string &keyInformation);

// The authentication token over the other side's ephemeral point
// (4.4.3.4): MAC(KS_mac, 7F49 { 06 protocol, 86 point }).
Bytes paceToken(SmCipher cipher, ByteView macKey, ByteView protocol, ByteView point);

// The value of data object `tag` inside a General Authenticate answer's
// dynamic authentication data (7C); none when the answer is malformed or
// lacks it.
std::optional<Bytes> authenticationDataObject(ByteView answer, std::uint32_t tag);

} // namespace gate::emrtd
