#include "emrtd/chipauth.h"

#include "emrtd/filereader.h"
#include "emrtd/opensslptr.h"
#include "emrtd/protectedexchange.h"
#include "emrtd/securityinfos.h"
#include "emrtd/smcipher.h"
#include "emrtd/tlv.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <vector>

namespace gate::emrtd {

namespace {

using KeyContextPtr = OpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using KeyPtr = OpensslPtr<EVP_PKEY, EVP_PKEY_free>;

// id-PK, 0.4.0.127.0.7.2.2.1: then 1 (DH) or 2 (ECDH).
constexpr std::array<std::uint8_t, 8> kPkOid{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x01};
constexpr std::uint8_t kPkEcdh = 0x02;
// id-CA, 0.4.0.127.0.7.2.2.3: then DH (1) or ECDH (2), then 3DES-CBC-CBC (1)
// or an AES variant (2..4).
constexpr std::array<std::uint8_t, 8> kCaOid{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03};
constexpr std::uint8_t kCaEcdh = 0x02;
constexpr std::size_t kMaxKeyIdBytes = 4;
// As for Active Authentication: from 192-bit curves (the smallest TR-03111
// lists) to P-521.
constexpr int kMinEcBits = 192;
constexpr int kMaxEcBits = 521;

void freeOpensslBytes(unsigned char *bytes) {
    OPENSSL_free(bytes);
}

bool equalBytes(ByteView a, ByteView b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

bool isCaProtocol(ByteView oid) {
    return oid.size() == kCaOid.size() + 2 && std::equal(kCaOid.begin(), kCaOid.end(), oid.begin());
}

// The cipher of an id-CA-ECDH-* protocol; none for DH or an unknown arc.
std::optional<SmCipher> ecdhCipherOf(ByteView caProtocol) {
    if (caProtocol[kCaOid.size()] != kCaEcdh)
        return std::nullopt;
    return cipherOfProtocolArc(caProtocol.back());
}

// An INTEGER of one to four content octets, the way DG14 writes versions and key identifiers.
bool smallInteger(const Tlv &field) {
    return field.tag == 0x02 && !field.value.empty() && field.value.size() <= kMaxKeyIdBytes;
}

ChipAuthOfDg14 malformed(const char *why) {
    ChipAuthOfDg14 result;
    result.status = ChipAuthOfDg14::Status::Malformed;
    result.error = why;
    return result;
}

// A Chip Authentication info or public key info: its protocol and, when
// present, its key identifier.
struct CaEntry {
    ByteView protocol;
    ByteView keyId;
    ByteView subjectPublicKeyInfo; // public key infos only
};

} // namespace

ChipAuthOfDg14 chipAuthOfDg14(ByteView dg14File) {
    const auto infos = parseSecurityInfos(dg14File);
    if (!infos)
        return malformed("DG14 is malformed");
    std::vector<CaEntry> protocols;
    std::vector<CaEntry> keys;
    for (const SecurityInfo &info : *infos) {
        if (isCaProtocol(info.protocol)) {
            // ChipAuthenticationInfo: version 1, keyId OPTIONAL.
            if (!smallInteger(info.data[0]) || !equalBytes(info.data[0].value, Bytes{0x01}) ||
                (info.data.size() == 2 && !smallInteger(info.data[1])))
                return malformed("DG14's ChipAuthenticationInfo is malformed");
            protocols.push_back(
                {info.protocol, info.data.size() == 2 ? info.data[1].value : ByteView{}, {}});
        } else if (oidUnder(info.protocol, kPkOid)) {
            // ChipAuthenticationPublicKeyInfo: SubjectPublicKeyInfo, keyId OPTIONAL.
            if (info.data[0].tag != 0x30 || (info.data.size() == 2 && !smallInteger(info.data[1])))
                return malformed("DG14's ChipAuthenticationPublicKeyInfo is malformed");
            keys.push_back({info.protocol, info.data.size() == 2 ? info.data[1].value : ByteView{},
                            info.data[0].whole});
        }
    }
    if (protocols.empty() && keys.empty())
        return {};
    ChipAuthOfDg14 result;
    ByteView keyId;
    if (!protocols.empty()) {
        // The first ECDH protocol in the file's order.
        const auto ecdh = std::find_if(protocols.begin(), protocols.end(), [](const CaEntry &e) {
            return ecdhCipherOf(e.protocol).has_value();
        });
        if (ecdh == protocols.end()) {
            result.status = ChipAuthOfDg14::Status::NotSupported;
            result.error = "DG14 offers Chip Authentication with DH only";
            return result;
        }
        keyId = ecdh->keyId;
        result.cipher = *ecdhCipherOf(ecdh->protocol);
        result.protocol.assign(ecdh->protocol.begin(), ecdh->protocol.end());
    }
    // The ECDH key the protocol names: the one with its key identifier, or the
    // only one when it names none.
    std::vector<CaEntry> candidates;
    for (const CaEntry &key : keys)
        if (key.protocol.back() == kPkEcdh && (keyId.empty() || equalBytes(key.keyId, keyId)))
            candidates.push_back(key);
    if (candidates.empty() && protocols.empty()) {
        result.status = ChipAuthOfDg14::Status::NotSupported;
        result.error = "DG14 offers Chip Authentication with DH only";
        return result;
    }
    if (candidates.size() != 1)
        return malformed("DG14 names no single ECDH key for Chip Authentication");

    const ByteView spki = candidates[0].subjectPublicKeyInfo;
    const unsigned char *cursor = spki.data();
    std::shared_ptr<EVP_PKEY> key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(spki.size())),
                                  EVP_PKEY_free);
    if (!key || cursor != spki.data() + spki.size() || !EVP_PKEY_is_a(key.get(), "EC"))
        return malformed("DG14's Chip Authentication key is no EC public key");
    const int bits = EVP_PKEY_get_bits(key.get());
    if (bits < kMinEcBits || bits > kMaxEcBits)
        return malformed("DG14's Chip Authentication key is outside 192..521 bits");
    result.status = ChipAuthOfDg14::Status::Supported;
    result.key = std::move(key);
    result.keyId.assign(candidates[0].keyId.begin(), candidates[0].keyId.end());
    return result;
}

