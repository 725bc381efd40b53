#include "emrtd/des3.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace gate::emrtd {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// One CBC pass without OpenSSL's own padding: the protocol pads explicitly.
Bytes cbc(const EVP_CIPHER *cipher, ByteView key, ByteView data, bool encrypt) {
    CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    const std::uint8_t zeroIv[8] = {};
    Bytes out(data.size() + 8);
    int written = 0;
    int last = 0;
    if (!context ||
        EVP_CipherInit_ex(context.get(), cipher, nullptr, key.data(), zeroIv, encrypt ? 1 : 0) !=
            1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1 ||
        EVP_CipherUpdate(context.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &last) != 1)
        throw std::runtime_error("3DES: the cipher refused its input");
    out.resize(static_cast<std::size_t>(written + last));
    return out;
}

} // namespace

Bytes pad8(ByteView data) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % 8 != 0)
        out.push_back(0x00);
    return out;
}

std::optional<Bytes> unpad8(ByteView data) {
    std::size_t end = data.size();
    while (end > 0 && data[end - 1] == 0x00)
        --end;
    if (end == 0 || data[end - 1] != 0x80 || data.size() - end >= 8)
        return std::nullopt;
    return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

Bytes tripleDesEncrypt(ByteView key16, ByteView data) {
    return cbc(EVP_des_ede_cbc(), key16, data, true);
}

Bytes tripleDesDecrypt(ByteView key16, ByteView data) {
    return cbc(EVP_des_ede_cbc(), key16, data, false);
}

Bytes retailMac(ByteView key16, ByteView data) {
    // Single DES lives in OpenSSL 3's legacy provider; two-key 3DES with K1 = K2
    // is single DES, so the MAC chain runs on the default provider.
    const Bytes padded = pad8(data);
    const ByteView k1 = key16.first(8);
    const ByteView k2 = key16.subspan(8, 8);
    const Bytes k1k1 = concat({k1, k1});
    const Bytes k2k2 = concat({k2, k2});
    const Bytes chained = cbc(EVP_des_ede_cbc(), k1k1, padded, true);
    const ByteView lastBlock = ByteView(chained).last(8);
    const Bytes decrypted = cbc(EVP_des_ede_cbc(), k2k2, lastBlock, false);
    return cbc(EVP_des_ede_cbc(), k1k1, decrypted, true);
}

Bytes deriveKey(ByteView seed, std::uint32_t counter) {
    const std::uint8_t counterBytes[4] = {
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    Bytes digest = sha1(concat({seed, counterBytes}));
    digest.resize(16);
    return digest;
}

Bytes sha1(ByteView data) {
    Bytes digest(20);
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha1(), nullptr) != 1)
        throw std::runtime_error("SHA-1 failed");
    return digest;
}

bool constantTimeEqual(ByteView a, ByteView b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace gate::emrtd
