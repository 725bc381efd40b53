#include "core/credentials/eticket/trustlist.h"

#include "core/crypto/stricted25519.h"

#include "hal/wholenumber.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace gate::eticket {

namespace {

constexpr int rawSignatureSize = 64;
constexpr int p256PointSize = 65;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key) {
    return key ? std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free) : nullptr;
}

std::shared_ptr<EVP_PKEY> p256Key(const QByteArray &point) {
    if (point.size() != p256PointSize || point[0] != 0x04)
        return nullptr;
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(
        EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
    char group[] = "prime256v1";
    QByteArray pointCopy = point;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, pointCopy.data(),
                                          size_t(pointCopy.size())),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1)
        return nullptr;
    std::shared_ptr<EVP_PKEY> adopted = adopt(key);
    // fromdata takes the point as given; check that it lies on the curve.
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> check(
        EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr), EVP_PKEY_CTX_free);
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return adopted;
}

// COSE carries ES256 signatures as raw r||s; OpenSSL verifies DER.
QByteArray derFromRawEcdsa(const QByteArray &raw) {
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(ECDSA_SIG_new(),
                                                                    ECDSA_SIG_free);
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    BIGNUM *r = BN_bin2bn(bytes, 32, nullptr);
    BIGNUM *s = BN_bin2bn(bytes + 32, 32, nullptr);
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, '\0');
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_ECDSA_SIG(signature.get(), &out);
    return der;
}

std::optional<qint64> integerField(const QJsonObject &entry, const char *name) {
    return hal::wholeNumber(entry.value(QLatin1StringView(name)));
}

std::optional<TrustedKey::Status> statusFromString(const QString &text) {
    if (text == QLatin1String("active"))
        return TrustedKey::Status::Active;
    if (text == QLatin1String("retired"))
        return TrustedKey::Status::Retired;
    if (text == QLatin1String("revoked"))
        return TrustedKey::Status::Revoked;
    return std::nullopt;
}

std::optional<TrustedKey> parseEntry(const QJsonObject &entry, QString *problem) {
    TrustedKey key;
    const QString algName = entry.value(QLatin1String("alg")).toString();
    if (algName == QLatin1String("EdDSA")) {
        key.algorithm = SignatureAlgorithm::EdDSA;
    } else if (algName == QLatin1String("ES256")) {
        key.algorithm = SignatureAlgorithm::ES256;
    } else {
        *problem = QStringLiteral("\"alg\" must be \"EdDSA\" or \"ES256\"");
        return std::nullopt;
    }
    const auto base64 = [&](const char *name) {
        return QByteArray::fromBase64Encoding(
            entry.value(QLatin1StringView(name)).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
    };
    const auto kid = base64("kid");
    if (!kid || kid.decoded.size() != 8) {
        *problem = QStringLiteral("\"kid\" must be the base64 of 8 bytes");
        return std::nullopt;
    }
    key.kid = kid.decoded;
    const auto pub = base64("pub");
    key.publicKey = pub ? pub.decoded : QByteArray();
    // Ed25519 keys are checked by the strict verifier (no small-order or
    // non-canonical key); P-256 points become an OpenSSL key once, here.
    const bool ed25519 = key.algorithm == SignatureAlgorithm::EdDSA;
    if (!ed25519)
        key.key = p256Key(key.publicKey);
    if (ed25519 ? !crypto::isStrictEd25519PublicKey(key.publicKey) : !key.key) {
        *problem = ed25519 ? QStringLiteral("\"pub\" must be the base64 of a 32-byte Ed25519 key "
                                            "of prime order (small-order and non-canonical keys "
                                            "are refused)")
                           : QStringLiteral("\"pub\" must be the base64 of an uncompressed P-256 "
                                            "point (65 bytes) on the curve");
        return std::nullopt;
    }
    key.issuer = entry.value(QLatin1String("iss")).toString();
    if (key.issuer.isEmpty()) {
        *problem = QStringLiteral("\"iss\" must be a non-empty string");
        return std::nullopt;
    }
    const auto notBefore = integerField(entry, "nbf");
    const auto expires = integerField(entry, "exp");
    if (!notBefore || !expires || *expires < *notBefore) {
        *problem = QStringLiteral("\"nbf\" and \"exp\" must be Unix seconds with nbf <= exp");
        return std::nullopt;
    }
    key.notBefore = *notBefore;
    key.expires = *expires;
    const auto status = statusFromString(entry.value(QLatin1String("status")).toString());
    if (!status) {
        *problem = QStringLiteral("\"status\" must be \"active\", \"retired\" or \"revoked\"");
        return std::nullopt;
    }
    key.status = *status;
    return key;
}

} // namespace

QString toString(SignatureAlgorithm algorithm) {
    return algorithm == SignatureAlgorithm::EdDSA ? QStringLiteral("EdDSA")
                                                  : QStringLiteral("ES256");
}

std::optional<SignatureAlgorithm> signatureAlgorithmFromCose(qint64 coseAlg) {
    switch (coseAlg) {
    case -8:
        return SignatureAlgorithm::EdDSA;
    case -7:
        return SignatureAlgorithm::ES256;
    default:
        return std::nullopt;
    }
}

bool TrustedKey::verifies(const QByteArray &message, const QByteArray &signature) const {
    if (algorithm == SignatureAlgorithm::EdDSA)
        return crypto::verifyEd25519(publicKey, message, signature);
    if (!key || signature.size() != rawSignatureSize)
        return false;
    const QByteArray encoded = derFromRawEcdsa(signature);
    if (encoded.isEmpty())
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    if (!context ||
        EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(encoded.data()),
                            size_t(encoded.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()),
                            size_t(message.size())) == 1;
}

std::optional<TrustList> TrustList::parse(const QByteArray &keysJson, QString *error) {
    const auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (keysJson.size() > maxJsonBytes)
        return refuse(QStringLiteral("trust list larger than %1 bytes").arg(maxJsonBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(keysJson, &parseError);
    if (!document.isObject())
        return refuse(
            QStringLiteral("trust list is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("gate-keys/1"))
        return refuse(QStringLiteral("trust list \"format\" must be \"gate-keys/1\""));
    const QJsonValue keys = root.value(QLatin1String("keys"));
    if (!keys.isArray())
        return refuse(QStringLiteral("trust list \"keys\" must be an array"));
    const QJsonArray entries = keys.toArray();
    if (entries.size() > maxKeys)
        return refuse(QStringLiteral("trust list has more than %1 keys").arg(maxKeys));
    TrustList list;
    list.m_keys.reserve(size_t(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QString problem = QStringLiteral("entry is not an object");
        std::optional<TrustedKey> key;
        if (entries[i].isObject())
            key = parseEntry(entries[i].toObject(), &problem);
        if (!key)
            return refuse(QStringLiteral("trust list keys[%1]: %2").arg(i).arg(problem));
        list.m_keys.push_back(std::move(*key));
    }
    return list;
}

std::vector<const TrustedKey *> TrustList::keysWithKid(const QByteArray &kid) const {
    std::vector<const TrustedKey *> found;
    for (const TrustedKey &key : m_keys) {
        if (key.kid == kid)
            found.push_back(&key);
    }
    return found;
}

QByteArray keyIdOf(const QByteArray &rawPublicKey) {
    return QCryptographicHash::hash(rawPublicKey, QCryptographicHash::Sha256).left(8);
}

} // namespace gate::eticket