std::optional<ChipAuthKeys> agreeChipAuthKeys(EVP_PKEY *chipKey, SmCipher cipher) {
    // An ephemeral key pair on the chip key's curve, from OpenSSL's generator.
    const KeyContextPtr generator(EVP_PKEY_CTX_new_from_pkey(nullptr, chipKey, nullptr));
    EVP_PKEY *generated = nullptr;
    if (!generator || EVP_PKEY_keygen_init(generator.get()) != 1 ||
        EVP_PKEY_keygen(generator.get(), &generated) != 1)
        return std::nullopt;
    const KeyPtr ephemeral(generated);
    unsigned char *point = nullptr;
    const std::size_t pointSize = EVP_PKEY_get1_encoded_public_key(ephemeral.get(), &point);
    const OpensslPtr<unsigned char, freeOpensslBytes> ownedPoint(point);
    const KeyContextPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, ephemeral.get(), nullptr));
    std::size_t secretSize = 0;
    if (pointSize == 0 || !context || EVP_PKEY_derive_init(context.get()) != 1 ||
        EVP_PKEY_derive_set_peer(context.get(), chipKey) != 1 ||
        EVP_PKEY_derive(context.get(), nullptr, &secretSize) != 1)
        return std::nullopt;
    Bytes secret(secretSize);
    if (EVP_PKEY_derive(context.get(), secret.data(), &secretSize) != 1)
        return std::nullopt;
    secret.resize(secretSize);
    ChipAuthKeys keys{Bytes(point, point + pointSize), deriveKey(cipher, secret, 1),
                      deriveKey(cipher, secret, 2)};
    OPENSSL_cleanse(secret.data(), secret.size());
    return keys;
}

