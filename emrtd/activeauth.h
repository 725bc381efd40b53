#pragma once

#include "emrtd/authenticationresult.h"
#include "emrtd/bytes.h"
#include "emrtd/chipchannel.h"
#include "emrtd/securemessaging.h"

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>

namespace gate::emrtd {

// Active Authentication (ICAO Doc 9303 part 11, 6.1): the chip proves that it
// holds the private key whose public half DG15 carries, by signing a
// challenge the inspection system chose. DG15 is covered by the SOD, so a
// faithful copy of a genuine chip's files, on a chip that does not hold the
// genuine private key, cannot answer.

// ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery, as
// Doc 9303 uses it for RSA: the message representative is
// 6A || M1 || H(M1 || M2) || trailer, where the trailer is BC (SHA-1) or the
// hash's ISO/IEC 10118-3 identifier followed by CC.
struct Iso9796Representative {
    Bytes recovered;  // M1: the chip's own part of the signed message
    Bytes digest;     // H(M1 || M2)
    std::string hash; // OpenSSL's name of H: "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"
};
// None when the header is not 6A, the trailer names no hash of the list, or
// the representative is too short to hold its digest.
std::optional<Iso9796Representative> parseIso9796Representative(ByteView representative);

// The hash of DG14's ActiveAuthenticationInfo (part 11, 9.2.3): OpenSSL's
// name of the hash the chip's ECDSA answers use. None when DG14 holds no
// such info; `malformed` is set when DG14 or the info breaks the format or
// names an algorithm outside the ecdsa-plain-signatures list (BSI TR-03111).
std::optional<std::string> activeAuthHashOfDg14(ByteView dg14File, bool *malformed);

// DG15's public key, ready to check the chip's answers.
class ActiveAuthKey {
public:
    // From the DG15 file (and DG14 for an ECDSA key's hash). None, with
    // `error`, when DG15 is malformed, the key is neither RSA nor EC or
    // outside the size limits, or an EC key comes without DG14's
    // ActiveAuthenticationInfo: Doc 9303 requires it for ECDSA and assuming
    // a hash would accept what the issuer did not write.
    static std::optional<ActiveAuthKey>
    fromFiles(ByteView dg15File, std::optional<ByteView> dg14File, std::string *error);
    // From a DER SubjectPublicKeyInfo; `ecdsaHash` is used for an EC key only.
    static std::optional<ActiveAuthKey>
    fromPublicKey(ByteView subjectPublicKeyInfo, const std::string &ecdsaHash, std::string *error);

    // Whether `signature` is this key's answer to `challenge`: RSA with
    // ISO/IEC 9796-2 scheme 1, where the recovered digest must equal the
    // hash of M1 and the challenge; ECDSA as plain r || s (BSI TR-03111)
    // over the challenge. `why` says what failed.
    bool verifies(ByteView challenge, ByteView signature, std::string *why) const;
    // The length of this key's signatures: the modulus (RSA), twice the
    // order (ECDSA).
    std::size_t signatureSize() const { return signatureSize_; }

private:
    std::shared_ptr<EVP_PKEY> key_;
    bool rsa_ = true;
    std::size_t signatureSize_ = 0;
    std::string ecdsaHash_;
};

// INTERNAL AUTHENTICATE with eight random bytes from OpenSSL's generator,
// under the session's secure messaging, and the answer checked with `key`.
AuthenticationResult runActiveAuthentication(ChipChannel &channel, SecureMessaging &session,
                                             const ActiveAuthKey &key);

} // namespace gate::emrtd
