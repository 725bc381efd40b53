#include "emrtd/smcipher.h"

#include "emrtd/opensslptr.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <stdexcept>

namespace gate::emrtd {

namespace {

using CipherContext = OpensslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using Mac = OpensslPtr<EVP_MAC, EVP_MAC_free>;
using MacContext = OpensslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free>;

const EVP_CIPHER *cbcCipher(SmCipher cipher) {
    switch (cipher) {
    case SmCipher::TripleDes:
        return EVP_des_ede_cbc();
    case SmCipher::Aes128:
        return EVP_aes_128_cbc();
    case SmCipher::Aes192:
        return EVP_aes_192_cbc();
    case SmCipher::Aes256:
        return EVP_aes_256_cbc();
    }
    return nullptr;
}

const char *cmacCipherName(SmCipher cipher) {
    switch (cipher) {
    case SmCipher::Aes192:
        return "AES-192-CBC";
    case SmCipher::Aes256:
        return "AES-256-CBC";
    default:
        return "AES-128-CBC";
    }
}

std::size_t keySize(SmCipher cipher) {
    switch (cipher) {
    case SmCipher::Aes192:
        return 24;
    case SmCipher::Aes256:
        return 32;
    default:
        return 16;
    }
}

// One CBC pass without OpenSSL's own padding: the protocol pads explicitly.
Bytes cbc(const EVP_CIPHER *cipher, ByteView key, ByteView iv, ByteView data, bool encrypt) {
    const CipherContext context(EVP_CIPHER_CTX_new());
    Bytes out(data.size() + 16);
    int written = 0;
    int last = 0;
    if (!context ||
        EVP_CipherInit_ex(context.get(), cipher, nullptr, key.data(), iv.data(), encrypt ? 1 : 0) !=
            1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1 ||
        EVP_CipherUpdate(context.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &last) != 1)
        throw std::runtime_error("secure messaging: the cipher refused its input");
    out.resize(static_cast<std::size_t>(written + last));
    return out;
}

Bytes zeroIvCbc(SmCipher cipher, ByteView key, ByteView blocks, bool encrypt) {
    const Bytes zeroIv(blockSize(cipher), 0);
    return cbc(cbcCipher(cipher), key, zeroIv, blocks, encrypt);
}

Bytes retailMac(ByteView key16, ByteView padded) {
    // Single DES lives in OpenSSL 3's legacy provider; two-key 3DES with K1 = K2
    // is single DES, so the MAC chain runs on the default provider.
    const ByteView k1 = key16.first(8);
    const ByteView k2 = key16.subspan(8, 8);
    const Bytes k1k1 = concat({k1, k1});
    const Bytes k2k2 = concat({k2, k2});
    const Bytes zeroIv(8, 0);
    const Bytes chained = cbc(EVP_des_ede_cbc(), k1k1, zeroIv, padded, true);
    const Bytes decrypted = cbc(EVP_des_ede_cbc(), k2k2, zeroIv, ByteView(chained).last(8), false);
    return cbc(EVP_des_ede_cbc(), k1k1, zeroIv, decrypted, true);
}

Bytes aesCmac(SmCipher cipher, ByteView key, ByteView data) {
    const Mac mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    const MacContext context(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                         const_cast<char *>(cmacCipherName(cipher)), 0),
        OSSL_PARAM_construct_end()};
    Bytes out(16);
    std::size_t size = 0;
    if (!context || EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), data.data(), data.size()) != 1 ||
        EVP_MAC_final(context.get(), out.data(), &size, out.size()) != 1)
        throw std::runtime_error("secure messaging: CMAC failed");
    out.resize(size);
    return out;
}

Bytes digest(const EVP_MD *md, ByteView data) {
    Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1)
        throw std::runtime_error("secure messaging: the hash failed");
    return out;
}

} // namespace

std::optional<SmCipher> cipherOfProtocolArc(std::uint8_t arc) {
    switch (arc) {
    case 1:
        return SmCipher::TripleDes;
    case 2:
        return SmCipher::Aes128;
    case 3:
        return SmCipher::Aes192;
    case 4:
        return SmCipher::Aes256;
    default:
        return std::nullopt;
    }
}

std::size_t blockSize(SmCipher cipher) {
    return cipher == SmCipher::TripleDes ? 8 : 16;
}

Bytes padToBlock(ByteView data, std::size_t block) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % block != 0)
        out.push_back(0x00);
    return out;
}

std::optional<Bytes> unpadFromBlock(ByteView data, std::size_t block) {
    std::size_t end = data.size();
    while (end > 0 && data[end - 1] == 0x00)
        --end;
    if (end == 0 || data[end - 1] != 0x80 || data.size() - end >= block)
        return std::nullopt;
    return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

Bytes deriveKey(SmCipher cipher, ByteView secret, std::uint32_t counter) {
    const std::uint8_t counterBytes[4] = {
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    const bool sha256 = cipher == SmCipher::Aes192 || cipher == SmCipher::Aes256;
    Bytes key = digest(sha256 ? EVP_sha256() : EVP_sha1(), concat({secret, counterBytes}));
    key.resize(keySize(cipher));
    return key;
}

Bytes encryptZeroIv(SmCipher cipher, ByteView key, ByteView blocks) {
    return zeroIvCbc(cipher, key, blocks, true);
}

Bytes decryptZeroIv(SmCipher cipher, ByteView key, ByteView blocks) {
    return zeroIvCbc(cipher, key, blocks, false);
}

Bytes encryptMessage(SmCipher cipher, ByteView key, ByteView ssc, ByteView blocks) {
    if (cipher == SmCipher::TripleDes)
        return encryptZeroIv(cipher, key, blocks);
    return cbc(cbcCipher(cipher), key, encryptZeroIv(cipher, key, ssc), blocks, true);
}

Bytes decryptMessage(SmCipher cipher, ByteView key, ByteView ssc, ByteView blocks) {
    if (cipher == SmCipher::TripleDes)
        return decryptZeroIv(cipher, key, blocks);
    return cbc(cbcCipher(cipher), key, encryptZeroIv(cipher, key, ssc), blocks, false);
}

Bytes mac(SmCipher cipher, ByteView key, ByteView data) {
    if (cipher == SmCipher::TripleDes)
        return retailMac(key, padToBlock(data, 8));
    Bytes full = aesCmac(cipher, key, data);
    full.resize(8);
    return full;
}

Bytes messageMac(SmCipher cipher, ByteView key, ByteView data) {
    if (cipher == SmCipher::TripleDes)
        return mac(cipher, key, data);
    return mac(cipher, key, padToBlock(data, blockSize(cipher)));
}

Bytes sha1(ByteView data) {
    return digest(EVP_sha1(), data);
}

bool constantTimeEqual(ByteView a, ByteView b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace gate::emrtd
