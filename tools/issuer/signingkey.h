#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace gate::issuer {

// A private signing key of the ticket system: Ed25519 (e-ticket codes and
// ticket-list manifests) or ECDSA P-256 (ES256 codes). Stored as PKCS#8 PEM.
class SigningKey {
public:
    enum class Algorithm { Ed25519, P256 };

    static SigningKey generate(Algorithm algorithm);
    // Reads a PEM private key; an invalid key comes back !isValid() with `error` set.
    static SigningKey load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    bool isValid() const { return bool(m_key); }
    Algorithm algorithm() const { return m_algorithm; }
    // 32 bytes for Ed25519, the 65-byte uncompressed point for P-256.
    QByteArray rawPublicKey() const;
    // 64 bytes: the Ed25519 signature, or r||s of ES256 over SHA-256(message).
    QByteArray sign(const QByteArray &message) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    Algorithm m_algorithm = Algorithm::Ed25519;
};

} // namespace gate::issuer
