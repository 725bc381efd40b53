#include "emrtd/activeauth.h"

#include "emrtd/lds.h"
#include "emrtd/opensslptr.h"
#include "emrtd/protectedexchange.h"
#include "emrtd/securityinfos.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>

namespace gate::emrtd {

namespace {

using KeyContextPtr = OpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using DigestContextPtr = OpensslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using BignumPtr = OpensslPtr<BIGNUM, BN_free>;
using EcdsaSignaturePtr = OpensslPtr<ECDSA_SIG, ECDSA_SIG_free>;

// Doc 9303 asks for at least 1024 bits; 4096 keeps a hostile DG15 from making
// the gate work on a huge modulus. Moduli of whole bytes only: the
// representative then fills the modulus' bytes with its header 6A first.
constexpr int kMinRsaBits = 1024;
constexpr int kMaxRsaBits = 4096;
// From 192-bit curves (the smallest TR-03111 lists) to P-521.
constexpr int kMinEcBits = 192;
constexpr int kMaxEcBits = 521;
constexpr std::size_t kChallengeSize = 8;

struct HashOfTrailer {
    std::uint8_t isoId; // ISO/IEC 10118-3 hash-function identifier
    const char *name;
    std::size_t size;
};
constexpr std::array<HashOfTrailer, 5> kTrailerHashes{{{0x33, "SHA1", 20},
                                                       {0x38, "SHA224", 28},
                                                       {0x34, "SHA256", 32},
                                                       {0x36, "SHA384", 48},
                                                       {0x35, "SHA512", 64}}};

// id-icao-mrtd-security-aaProtocolObject, 2.23.136.1.1.5
constexpr std::array<std::uint8_t, 6> kAaProtocolOid{0x67, 0x81, 0x08, 0x01, 0x01, 0x05};
// ecdsa-plain-signatures, 0.4.0.127.0.7.1.1.4.1, then 1..5 (BSI TR-03111)
constexpr std::array<std::uint8_t, 9> kEcdsaPlainOid{0x04, 0x00, 0x7F, 0x00, 0x07,
                                                     0x01, 0x01, 0x04, 0x01};
constexpr std::array<const char *, 5> kEcdsaPlainHashes{"SHA1", "SHA224", "SHA256", "SHA384",
                                                        "SHA512"};

bool equalBytes(ByteView a, ByteView b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

std::optional<Bytes> digestOf(const std::string &hash, ByteView first, ByteView second) {
    const EVP_MD *md = EVP_get_digestbyname(hash.c_str());
    const DigestContextPtr context(EVP_MD_CTX_new());
    if (!md || !context)
        return std::nullopt;
    Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (EVP_DigestInit_ex(context.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), first.data(), first.size()) != 1 ||
        EVP_DigestUpdate(context.get(), second.data(), second.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1)
        return std::nullopt;
    digest.resize(size);
    return digest;
}

bool fail(std::string *why, const char *reason) {
    if (why)
        *why = reason;
    return false;
}

// s^e mod n, and n minus it: ISO/IEC 9796-2 lets the signer send either
// (the one whose representative ends in the nibble C is meant).
std::optional<Bytes> rsaRepresentative(EVP_PKEY *key, ByteView signature, std::size_t size) {
    const KeyContextPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!context || EVP_PKEY_verify_recover_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING) != 1)
        return std::nullopt;
    Bytes recovered(size);
    std::size_t recoveredSize = recovered.size();
    if (EVP_PKEY_verify_recover(context.get(), recovered.data(), &recoveredSize, signature.data(),
                                signature.size()) != 1 ||
        recoveredSize > size)
        return std::nullopt;
    // Left-pad to the modulus' length.
    recovered.resize(recoveredSize);
    recovered.insert(recovered.begin(), size - recoveredSize, 0);
    if ((recovered.back() & 0x0F) == 0x0C)
        return recovered;
    BIGNUM *modulus = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &modulus) != 1)
        return std::nullopt;
    const BignumPtr n(modulus);
    const BignumPtr m(BN_bin2bn(recovered.data(), static_cast<int>(recovered.size()), nullptr));
    if (!m || BN_sub(m.get(), n.get(), m.get()) != 1 ||
        BN_bn2binpad(m.get(), recovered.data(), static_cast<int>(recovered.size())) < 0)
        return std::nullopt;
    return recovered;
}

} // namespace

