#include "emrtd/securemessaging.h"

#include "emrtd/tlv.h"

namespace gate::emrtd {

SecureMessaging::SecureMessaging(SmCipher cipher, Bytes encKey, Bytes macKey, Bytes ssc)
    : cipher_(cipher)
    , encKey_(std::move(encKey))
    , macKey_(std::move(macKey))
    , ssc_(std::move(ssc)) {}

void SecureMessaging::incrementSsc() {
    for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it)
        if (++*it != 0)
            break;
}

Bytes SecureMessaging::wrap(const CommandApdu &command, bool extended) {
    incrementSsc();
    const std::uint8_t cla = static_cast<std::uint8_t>(command.cla | 0x0C);
    const std::size_t block = blockSize(cipher_);
    const Bytes header = padToBlock(Bytes{cla, command.ins, command.p1, command.p2}, block);
    Bytes objects;
    if (!command.data.empty()) {
        // Odd instructions carry BER-TLV data and use DO'85' (part 11, 9.8.6).
        const std::uint32_t tag = (command.ins & 1) ? 0x85 : 0x87;
        Bytes body{0x01};
        const Bytes encrypted =
            encryptMessage(cipher_, encKey_, ssc_, padToBlock(command.data, block));
        body.insert(body.end(), encrypted.begin(), encrypted.end());
        if (tag == 0x85)
            body.erase(body.begin()); // DO'85' has no padding-content indicator
        const Bytes object = encodeTlv(tag, body);
        objects.insert(objects.end(), object.begin(), object.end());
    }
    if (command.expectsResponse) {
        Bytes le;
        if (extended && command.le > 256)
            le = {static_cast<std::uint8_t>(command.le >> 8),
                  static_cast<std::uint8_t>(command.le)};
        else
            le = {static_cast<std::uint8_t>(command.le)};
        const Bytes object = encodeTlv(0x97, le);
        objects.insert(objects.end(), object.begin(), object.end());
    }
    const Bytes mac = messageMac(cipher_, macKey_, concat({ssc_, header, objects}));
    const Bytes macObject = encodeTlv(0x8E, mac);
    objects.insert(objects.end(), macObject.begin(), macObject.end());

    CommandApdu wrapped{cla, command.ins, command.p1, command.p2, objects, 0, true};
    wrapped.le = extended ? 65536 : 256;
    return encodeApdu(wrapped, extended);
}

std::optional<ResponseApdu> SecureMessaging::unwrap(const ResponseApdu &protectedResponse,
                                                    std::string *error) {
    incrementSsc();
    auto fail = [error](const char *why) -> std::optional<ResponseApdu> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto objects = parseTlvList(protectedResponse.data);
    if (!objects)
        return fail("malformed protected response");
    const auto mac = findTlv(*objects, 0x8E);
    if (!mac) {
        // A chip may answer an error without a MAC: a plain status word, or
        // DO'99' alone. Unauthenticated, it is only ever taken as a failure.
        if (protectedResponse.data.empty() && !protectedResponse.ok())
            return ResponseApdu{{}, protectedResponse.sw};
        const auto status = findTlv(*objects, 0x99);
        if (objects->size() == 1 && status && status->value.size() == 2) {
            const auto sw = static_cast<std::uint16_t>((status->value[0] << 8) | status->value[1]);
            if (sw != 0x9000)
                return ResponseApdu{{}, sw};
        }
        return fail("protected response without a MAC");
    }
    Bytes macInput = ssc_;
    for (const Tlv &object : *objects)
        if (object.tag == 0x87 || object.tag == 0x85 || object.tag == 0x99)
            macInput.insert(macInput.end(), object.whole.begin(), object.whole.end());
    if (!constantTimeEqual(messageMac(cipher_, macKey_, macInput), mac->value))
        return fail("response MAC does not verify");

    ResponseApdu plain;
    plain.sw = protectedResponse.sw;
    if (const auto status = findTlv(*objects, 0x99)) {
        if (status->value.size() != 2)
            return fail("malformed DO'99'");
        plain.sw = static_cast<std::uint16_t>((status->value[0] << 8) | status->value[1]);
    }
    if (const auto encrypted = findTlv(*objects, 0x87)) {
        if (encrypted->value.empty() || encrypted->value[0] != 0x01 ||
            (encrypted->value.size() - 1) % blockSize(cipher_) != 0)
            return fail("malformed DO'87'");
        const auto data =
            unpadFromBlock(decryptMessage(cipher_, encKey_, ssc_, encrypted->value.subspan(1)),
                           blockSize(cipher_));
        if (!data)
            return fail("bad padding in DO'87'");
        plain.data = *data;
    }
    return plain;
}

} // namespace gate::emrtd
