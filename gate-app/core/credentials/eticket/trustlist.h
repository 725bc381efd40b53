#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace gate::eticket {

enum class SignatureAlgorithm { EdDSA, ES256 };

// COSE names: "EdDSA" (-8), "ES256" (-7).
QString toString(SignatureAlgorithm algorithm);
std::optional<SignatureAlgorithm> signatureAlgorithmFromCose(qint64 coseAlg);

// One public key of the trust list (spec/eticket-qr.md, keys.json), ready to
// verify with: a P-256 key's OpenSSL object is built once, when the list is
// parsed; Ed25519 goes through the strict verifier (core/crypto).
struct TrustedKey {
    enum class Status { Active, Retired, Revoked };
    QByteArray kid; // 8 bytes
    SignatureAlgorithm algorithm = SignatureAlgorithm::EdDSA;
    QByteArray publicKey; // raw: 32 bytes (Ed25519) or the 65-byte uncompressed P-256 point
    QString issuer;
    qint64 notBefore = 0;
    qint64 expires = 0;
    Status status = Status::Active;
    std::shared_ptr<EVP_PKEY> key; // ES256 only

    // True when `signature` (64 bytes: Ed25519, or ES256 raw r||s) signs
    // `message` under this key.
    bool verifies(const QByteArray &message, const QByteArray &signature) const;
};

// The keys a gate trusts for e-ticket codes: "gate-keys/1".
class TrustList {
public:
    static constexpr qsizetype maxJsonBytes = 1 << 20;
    static constexpr qsizetype maxKeys = 1000;

    // Refuses the whole list, with a message naming the entry and the field,
    // when any entry is unusable: a half-understood trust list is not trusted.
    static std::optional<TrustList> parse(const QByteArray &keysJson, QString *error);

    const std::vector<TrustedKey> &keys() const { return m_keys; }
    // Every key with this kid, whatever its algorithm and status.
    std::vector<const TrustedKey *> keysWithKid(const QByteArray &kid) const;

private:
    std::vector<TrustedKey> m_keys;
};

// The spec's key id: the first 8 bytes of SHA-256 over the raw public key.
QByteArray keyIdOf(const QByteArray &rawPublicKey);

} // namespace gate::eticket
