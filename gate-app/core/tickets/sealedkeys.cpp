#include "core/tickets/sealedkeys.h"

#include "core/tickets/devicekey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace gate::tickets {

namespace {

constexpr qsizetype pointBytes = 32;
constexpr qsizetype nonceBytes = 12;
constexpr qsizetype tagBytes = 16;
constexpr qsizetype aesKeyBytes = 32;
constexpr int maxBindKeys = 64;
constexpr char hkdfInfo[] = "gate-ticketlist/2 keys";

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using CipherContextPtr = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

unsigned char *writable(QByteArray &bytes) {
    return reinterpret_cast<unsigned char *>(bytes.data());
}
const unsigned char *readable(QByteArrayView bytes) {
    return reinterpret_cast<const unsigned char *>(bytes.data());
}

// X25519(own, peer); OpenSSL refuses an all-zero result (a small-order peer).
QByteArray sharedSecret(EVP_PKEY *own, const QByteArray &peerPublicKey) {
    PkeyPtr peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, readable(peerPublicKey),
                                             size_t(peerPublicKey.size())),
                 EVP_PKEY_free);
    PkeyContextPtr context(EVP_PKEY_CTX_new(own, nullptr), EVP_PKEY_CTX_free);
    QByteArray secret(pointBytes, '\0');
    size_t length = size_t(secret.size());
    if (!peer || !context || EVP_PKEY_derive_init(context.get()) != 1 ||
        EVP_PKEY_derive_set_peer(context.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(context.get(), writable(secret), &length) != 1 ||
        length != size_t(pointBytes))
        return {};
    return secret;
}

QByteArray boxKey(const QByteArray &shared, const QByteArray &ephemeralPublic,
                  const QByteArray &gatePublic) {
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr),
                                                          EVP_KDF_free);
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> context(
        kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr, EVP_KDF_CTX_free);
    QByteArray salt = ephemeralPublic + gatePublic;
    QByteArray ikm = shared;
    QByteArray info(hkdfInfo);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm.data(), size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(aesKeyBytes, '\0');
    const bool ok =
        context && EVP_KDF_derive(context.get(), writable(key), size_t(key.size()), params) == 1;
    ikm.fill('\0');
    if (!ok)
        key.clear();
    return key;
}

QByteArray keyFor(EVP_PKEY *own, const QByteArray &peerPublic, const QByteArray &ephemeralPublic,
                  const QByteArray &gatePublic) {
    QByteArray shared = sharedSecret(own, peerPublic);
    const auto wipe = qScopeGuard([&shared] { shared.fill('\0'); });
    return shared.isEmpty() ? QByteArray() : boxKey(shared, ephemeralPublic, gatePublic);
}

bool aesGcm(bool encrypt, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad,
            const QByteArray &input, QByteArray *output, QByteArray *tag) {
    CipherContextPtr context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    output->resize(input.size());
    if (!context ||
        EVP_CipherInit_ex2(context.get(), EVP_aes_256_gcm(), readable(key), readable(nonce),
                           encrypt ? 1 : 0, nullptr) != 1 ||
        EVP_CipherUpdate(context.get(), nullptr, &length, readable(aad), int(aad.size())) != 1 ||
        EVP_CipherUpdate(context.get(), writable(*output), &length, readable(input),
                         int(input.size())) != 1)
        return false;
    if (!encrypt &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(tagBytes), tag->data()) != 1)
        return false;
    int finalLength = 0;
    if (EVP_CipherFinal_ex(context.get(), writable(*output) + length, &finalLength) != 1)
        return false;
    if (encrypt) {
        tag->resize(tagBytes);
        if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(tagBytes), tag->data()) !=
            1)
            return false;
    }
    return true;
}

QJsonObject keyJson(const KeyEntry &key) {
    return {{QStringLiteral("id"), qint64(key.id)},
            {QStringLiteral("key"), QString::fromLatin1(key.key.toBase64())}};
}