std::optional<Iso9796Representative> parseIso9796Representative(ByteView representative) {
    if (representative.size() < 2 || representative[0] != 0x6A)
        return std::nullopt;
    const HashOfTrailer *hash = nullptr;
    std::size_t trailerSize = 1;
    if (representative.back() == 0xBC) {
        hash = &kTrailerHashes[0];
    } else if (representative.back() == 0xCC) {
        trailerSize = 2;
        const std::uint8_t id = representative[representative.size() - 2];
        const auto found = std::find_if(kTrailerHashes.begin(), kTrailerHashes.end(),
                                        [id](const HashOfTrailer &h) { return h.isoId == id; });
        if (found != kTrailerHashes.end())
            hash = &*found;
    }
    if (!hash || representative.size() < 1 + hash->size + trailerSize)
        return std::nullopt;
    const std::size_t digestAt = representative.size() - trailerSize - hash->size;
    Iso9796Representative parsed;
    parsed.recovered.assign(representative.begin() + 1, representative.begin() + digestAt);
    parsed.digest.assign(representative.begin() + digestAt,
                         representative.begin() + digestAt + hash->size);
    parsed.hash = hash->name;
    return parsed;
}

std::optional<std::string> activeAuthHashOfDg14(ByteView dg14File, bool *malformed) {
    *malformed = true;
    const auto infos = parseSecurityInfos(dg14File);
    if (!infos)
        return std::nullopt;
    for (const SecurityInfo &info : *infos) {
        if (!equalBytes(info.protocol, kAaProtocolOid))
            continue;
        // ActiveAuthenticationInfo: version 1, then the signature algorithm.
        if (info.data.size() != 2 || info.data[0].tag != 0x02 ||
            !equalBytes(info.data[0].value, Bytes{0x01}) || info.data[1].tag != 0x06)
            return std::nullopt;
        const ByteView algorithm = info.data[1].value;
        if (!oidUnder(algorithm, kEcdsaPlainOid) || algorithm.back() < 1 ||
            algorithm.back() > kEcdsaPlainHashes.size())
            return std::nullopt;
        *malformed = false;
        return std::string(kEcdsaPlainHashes[algorithm.back() - 1]);
    }
    *malformed = false;
    return std::nullopt;
}

std::optional<ActiveAuthKey>
ActiveAuthKey::fromFiles(ByteView dg15File, std::optional<ByteView> dg14File, std::string *error) {
    const auto publicKey = parseDg15(dg15File);
    if (!publicKey) {
        *error = "DG15 is malformed";
        return std::nullopt;
    }
    std::string ecdsaHash;
    if (dg14File) {
        bool malformed = false;
        const auto hash = activeAuthHashOfDg14(*dg14File, &malformed);
        if (malformed) {
            *error = "DG14's ActiveAuthenticationInfo is malformed";
            return std::nullopt;
        }
        ecdsaHash = hash.value_or("");
    }
    return fromPublicKey(*publicKey, ecdsaHash, error);
}

std::optional<ActiveAuthKey> ActiveAuthKey::fromPublicKey(ByteView subjectPublicKeyInfo,
                                                          const std::string &ecdsaHash,
                                                          std::string *error) {
    const unsigned char *cursor = subjectPublicKeyInfo.data();
    std::shared_ptr<EVP_PKEY> key(
        d2i_PUBKEY(nullptr, &cursor, static_cast<long>(subjectPublicKeyInfo.size())),
        EVP_PKEY_free);
    if (!key || cursor != subjectPublicKeyInfo.data() + subjectPublicKeyInfo.size()) {
        *error = "DG15's public key does not parse";
        return std::nullopt;
    }
    ActiveAuthKey parsed;
    const int bits = EVP_PKEY_get_bits(key.get());
    if (EVP_PKEY_is_a(key.get(), "RSA")) {
        if (bits < kMinRsaBits || bits > kMaxRsaBits || bits % 8 != 0) {
            *error = "DG15's RSA key size is outside 1024..4096 whole bytes";
            return std::nullopt;
        }
        parsed.signatureSize_ = static_cast<std::size_t>(bits / 8);
    } else if (EVP_PKEY_is_a(key.get(), "EC")) {
        if (bits < kMinEcBits || bits > kMaxEcBits) {
            *error = "DG15's EC key size is outside 192..521 bits";
            return std::nullopt;
        }
        if (ecdsaHash.empty()) {
            *error = "an ECDSA key in DG15 without DG14's ActiveAuthenticationInfo";
            return std::nullopt;
        }
        parsed.rsa_ = false;
        parsed.ecdsaHash_ = ecdsaHash;
        parsed.signatureSize_ = 2 * static_cast<std::size_t>((bits + 7) / 8);
    } else {
        *error = "DG15's key is neither RSA nor EC";
        return std::nullopt;
    }
    parsed.key_ = std::move(key);
    return parsed;
}

