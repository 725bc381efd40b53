#include "emrtd/cardaccess.h"

#include "emrtd/apdu.h"
#include "emrtd/securityinfos.h"
#include "emrtd/tlv.h"

#include <openssl/obj_mac.h>

#include <algorithm>
#include <array>

namespace gate::emrtd {

namespace {

// id-PACE, 0.4.0.127.0.7.2.2.4, then the mapping: 1 DH-GM, 2 ECDH-GM, 3 DH-IM,
// 4 ECDH-IM, 6 ECDH-CAM; then the cipher: 1 3DES, 2..4 AES-128/192/256.
constexpr std::array<std::uint8_t, 8> kPaceOid{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04};
constexpr std::uint8_t kEcdhGenericMapping = 0x02;

// Part 11, 9.5.1: the standardized elliptic-curve domain parameters.
int curveOfParameterId(int id) {
    switch (id) {
    case 8:
        return NID_X9_62_prime192v1;
    case 9:
        return NID_brainpoolP192r1;
    case 10:
        return NID_secp224r1;
    case 11:
        return NID_brainpoolP224r1;
    case 12:
        return NID_X9_62_prime256v1;
    case 13:
        return NID_brainpoolP256r1;
    case 14:
        return NID_brainpoolP320r1;
    case 15:
        return NID_secp384r1;
    case 16:
        return NID_brainpoolP384r1;
    case 17:
        return NID_brainpoolP512r1;
    case 18:
        return NID_secp521r1;
    default:
        return NID_undef;
    }
}

bool isPaceProtocol(ByteView oid) {
    return oid.size() > kPaceOid.size() &&
           std::equal(kPaceOid.begin(), kPaceOid.end(), oid.begin());
}

// A one-byte INTEGER below 128: the only sizes PACEInfo's fields take.
std::optional<int> smallInteger(const Tlv &field) {
    if (field.tag != 0x02 || field.value.size() != 1 || field.value[0] >= 0x80)
        return std::nullopt;
    return field.value[0];
}

CardAccessPace withStatus(CardAccessPace::Status status, const char *why) {
    CardAccessPace result;
    result.status = status;
    result.error = why;
    return result;
}

} // namespace

CardAccessPace paceOfCardAccess(ByteView cardAccess) {
    if (cardAccess.size() > kMaxCardAccessSize)
        return withStatus(CardAccessPace::Status::Malformed, "EF.CardAccess is too large");
    const auto infos = parseSecurityInfoSet(cardAccess);
    if (!infos)
        return withStatus(CardAccessPace::Status::Malformed, "EF.CardAccess is malformed");
    bool pace = false;
    for (const SecurityInfo &info : *infos) {
        if (!isPaceProtocol(info.protocol))
            continue;
        pace = true;
        // PACEInfo: an OID of exactly two more arcs; PACEDomainParameterInfo
        // names the mapping alone and carries proprietary parameters.
        if (info.protocol.size() != kPaceOid.size() + 2)
            continue;
        // Without parameterId the domain parameters are proprietary: not run.
        const bool namesParameters = info.data.size() == 2;
        const auto version = smallInteger(info.data[0]);
        const int parameterId = namesParameters ? smallInteger(info.data[1]).value_or(-1) : -1;
        if (!version || (namesParameters && parameterId < 0))
            return withStatus(CardAccessPace::Status::Malformed,
                              "EF.CardAccess: a PACEInfo is malformed");
        const auto cipher = cipherOfProtocolArc(info.protocol.back());
        const int curve = curveOfParameterId(parameterId);
        if (*version != 2 || info.protocol[kPaceOid.size()] != kEcdhGenericMapping || !cipher ||
            curve == NID_undef)
            continue;
        CardAccessPace result;
        result.status = CardAccessPace::Status::Offered;
        result.offer = {Bytes(info.protocol.begin(), info.protocol.end()), *cipher, parameterId,
                        curve};
        return result;
    }
    if (!pace)
        return {};
    return withStatus(CardAccessPace::Status::NotSupported,
                      "EF.CardAccess offers PACE only in variants this reader does not run");
}

std::optional<Bytes> readCardAccess(ChipChannel &channel, bool *channelLost) {
    *channelLost = false;
    Bytes file;
    std::size_t expected = 0;
    // The first READ BINARY names the file by its short identifier (P1 = 80 |
    // 1C) and makes it the current one; the following ones read at an offset.
    do {
        const std::size_t offset = file.size();
        const CommandApdu read = offset == 0
                                     ? CommandApdu{0x00, 0xB0, 0x9C, 0x00, {}, 256, true}
                                     : CommandApdu{0x00,
                                                   0xB0,
                                                   static_cast<std::uint8_t>(offset >> 8),
                                                   static_cast<std::uint8_t>(offset),
                                                   {},
                                                   std::min<std::size_t>(256, expected - offset),
                                                   true};
        const auto raw = channel.transmit(encodeApdu(read));
        if (!raw) {
            *channelLost = true;
            return std::nullopt;
        }
        const auto response = splitResponse(*raw);
        // 6282: the file ended before Le bytes, as a read of unknown length does.
        if (!response || (!response->ok() && response->sw != 0x6282) || response->data.empty())
            return std::nullopt;
        file.insert(file.end(), response->data.begin(), response->data.end());
        if (offset == 0) {
            const auto announced = announcedTlvSize(file);
            if (!announced || *announced > kMaxCardAccessSize)
                return std::nullopt;
            expected = *announced;
        }
    } while (file.size() < expected);
    if (file.size() != expected)
        return std::nullopt;
    return file;
}

} // namespace gate::emrtd
