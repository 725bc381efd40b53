#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace gate::tickets {

// The gate's X25519 device key (spec/ticket-list.md, sealed keys): made on
// the gate, the private half never leaving it. The ticket system enrols the
// public half and seals K_list and K_bind to it. The file holds the base64
// of the raw 32-byte private key on one line, mode 0600.
class DeviceKey {
public:
    static constexpr qsizetype rawKeyBytes = 32;
    static constexpr qsizetype kidBytes = 8;

    static std::optional<DeviceKey> generate(QString *error);
    static std::optional<DeviceKey> fromRawPrivateKey(const QByteArray &raw, QString *error);
    // Refuses a file readable by group or others: a copied device key opens
    // every list the gate can open.
    static std::optional<DeviceKey> load(const QString &path, QString *error);
    // Writes a new file with mode 0600; refuses to replace an existing one
    // (that would un-enrol the gate).
    bool saveNew(const QString &path, QString *error) const;

    QByteArray publicKey() const { return m_publicKey; } // raw, 32 bytes
    QByteArray kid() const;                              // first 8 bytes of SHA-256(publicKey)
    EVP_PKEY *privateKey() const { return m_key.get(); }

private:
    explicit DeviceKey(std::shared_ptr<EVP_PKEY> key);

    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_publicKey;
};

// The gate kid of a raw X25519 public key (the same rule as DeviceKey::kid()).
QByteArray deviceKidOf(const QByteArray &rawPublicKey);

} // namespace gate::tickets