bool ActiveAuthKey::verifies(ByteView challenge, ByteView signature, std::string *why) const {
    if (signature.size() != signatureSize_)
        return fail(why, "the answer is not one signature long");
    if (rsa_) {
        const auto representative = rsaRepresentative(key_.get(), signature, signatureSize_);
        if (!representative)
            return fail(why, "the answer is no RSA signature of this key");
        const auto parsed = parseIso9796Representative(*representative);
        if (!parsed)
            return fail(why, "the recovered message has no ISO/IEC 9796-2 header or trailer");
        const auto expected = digestOf(parsed->hash, parsed->recovered, challenge);
        if (!expected || expected->size() != parsed->digest.size() ||
            CRYPTO_memcmp(expected->data(), parsed->digest.data(), expected->size()) != 0)
            return fail(why, "the recovered digest is not the challenge's");
        return true;
    }
    const std::size_t half = signatureSize_ / 2;
    BignumPtr r(BN_bin2bn(signature.data(), static_cast<int>(half), nullptr));
    BignumPtr s(BN_bin2bn(signature.data() + half, static_cast<int>(half), nullptr));
    EcdsaSignaturePtr ecdsa(ECDSA_SIG_new());
    if (!r || !s || !ecdsa || ECDSA_SIG_set0(ecdsa.get(), r.get(), s.get()) != 1)
        return fail(why, "out of memory");
    // ECDSA_SIG owns r and s now.
    r.release();
    s.release();
    Bytes der(static_cast<std::size_t>(std::max(0, i2d_ECDSA_SIG(ecdsa.get(), nullptr))));
    unsigned char *cursor = der.data();
    if (der.empty() || i2d_ECDSA_SIG(ecdsa.get(), &cursor) != static_cast<int>(der.size()))
        return fail(why, "the answer is no ECDSA signature");
    const EVP_MD *md = EVP_get_digestbyname(ecdsaHash_.c_str());
    const DigestContextPtr context(EVP_MD_CTX_new());
    if (!md || !context ||
        EVP_DigestVerifyInit(context.get(), nullptr, md, nullptr, key_.get()) != 1 ||
        EVP_DigestVerify(context.get(), der.data(), der.size(), challenge.data(),
                         challenge.size()) != 1)
        return fail(why, "the ECDSA signature does not verify");
    return true;
}

AuthenticationResult runActiveAuthentication(ChipChannel &channel, SecureMessaging &session,
                                             const ActiveAuthKey &key) {
    AuthenticationResult result;
    Bytes challenge(kChallengeSize);
    if (RAND_bytes(challenge.data(), static_cast<int>(challenge.size())) != 1) {
        result.status = AuthenticationResult::Status::ChannelLost;
        result.error = "Active Authentication: no random challenge";
        return result;
    }
    // Le: the signature's length; a short response carries at most 256
    // bytes, which holds an RSA-2048 signature.
    const std::size_t le = channel.extendedLength()
                               ? key.signatureSize()
                               : std::min<std::size_t>(key.signatureSize(), 256);
    result.exchanges = 1;
    const ProtectedAnswer answer =
        exchangeProtected(channel, session, {0x00, 0x88, 0x00, 0x00, challenge, le, true});
    switch (answer.status) {
    case ProtectedAnswer::Status::Answered:
        break;
    case ProtectedAnswer::Status::ChannelLost:
        result.status = AuthenticationResult::Status::ChannelLost;
        result.error = answer.error;
        return result;
    case ProtectedAnswer::Status::Malformed:
    case ProtectedAnswer::Status::Unauthenticated:
        result.status = AuthenticationResult::Status::Unauthenticated;
        result.error = "Active Authentication: " + answer.error;
        return result;
    }
    const ResponseApdu &response = answer.response;
    if (sessionLostStatus(response.sw)) {
        result.status = AuthenticationResult::Status::SessionLost;
        result.error = "the chip lost the secure messaging session";
        return result;
    }
    if (!response.ok()) {
        result.status = AuthenticationResult::Status::Refused;
        result.error = "Active Authentication: the chip refused INTERNAL AUTHENTICATE (status " +
                       response.statusText() + ")";
        return result;
    }
    std::string why;
    if (!key.verifies(challenge, response.data, &why)) {
        result.status = AuthenticationResult::Status::Failed;
        result.error = "Active Authentication failed: " + why;
        return result;
    }
    result.status = AuthenticationResult::Status::Verified;
    return result;
}

} // namespace gate::emrtd
