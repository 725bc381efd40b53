// The chip's bytes: the first input byte picks a parser, the rest is what the
// chip sent. Covers the TLV reader, EF.COM, DG1, DG2, DG15, the SOD (CMS
// through OpenSSL, then the LDS security object), secure-messaging replies and
// Active Authentication: DG14's ActiveAuthenticationInfo, DG15's key, an
// INTERNAL AUTHENTICATE answer checked with an RSA and an EC key, and the
// ISO/IEC 9796-2 representative; Chip Authentication: DG14's
// ChipAuthenticationInfo and ChipAuthenticationPublicKeyInfo with its key;
// PACE: EF.CardAccess's PACEInfos, a General Authenticate answer and the
// point it carries, and AES secure-messaging replies.
#include "emrtd/activeauth.h"
#include "emrtd/cardaccess.h"
#include "emrtd/chipauth.h"
#include "emrtd/cscastore.h"
#include "emrtd/lds.h"
#include "emrtd/pace.h"
#include "emrtd/pacemapping.h"
#include "emrtd/passiveauth.h"
#include "emrtd/securemessaging.h"
#include "emrtd/tlv.h"

#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>

using namespace gate::emrtd;

namespace {

// A key made once per fuzzing run: the answers are checked against it.
ActiveAuthKey madeKey(EVP_PKEY *key, const std::string &ecdsaHash) {
    Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key, nullptr)));
    unsigned char *cursor = der.data();
    i2d_PUBKEY(key, &cursor);
    EVP_PKEY_free(key);
    std::string error;
    return *ActiveAuthKey::fromPublicKey(der, ecdsaHash, &error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    const ByteView input(data + 1, size - 1);
    switch (data[0] % 16) {
    case 0:
        parseTlvList(input);
        break;
    case 1:
        parseCom(input);
        break;
    case 2:
        parseDg1(input);
        break;
    case 3:
        parseDg2(input);
        break;
    case 4:
        parseDg15(input);
        break;
    case 5:
        parseSecurityObject(input);
        break;
    case 6: {
        static const CscaStore noCscas;
        verifySod(input, {{1, Bytes(input.begin(), input.end())}}, noCscas, 1763700000);
        break;
    }
    case 7:
    case 13: {
        const SmCipher cipher = data[0] % 16 == 7 ? SmCipher::TripleDes : SmCipher::Aes128;
        SecureMessaging session(cipher, Bytes(16, 0x11), Bytes(16, 0x22),
                                Bytes(sscSize(cipher), 0));
        if (input.size() >= 2) {
            const ResponseApdu response{Bytes(input.begin(), input.end() - 2),
                                        static_cast<std::uint16_t>((input[input.size() - 2] << 8) |
                                                                   input[input.size() - 1])};
            session.unwrap(response, nullptr);
        }
        break;
    }
    case 8: {
        bool malformed = false;
        activeAuthHashOfDg14(input, &malformed);
        break;
    }
    case 9: {
        std::string error;
        ActiveAuthKey::fromFiles(input, std::nullopt, &error);
        break;
    }
    case 10: {
        static const ActiveAuthKey rsa = madeKey(EVP_RSA_gen(1024), {});
        static const ActiveAuthKey ec = madeKey(EVP_EC_gen("P-256"), "SHA256");
        static const Bytes challenge(8, 0x5A);
        std::string why;
        rsa.verifies(challenge, input, &why);
        ec.verifies(challenge, input, &why);
        break;
    }
    case 11:
        parseIso9796Representative(input);
        break;
    case 12:
        chipAuthOfDg14(input);
        break;
    case 14:
        paceOfCardAccess(input);
        break;
    case 15: {
        // A General Authenticate answer, and its point checked on the curve.
        static auto curve = PaceCurve::named(NID_brainpoolP256r1);
        if (const auto point = authenticationDataObject(input, 0x82))
            curve->isValidPoint(*point);
        break;
    }
    }
    return 0;
}
