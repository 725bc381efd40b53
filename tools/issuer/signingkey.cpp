#include "signingkey.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>

namespace gate::issuer {

namespace {

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key) {
    return {key, EVP_PKEY_free};
}

// Fixed-width big-endian copy of an ECDSA signature half.
QByteArray paddedScalar(const BIGNUM *value) {
    QByteArray out(32, '\0');
    BN_bn2binpad(value, reinterpret_cast<unsigned char *>(out.data()), 32);
    return out;
}

// The P-256 group, built once.
const EC_GROUP *p256() {
    static const std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group(
        EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), EC_GROUP_free);
    return group.get();
}

} // namespace

SigningKey SigningKey::generate(Algorithm algorithm) {
    SigningKey key;
    key.m_algorithm = algorithm;
    key.m_key =
        adopt(algorithm == Algorithm::Ed25519 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                                              : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    return key;
}

SigningKey SigningKey::load(const QString &path, QString *error) {
    SigningKey key;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return key;
    }
    const QByteArray pem = file.readAll();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  BIO_free);
    EVP_PKEY *raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!raw) {
        *error = QStringLiteral("%1: not a PEM private key").arg(path);
        return key;
    }
    key.m_key = adopt(raw);
    if (EVP_PKEY_is_a(raw, "ED25519")) {
        key.m_algorithm = Algorithm::Ed25519;
    } else if (EVP_PKEY_is_a(raw, "EC")) {
        key.m_algorithm = Algorithm::P256;
    } else {
        *error = QStringLiteral("%1: neither an Ed25519 nor a P-256 key").arg(path);
        key.m_key.reset();
    }
    return key;
}

bool SigningKey::save(const QString &path, QString *error) const {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!m_key ||
        !PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        *error = QStringLiteral("cannot encode the private key");
        return false;
    }
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data, length) != length) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

QByteArray SigningKey::rawPublicKey() const {
    if (!m_key)
        return {};
    if (m_algorithm == Algorithm::Ed25519) {
        QByteArray raw(32, '\0');
        size_t length = size_t(raw.size());
        EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                    &length);
        return raw.left(int(length));
    }
    QByteArray point(65, '\0');
    size_t length = 0;
    EVP_PKEY_get_octet_string_param(m_key.get(), "encoded-pub-key",
                                    reinterpret_cast<unsigned char *>(point.data()),
                                    size_t(point.size()), &length);
    return point.left(int(length));
}

QByteArray SigningKey::sign(const QByteArray &message) const {
    if (!m_key)
        return {};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    const bool ed25519 = m_algorithm == Algorithm::Ed25519;
    if (EVP_DigestSignInit(context.get(), nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr,
                           m_key.get()) != 1)
        return {};
    size_t length = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(message.constData());
    if (EVP_DigestSign(context.get(), nullptr, &length, bytes, size_t(message.size())) != 1)
        return {};
    QByteArray signature(int(length), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes, size_t(message.size())) != 1)
        return {};
    signature.truncate(int(length));
    if (ed25519)
        return signature;
    // ES256 in COSE is raw r||s, not the DER that OpenSSL produces.
    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> parsed(
        d2i_ECDSA_SIG(nullptr, &der, long(signature.size())), ECDSA_SIG_free);
    if (!parsed)
        return {};
    // Gates accept only s <= n/2 (spec/eticket-qr.md): OpenSSL returns either
    // half, so the high one is replaced by n - s, which signs the same.
    std::unique_ptr<BIGNUM, decltype(&BN_free)> lowS(BN_dup(ECDSA_SIG_get0_s(parsed.get())),
                                                     BN_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> halfOrder(BN_dup(EC_GROUP_get0_order(p256())),
                                                          BN_free);
    if (!lowS || !halfOrder || BN_rshift1(halfOrder.get(), halfOrder.get()) != 1)
        return {};
    if (BN_cmp(lowS.get(), halfOrder.get()) > 0 &&
        BN_sub(lowS.get(), EC_GROUP_get0_order(p256()), lowS.get()) != 1)
        return {};
    return paddedScalar(ECDSA_SIG_get0_r(parsed.get())) + paddedScalar(lowS.get());
}

} // namespace gate::issuer
