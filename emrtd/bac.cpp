#include "emrtd/bac.h"

#include "emrtd/apdu.h"
#include "emrtd/smcipher.h"
#include "vision/mrz/mrzformat.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace gate::emrtd {

std::optional<std::string> bacKeyInformation(const std::vector<std::string> &mrzLines) {
    const auto format = mrz::detectFormat(mrzLines);
    if (!format)
        return std::nullopt;
    std::string information;
    for (const std::string_view field : {"number", "birth", "expiry"}) {
        for (const mrz::CheckedField &checked : mrz::checkedFields(*format)) {
            if (checked.name != field)
                continue;
            const std::string &line = mrzLines[static_cast<std::size_t>(checked.line)];
            information += line.substr(static_cast<std::size_t>(checked.start),
                                       static_cast<std::size_t>(checked.length));
            information += line[static_cast<std::size_t>(checked.digitAt)];
        }
    }
    if (information.size() != 9 + 1 + 6 + 1 + 6 + 1)
        return std::nullopt;
    return information;
}

namespace {

BacResult failure(BacResult::Status status, std::string error) {
    BacResult result;
    result.status = status;
    result.error = std::move(error);
    return result;
}

Bytes randomBytes(std::size_t count) {
    Bytes out(count);
    if (RAND_bytes(out.data(), static_cast<int>(count)) != 1)
        throw std::runtime_error("no random bytes for BAC");
    return out;
}

} // namespace

BacResult runBac(ChipChannel &channel, const std::string &keyInformation) {
    Bytes seed = sha1(bytesOf(keyInformation));
    seed.resize(16);
    const Bytes encKey = deriveKey(SmCipher::TripleDes, seed, 1);
    const Bytes macKey = deriveKey(SmCipher::TripleDes, seed, 2);

    const auto challengeRaw = channel.transmit(encodeApdu({0x00, 0x84, 0x00, 0x00, {}, 8, true}));
    if (!challengeRaw)
        return failure(BacResult::Status::ChannelLost, channel.lastError());
    const auto challenge = splitResponse(*challengeRaw);
    if (challenge && !challenge->ok())
        return failure(BacResult::Status::NotSupported, "GET CHALLENGE refused");
    if (!challenge || challenge->data.size() != 8)
        return failure(BacResult::Status::Malformed, "GET CHALLENGE: a malformed answer");
    const Bytes &rndIc = challenge->data;

    const Bytes rndIfd = randomBytes(8);
    const Bytes kIfd = randomBytes(16);
    const Bytes encrypted =
        encryptZeroIv(SmCipher::TripleDes, encKey, concat({rndIfd, rndIc, kIfd}));
    const Bytes authData = concat({encrypted, messageMac(SmCipher::TripleDes, macKey, encrypted)});
    const auto answerRaw =
        channel.transmit(encodeApdu({0x00, 0x82, 0x00, 0x00, authData, 40, true}));
    if (!answerRaw)
        return failure(BacResult::Status::ChannelLost, channel.lastError());
    const auto answer = splitResponse(*answerRaw);
    if (!answer)
        return failure(BacResult::Status::Malformed, "EXTERNAL AUTHENTICATE: no status word");
    if (!answer->ok())
        return failure(BacResult::Status::Refused, "the chip refused the MRZ's key");
    if (answer->data.size() != 40)
        return failure(BacResult::Status::Malformed, "EXTERNAL AUTHENTICATE: wrong answer size");
    const ByteView icCipher = ByteView(answer->data).first(32);
    if (!constantTimeEqual(messageMac(SmCipher::TripleDes, macKey, icCipher),
                           ByteView(answer->data).subspan(32)))
        return failure(BacResult::Status::Refused, "the chip's answer MAC does not verify");
    const Bytes icPlain = decryptZeroIv(SmCipher::TripleDes, encKey, icCipher);
    if (!constantTimeEqual(ByteView(icPlain).subspan(0, 8), rndIc) ||
        !constantTimeEqual(ByteView(icPlain).subspan(8, 8), rndIfd))
        return failure(BacResult::Status::Refused, "the chip's answer has the wrong nonces");

    Bytes sessionSeed(16);
    for (std::size_t i = 0; i < 16; ++i)
        sessionSeed[i] = kIfd[i] ^ icPlain[16 + i];
    const Bytes ssc = concat({ByteView(rndIc).subspan(4), ByteView(rndIfd).subspan(4)});
    BacResult result;
    result.status = BacResult::Status::Opened;
    result.session.emplace(SmCipher::TripleDes, deriveKey(SmCipher::TripleDes, sessionSeed, 1),
                           deriveKey(SmCipher::TripleDes, sessionSeed, 2), ssc);
    return result;
}

} // namespace gate::emrtd