AuthenticationResult runChipAuthentication(ChipChannel &channel, SecureMessaging &session,
                                           const ChipAuthOfDg14 &chip, ByteView com) {
    AuthenticationResult result;
    auto stop = [&result](AuthenticationResult::Status status, std::string error) {
        result.status = status;
        result.error = std::move(error);
        return result;
    };
    const auto keys = agreeChipAuthKeys(chip.key.get(), chip.cipher);
    if (!keys)
        return stop(AuthenticationResult::Status::ChannelLost,
                    "Chip Authentication: no key agreement");

    const Bytes keyId = chip.keyId.empty() ? Bytes{} : encodeTlv(0x84, chip.keyId);
    // 3DES: MSE:Set KAT with the point. AES: MSE:Set AT names the protocol,
    // then General Authenticate carries the point (part 11, 6.2.4).
    const bool aes = chip.cipher != SmCipher::TripleDes;
    const CommandApdu first =
        aes ? CommandApdu{0x00, 0x22, 0x41, 0xA4, concat({encodeTlv(0x80, chip.protocol), keyId}),
                          0,    false}
            : CommandApdu{
                  0x00, 0x22, 0x41, 0xA6, concat({encodeTlv(0x91, keys->ephemeralPoint), keyId}),
                  0,    false};
    const char *firstName = aes ? "MSE:Set AT" : "MSE:Set KAT";
    ProtectedAnswer answer = exchangeProtected(channel, session, first);
    result.exchanges = 1;
    if (aes && answer.status == ProtectedAnswer::Status::Answered && answer.response.ok()) {
        firstName = "General Authenticate";
        answer =
            exchangeProtected(channel, session,
                              {0x00, 0x86, 0x00, 0x00,
                               encodeTlv(0x7C, encodeTlv(0x80, keys->ephemeralPoint)), 256, true});
        result.exchanges = 2;
        // Its answer is empty dynamic authentication data, 7C 00.
        const Bytes &data = answer.response.data;
        const auto template7C = data.empty() ? std::nullopt : parseSingleTlv(data);
        if (answer.status == ProtectedAnswer::Status::Answered && answer.response.ok() &&
            !data.empty() && (!template7C || template7C->tag != 0x7C))
            return stop(AuthenticationResult::Status::Failed,
                        "chip authentication failed: a malformed General Authenticate answer");
    }
    switch (answer.status) {
    case ProtectedAnswer::Status::Answered:
        break;
    case ProtectedAnswer::Status::ChannelLost:
        return stop(AuthenticationResult::Status::ChannelLost, answer.error);
    case ProtectedAnswer::Status::Malformed:
    case ProtectedAnswer::Status::Unauthenticated:
        return stop(AuthenticationResult::Status::Unauthenticated,
                    "Chip Authentication: " + answer.error);
    }
    if (sessionLostStatus(answer.response.sw))
        return stop(AuthenticationResult::Status::SessionLost,
                    "the chip lost the secure messaging session");
    if (!answer.response.ok()) {
        return stop(AuthenticationResult::Status::Refused,
                    std::string("chip authentication failed: the chip refused ") + firstName +
                        " (status " + answer.response.statusText() + ")");
    }

    // From here on only the new keys, with the counter at zero (part 11, 6.2).
    SecureMessaging restarted(chip.cipher, keys->encKey, keys->macKey,
                              Bytes(sscSize(chip.cipher), 0));
    FileReader files(channel, restarted);
    const FileReader::Result read = files.read(fid::kCom);
    result.exchanges += files.exchanges();
    switch (read.status) {
    case FileReader::Status::Read:
        if (!equalBytes(read.bytes, com))
            return stop(AuthenticationResult::Status::Failed,
                        "chip authentication failed: EF.COM differs under the new keys");
        result.status = AuthenticationResult::Status::Verified;
        return result;
    case FileReader::Status::ChannelLost:
        return stop(AuthenticationResult::Status::ChannelLost, read.error);
    case FileReader::Status::SessionLost:
        return stop(AuthenticationResult::Status::NewKeysRefused,
                    "chip authentication failed: the chip does not know the new keys");
    case FileReader::Status::NotFound:
    case FileReader::Status::Malformed:
    case FileReader::Status::Refused:
        break;
    }
    return stop(AuthenticationResult::Status::Failed,
                "chip authentication failed: no sound answer under the new keys" +
                    (read.error.empty() ? std::string() : ": " + read.error));
}

} // namespace gate::emrtd