std::optional<KeyEntry> keyFromJson(const QJsonValue &value) {
    const QJsonObject object = value.toObject();
    const QJsonValue id = object.value(QLatin1String("id"));
    const auto key =
        QByteArray::fromBase64Encoding(object.value(QLatin1String("key")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    const qint64 number = id.toInteger(-1);
    if (!value.isObject() || !id.isDouble() || number < 0 || number > 0xffffffffLL ||
        double(number) != id.toDouble() || !key || key.decoded.size() != 32)
        return std::nullopt;
    return KeyEntry{quint32(number), key.decoded};
}

} // namespace

QByteArray ListKeys::toJson() const {
    QJsonArray bind;
    for (const KeyEntry &key : bindKeys)
        bind.append(keyJson(key));
    return QJsonDocument(QJsonObject{{QStringLiteral("list_key"), keyJson(listKey)},
                                     {QStringLiteral("bind_keys"), bind}})
        .toJson(QJsonDocument::Compact);
}

std::optional<ListKeys> ListKeys::fromJson(const QByteArray &json) {
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonObject root = document.object();
    const std::optional<KeyEntry> listKey = keyFromJson(root.value(QLatin1String("list_key")));
    const QJsonValue bind = root.value(QLatin1String("bind_keys"));
    if (!document.isObject() || !listKey || !bind.isArray() || bind.toArray().size() > maxBindKeys)
        return std::nullopt;
    ListKeys keys;
    keys.listKey = *listKey;
    for (const QJsonValue &entry : bind.toArray()) {
        const std::optional<KeyEntry> key = keyFromJson(entry);
        if (!key)
            return std::nullopt;
        keys.bindKeys << *key;
    }
    return keys;
}

QByteArray sealListKeys(const ListKeys &keys, const QByteArray &gatePublicKey,
                        const QString &station) {
    PkeyPtr ephemeral(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"), EVP_PKEY_free);
    if (!ephemeral || gatePublicKey.size() != pointBytes)
        return {};
    QByteArray ephemeralPublic(pointBytes, '\0');
    size_t length = size_t(ephemeralPublic.size());
    if (EVP_PKEY_get_raw_public_key(ephemeral.get(), writable(ephemeralPublic), &length) != 1)
        return {};
    QByteArray key = keyFor(ephemeral.get(), gatePublicKey, ephemeralPublic, gatePublicKey);
    const auto wipe = qScopeGuard([&key] { key.fill('\0'); });
    QByteArray nonce(nonceBytes, '\0');
    if (key.isEmpty() || RAND_bytes(writable(nonce), int(nonce.size())) != 1)
        return {};
    QByteArray plaintext = keys.toJson();
    const auto wipePlaintext = qScopeGuard([&plaintext] { plaintext.fill('\0'); });
    QByteArray ciphertext;
    QByteArray tag;
    if (!aesGcm(true, key, nonce, station.toLatin1(), plaintext, &ciphertext, &tag))
        return {};
    return ephemeralPublic + nonce + ciphertext + tag;
}

std::optional<ListKeys> openListKeys(const QByteArray &box, const DeviceKey &deviceKey,
                                     const QString &station) {
    if (box.size() < pointBytes + nonceBytes + tagBytes || box.size() > maxSealedBoxBytes)
        return std::nullopt;
    const QByteArray ephemeralPublic = box.left(pointBytes);
    const QByteArray nonce = box.mid(pointBytes, nonceBytes);
    const QByteArray ciphertext =
        box.mid(pointBytes + nonceBytes, box.size() - pointBytes - nonceBytes - tagBytes);
    QByteArray tag = box.right(tagBytes);
    QByteArray key =
        keyFor(deviceKey.privateKey(), ephemeralPublic, ephemeralPublic, deviceKey.publicKey());
    const auto wipe = qScopeGuard([&key] { key.fill('\0'); });
    QByteArray plaintext;
    const auto wipePlaintext = qScopeGuard([&plaintext] { plaintext.fill('\0'); });
    if (key.isEmpty() ||
        !aesGcm(false, key, nonce, station.toLatin1(), ciphertext, &plaintext, &tag))
        return std::nullopt;
    return ListKeys::fromJson(plaintext);
}

} // namespace gate::tickets
