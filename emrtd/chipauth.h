#pragma once

#include "emrtd/authenticationresult.h"
#include "emrtd/bytes.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"
#include "emrtd/smcipher.h"

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>

namespace gate::emrtd {

// Chip Authentication version 1 (ICAO Doc 9303 part 11, 6.2): the inspection
// system agrees a key with the chip's static key pair, whose public half DG14
// carries (vouched for by the SOD), and secure messaging restarts under keys
// derived from it. Only a chip holding the private key can compute them, so a
// faithful copy of a genuine chip's files on another chip cannot answer
// under them. This reader runs id-CA-ECDH-3DES-CBC-CBC and
// id-CA-ECDH-AES-CBC-CMAC-128/192/256 with an id-PK-ECDH key; the
// Diffie-Hellman variants are refused as not supported.

// What DG14 says about Chip Authentication.
struct ChipAuthOfDg14 {
    // Absent: no ChipAuthenticationInfo nor ChipAuthenticationPublicKeyInfo.
    // Supported: ECDH, `key`, `cipher`, `protocol` and `keyId` set.
    // NotSupported: only the DH variants. Malformed: DG14 or a Chip Authentication info
    // breaks the format or the limits (`error` says which).
    enum class Status { Absent, Supported, NotSupported, Malformed };
    Status status = Status::Absent;
    std::shared_ptr<EVP_PKEY> key; // the chip's static ECDH public key
    Bytes keyId;                   // the INTEGER's content octets; empty when DG14 names none
    SmCipher cipher = SmCipher::TripleDes;
    Bytes protocol; // the id-CA-* OID's content octets; empty for a key info alone (3DES)
    std::string error;
};

// Reads DG14's ChipAuthenticationInfo (id-CA-*, version 1, optional keyId)
// and ChipAuthenticationPublicKeyInfo (id-PK-*, SubjectPublicKeyInfo,
// optional keyId). A DG14 with the public key info alone means 3DES, as in
// the first edition of Chip Authentication (BSI TR-03110 1.11). Keys on EC
// curves of 192 to 521 bits; key identifiers of one to four bytes.
ChipAuthOfDg14 chipAuthOfDg14(ByteView dg14File);

// The inspection system's half of the key agreement, with an ephemeral key
// pair it makes on the chip key's domain parameters.
struct ChipAuthKeys {
    Bytes ephemeralPoint; // the ephemeral public key, uncompressed (04 || x || y)
    Bytes encKey;         // KDF(K, 1) of the protocol's cipher
    Bytes macKey;         // KDF(K, 2)
};
// K is the ECDH shared secret of the ephemeral private key and the chip's
// public `chipKey`: the x-coordinate of the shared point (BSI TR-03111 ECKA).
// For 3DES, parity bits are left as SHA-1 gives them: DES ignores them, as
// for BAC.
// None when OpenSSL cannot make the key or the secret.
std::optional<ChipAuthKeys> agreeChipAuthKeys(EVP_PKEY *chipKey, SmCipher cipher);

// Under `session`: for 3DES MSE:Set KAT (0C 22 41 A6, data 91 <ephemeral
// point> [84 keyId]); for AES MSE:Set AT (0C 22 41 A4, data 80 <protocol>
// [84 keyId]) and General Authenticate (0C 86, data 7C { 80 <ephemeral
// point> }). Then secure messaging with the derived keys and a send sequence
// counter of zero, and EF.COM read under them and compared with `com`, read
// before.
AuthenticationResult runChipAuthentication(ChipChannel &channel, SecureMessaging &session,
                                           const ChipAuthOfDg14 &chip, ByteView com);

} // namespace gate::emrtd
