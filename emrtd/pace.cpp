#include "emrtd/pace.h"

#include "emrtd/apdu.h"
#include "emrtd/pacemapping.h"
#include "emrtd/tlv.h"

#include <openssl/crypto.h>


namespace gate::emrtd {

namespace {

// One General Authenticate step and its answer's data object.
struct Step {
    PaceResult::Status status = PaceResult::Status::Opened;
    Bytes value;
    std::string error;
};

// Sends `command`; `refusal` is the status a refused answer gets.
Step exchange(ChipChannel &channel, const CommandApdu &command, const char *what,
              PaceResult::Status refusal) {
    Step step;
    const auto raw = channel.transmit(encodeApdu(command));
    if (!raw) {
        step.status = PaceResult::Status::ChannelLost;
        step.error = channel.lastError();
        return step;
    }
    const auto response = splitResponse(*raw);
    if (!response) {
        step.status = PaceResult::Status::Malformed;
        step.error = std::string("PACE: ") + what + ": no status word";
        return step;
    }
    if (!response->ok()) {
        step.status = refusal;
        step.error = std::string("PACE: the chip refused ") + what + " (status " +
                     response->statusText() + ")";
        return step;
    }
    step.value = response->data;
    return step;
}

// General Authenticate (part 11, 4.4.4.2): 7C { tag value }, chained (CLA 10)
// but for the last step; the answer's object `answerTag`. Tag 0 sends 7C 00,
// as the first step does. A step that went through has status Opened.
Step authenticate(ChipChannel &channel, std::uint32_t tag, ByteView value, std::uint32_t answerTag,
                  bool last, const char *what) {
    const Bytes data = encodeTlv(0x7C, tag == 0 ? Bytes{} : encodeTlv(tag, value));
    // A refused mapping or key agreement is a chip that will not run PACE; a
    // refused token is a wrong password (6300).
    Step step = exchange(
        channel, {static_cast<std::uint8_t>(last ? 0x00 : 0x10), 0x86, 0x00, 0x00, data, 256, true},
        what, last ? PaceResult::Status::Refused : PaceResult::Status::NotAccepted);
    if (step.status != PaceResult::Status::Opened)
        return step;
    const auto object = authenticationDataObject(step.value, answerTag);
    if (!object) {
        step.status = PaceResult::Status::Malformed;
        step.error = std::string("PACE: ") + what + ": malformed answer";
        return step;
    }
    step.value = *object;
    return step;
}

PaceResult ended(PaceResult::Status status, std::string error) {
    PaceResult result;
    result.status = status;
    result.error = std::move(error);
    return result;
}

} // namespace

Bytes pacePasswordKey(SmCipher cipher, const std::string &keyInformation) {
    Bytes password = sha1(bytesOf(keyInformation));
    Bytes key = deriveKey(cipher, password, 3);
    OPENSSL_cleanse(password.data(), password.size());
    return key;
}

Bytes paceToken(SmCipher cipher, ByteView macKey, ByteView protocol, ByteView point) {
    const Bytes publicKey =
        encodeTlv(0x7F49, concat({encodeTlv(0x06, protocol), encodeTlv(0x86, point)}));
    return mac(cipher, macKey, publicKey);
}

std::optional<Bytes> authenticationDataObject(ByteView answer, std::uint32_t tag) {
    const auto outer = parseSingleTlv(answer);
    if (!outer || outer->tag != 0x7C)
        return std::nullopt;
    const auto objects = parseTlvList(outer->value);
    if (!objects)
        return std::nullopt;
    const auto object = findTlv(*objects, tag);
    if (!object)
        return std::nullopt;
    return Bytes(object->value.begin(), object->value.end());
}

PaceResult runPace(ChipChannel &channel, const PaceOffer &offer,
                   const std::string &keyInformation) {
    auto curve = PaceCurve::named(offer.curveNid);
    if (!curve)
        return ended(PaceResult::Status::NotAccepted, "PACE: the curve is unknown here");

    // MSE:Set AT: the protocol, the MRZ as password (83 01 01), the domain parameters.
    const Bytes setAt =
        concat({encodeTlv(0x80, offer.protocol), encodeTlv(0x83, Bytes{0x01}),
                encodeTlv(0x84, Bytes{static_cast<std::uint8_t>(offer.parameterId)})});
    Step step = exchange(channel, {0x00, 0x22, 0xC1, 0xA4, setAt, 0, false}, "MSE:Set AT",
                         PaceResult::Status::NotAccepted);
    if (step.status != PaceResult::Status::Opened)
        return ended(step.status, step.error);

    // 1: the nonce s, encrypted with the password's key.
    step = authenticate(channel, 0, {}, 0x80, false, "the encrypted nonce");
    if (step.status != PaceResult::Status::Opened)
        return ended(step.status, step.error);
    if (step.value.empty() || step.value.size() % blockSize(offer.cipher) != 0)
        return ended(PaceResult::Status::Malformed, "PACE: the encrypted nonce has a wrong size");
    Bytes passwordKey = pacePasswordKey(offer.cipher, keyInformation);
    Bytes nonce = decryptZeroIv(offer.cipher, passwordKey, step.value);
    OPENSSL_cleanse(passwordKey.data(), passwordKey.size());

    // 2: the mapping, G' = s·G + H with H the shared point of mapping keys.
    const Bytes mappingKey = curve->randomPrivateKey();
    step = authenticate(channel, 0x81, curve->publicPoint(mappingKey), 0x82, false, "the mapping");
    if (step.status != PaceResult::Status::Opened)
        return ended(step.status, step.error);
    const auto h = curve->sharedPoint(mappingKey, step.value);
    const bool mapped = h && curve->mapGenerator(nonce, *h);
    OPENSSL_cleanse(nonce.data(), nonce.size());
    if (!mapped)
        return ended(PaceResult::Status::Malformed, "PACE: the chip's mapping point is invalid");

    // 3: the key agreement on G'.
    const Bytes ephemeralKey = curve->randomPrivateKey();
    const Bytes ourPoint = curve->publicPoint(ephemeralKey);
    step = authenticate(channel, 0x83, ourPoint, 0x84, false, "the key agreement");
    if (step.status != PaceResult::Status::Opened)
        return ended(step.status, step.error);
    const Bytes chipPoint = step.value;
    // A chip echoing our own point would agree a key with us that we alone made.
    if (constantTimeEqual(chipPoint, ourPoint))
        return ended(PaceResult::Status::Malformed, "PACE: the chip sent back our own point");
    auto secret = curve->sharedSecret(ephemeralKey, chipPoint);
    if (!secret)
        return ended(PaceResult::Status::Malformed, "PACE: the chip's ephemeral point is invalid");
    Bytes encKey = deriveKey(offer.cipher, *secret, 1);
    Bytes macKey = deriveKey(offer.cipher, *secret, 2);
    OPENSSL_cleanse(secret->data(), secret->size());

    // 4: the tokens, each over the other side's point.
    step = authenticate(channel, 0x85, paceToken(offer.cipher, macKey, offer.protocol, chipPoint),
                        0x86, true, "the authentication token");
    if (step.status != PaceResult::Status::Opened)
        return ended(step.status, step.error);
    if (!constantTimeEqual(step.value, paceToken(offer.cipher, macKey, offer.protocol, ourPoint)))
        return ended(PaceResult::Status::Refused, "PACE: the chip's token does not verify");

    PaceResult result;
    result.status = PaceResult::Status::Opened;
    result.session.emplace(offer.cipher, std::move(encKey), std::move(macKey),
                           Bytes(sscSize(offer.cipher), 0));
    return result;
}

} // namespace gate::emrtd
