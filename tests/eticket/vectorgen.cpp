// Writes the RT1 test vectors of tests/eticket/vectors: one JSON file per
// case, in the shape of the EU DCC test data (PREFIX, COSE, CBOR, JSON,
// TESTCTX with keys and validation clock, EXPECTEDRESULTS). Run once; the
// output is checked in, so new keys appear only when someone regenerates.
//   eticket-vectorgen <output folder>

#include "code_issue.h"
#include "core/credentials/eticket/claimsjson.h"
#include "core/credentials/eticket/cosesign1.h"
#include "core/credentials/eticket/trustlist.h"
#include "signingkey.h"

#include <QCborStreamWriter>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <functional>
#include <memory>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

using gate::TicketClaims;
using gate::issuer::SigningKey;
namespace issuer = gate::issuer;

namespace {

constexpr qint64 validationClock = 1763700000; // 2025-11-21T04:40:00Z
constexpr qint64 day = 86400;

struct NamedKey {
    SigningKey key;
    QByteArray kid;
    QString status;
    qint64 nbf;
    qint64 exp;
    QString issuer = QStringLiteral("CR");
};

class VectorWriter {
public:
    explicit VectorWriter(QString folder)
        : m_folder(std::move(folder)) {
        const auto add = [this](const char *name, SigningKey::Algorithm alg, const char *status,
                                qint64 nbf, qint64 exp) {
            SigningKey key = SigningKey::generate(alg);
            const QByteArray kid = gate::eticket::keyIdOf(key.rawPublicKey());
            m_keys.insert(QString::fromLatin1(name),
                          NamedKey{key, kid, QString::fromLatin1(status), nbf, exp});
        };
        const qint64 now = validationClock;
        add("ed", SigningKey::Algorithm::Ed25519, "active", now - 365 * day, now + 365 * day);
        add("es", SigningKey::Algorithm::P256, "active", now - 365 * day, now + 365 * day);
        add("edRevoked", SigningKey::Algorithm::Ed25519, "revoked", now - 365 * day,
            now + 365 * day);
        add("esRevoked", SigningKey::Algorithm::P256, "revoked", now - 365 * day, now + 365 * day);
        add("edRetired", SigningKey::Algorithm::Ed25519, "retired", now - 730 * day,
            now - 30 * day);
        add("esRetired", SigningKey::Algorithm::P256, "retired", now - 730 * day, now - 30 * day);
        add("edRotationOld", SigningKey::Algorithm::Ed25519, "retired", now - 730 * day,
            now + 365 * day);
        add("edRotationNew", SigningKey::Algorithm::Ed25519, "active", now - 30 * day,
            now + 730 * day);
        // Rotation: the new key shares the old key's kid (a collision the
        // verifier must survive by trying every key with that kid).
        m_keys["edRotationNew"].kid = m_keys["edRotationOld"].kid;
        // A partner's key: it signs for issuer "PX" only.
        add("edPartner", SigningKey::Algorithm::Ed25519, "active", now - 365 * day,
            now + 365 * day);
        m_keys["edPartner"].issuer = QStringLiteral("PX");
        m_untrusted = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    }

    const NamedKey &key(const char *name) const {
        return m_keys.find(QString::fromLatin1(name)).value();
    }
    const SigningKey &untrusted() const { return m_untrusted; }

    QJsonObject trustList() const {
        QJsonArray keys;
        for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
            const NamedKey &k = it.value();
            const bool ed = k.key.algorithm() == SigningKey::Algorithm::Ed25519;
            keys.append(QJsonObject{
                {QStringLiteral("kid"), QString::fromLatin1(k.kid.toBase64())},
                {QStringLiteral("alg"), ed ? QStringLiteral("EdDSA") : QStringLiteral("ES256")},
                {QStringLiteral("pub"), QString::fromLatin1(k.key.rawPublicKey().toBase64())},
                {QStringLiteral("iss"), k.issuer},
                {QStringLiteral("nbf"), k.nbf},
                {QStringLiteral("exp"), k.exp},
                {QStringLiteral("status"), k.status},
            });
        }
        return {{QStringLiteral("format"), QStringLiteral("gate-keys/1")},
                {QStringLiteral("keys"), keys}};
    }

    // One vector file. `cose` and `payload` may be empty for inputs that are
    // not even Base45.
    void write(const QString &name, const QString &description, const QString &text,
               const QString &outcome, const QByteArray &cose = {}, const QByteArray &payload = {},
               const QJsonObject &claims = {}) const {
        QJsonObject vector{
            {QStringLiteral("PREFIX"), text},
            {QStringLiteral("TESTCTX"),
             QJsonObject{
                 {QStringLiteral("VERSION"), 1},
                 {QStringLiteral("SCHEMA"), QStringLiteral("RT1")},
                 {QStringLiteral("DESCRIPTION"), description},
                 {QStringLiteral("VALIDATIONCLOCK"), validationClock},
                 {QStringLiteral("VALIDATIONCLOCK_ISO"),
                  QDateTime::fromSecsSinceEpoch(validationClock, Qt::UTC).toString(Qt::ISODate)},
                 {QStringLiteral("SKEW"), 300},
                 {QStringLiteral("KEYS"), trustList()},
             }},
            {QStringLiteral("EXPECTEDRESULTS"),
             QJsonObject{{QStringLiteral("OUTCOME"), outcome},
                         {QStringLiteral("EXPECTEDCLAIMS"), !claims.isEmpty()}}},
        };
        if (!cose.isEmpty())
            vector.insert(QStringLiteral("COSE"), QString::fromLatin1(cose.toHex()));
        if (!payload.isEmpty())
            vector.insert(QStringLiteral("CBOR"), QString::fromLatin1(payload.toHex()));
        if (!claims.isEmpty())
            vector.insert(QStringLiteral("JSON"), claims);
        QFile file(QDir(m_folder).filePath(name + QStringLiteral(".json")));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(vector).toJson(QJsonDocument::Indented)) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }

private:
    QString m_folder;
    QMap<QString, NamedKey> m_keys;
    SigningKey m_untrusted;
};

TicketClaims baseClaims() {
    TicketClaims claims;
    claims.iss = QStringLiteral("CR");
    claims.iat = validationClock - 3600;
    claims.exp = validationClock + day;
    claims.tid = QStringLiteral("E0012345678");
    claims.train = QStringLiteral("G1234");
    claims.dep = QStringLiteral("VNP");
    claims.arr = QStringLiteral("AOH");
    claims.departure = validationClock + 4 * 3600;
    return claims;
}

qint64 coseAlg(const NamedKey &k) {
    return issuer::coseAlgorithm(k.key.algorithm());
}

// A CBOR byte string written with QCborStreamWriter callbacks, for the
// shapes the issuer would never produce.
QByteArray cbor(const std::function<void(QCborStreamWriter &)> &write) {
    QByteArray out;
    QCborStreamWriter writer(&out);
    write(writer);
    return out;
}

// COSE_Sign1 from parts, with control over every element.
QByteArray coseFromParts(const QByteArray &protectedHeader, const QByteArray &payload,
                         const QByteArray &signature, bool tagged = true) {
    return cbor([&](QCborStreamWriter &w) {
        if (tagged)
            w.append(QCborTag(18));
        w.startArray(4);
        w.append(protectedHeader);
        w.startMap(0);
        w.endMap();
        w.append(payload);
        w.append(signature);
        w.endArray();
    });
}

QByteArray signatureOver(const NamedKey &k, const QByteArray &protectedHeader,
                         const QByteArray &payload) {
    return k.key.sign(gate::eticket::signatureInput(protectedHeader, payload));
}

// A payload that is a claims map plus raw extra entries (`extraCount` of them).
QByteArray claimsWithExtra(const TicketClaims &claims, int extraCount, const QByteArray &extra) {
    QByteArray map = issuer::encodeClaims(claims);
    // encodeClaims writes a definite map with fewer than 24 entries: one head byte.
    map[0] = char(quint8(map[0]) + extraCount);
    return map + extra;
}

// --- Strict Ed25519: small-order keys and non-canonical signatures ---------

// Encodings of Ed25519 points of small order, and a non-canonical one: under
// any of them a forged signature (R = identity, S = 0) verifies for many
// messages in a lax verifier. A trust list holding one is refused whole.
struct SmallOrderKey {
    const char *name;
    const char *description;
    const char *hex;
};
constexpr SmallOrderKey smallOrderKeys[] = {
    {"identity", "the identity point (order 1)",
     "0100000000000000000000000000000000000000000000000000000000000000"},
    {"all_zero", "the all-zero encoding (a point of order 4)",
     "0000000000000000000000000000000000000000000000000000000000000000"},
    {"order_8", "a point of order 8",
     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"},
    {"non_canonical_identity", "the identity point encoded with y = p + 1 (non-canonical)",
     "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"},
};

// A vector whose trust list must be refused when it is loaded
// (EXPECTEDRESULTS.TRUSTLIST = "refused"); its code is signed R = identity,
// S = 0 under that key's kid, so a gate that loaded the list would admit it.
void writeSmallOrderTrustListVectors(const QString &folder) {
    for (const SmallOrderKey &bad : smallOrderKeys) {
        const QByteArray pub = QByteArray::fromHex(bad.hex);
        const QByteArray kid = gate::eticket::keyIdOf(pub);
        const QByteArray payload = issuer::encodeClaims(baseClaims());
        const QByteArray header = issuer::encodeProtectedHeader(-8, kid);
        QByteArray forged(64, '\0');
        forged[0] = 1;
        const QJsonObject keys{
            {QStringLiteral("format"), QStringLiteral("gate-keys/1")},
            {QStringLiteral("keys"),
             QJsonArray{QJsonObject{{QStringLiteral("kid"), QString::fromLatin1(kid.toBase64())},
                                    {QStringLiteral("alg"), QStringLiteral("EdDSA")},
                                    {QStringLiteral("pub"), QString::fromLatin1(pub.toBase64())},
                                    {QStringLiteral("iss"), QStringLiteral("CR")},
                                    {QStringLiteral("nbf"), validationClock - 365 * day},
                                    {QStringLiteral("exp"), validationClock + 365 * day},
                                    {QStringLiteral("status"), QStringLiteral("active")}}}}};
        const QJsonObject vector{
            {QStringLiteral("PREFIX"), issuer::rt1Text(coseFromParts(header, payload, forged))},
            {QStringLiteral("TESTCTX"),
             QJsonObject{{QStringLiteral("VERSION"), 1},
                         {QStringLiteral("SCHEMA"), QStringLiteral("RT1")},
                         {QStringLiteral("DESCRIPTION"),
                          QStringLiteral("trust list with a small-order or non-canonical "
                                         "Ed25519 key: ") +
                              QLatin1String(bad.description)},
                         {QStringLiteral("VALIDATIONCLOCK"), validationClock},
                         {QStringLiteral("SKEW"), 300},
                         {QStringLiteral("KEYS"), keys}}},
            {QStringLiteral("EXPECTEDRESULTS"),
             QJsonObject{{QStringLiteral("TRUSTLIST"), QStringLiteral("refused")}}},
        };
        QFile file(QDir(folder).filePath(
            QStringLiteral("trustlist_refused_small_order_%1.json").arg(QLatin1String(bad.name))));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(vector).toJson(QJsonDocument::Indented)) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }
}

// Writes one code's vector: a code signed under one of the writer's keys, or
// one built by hand, with the outcome a verifier must give.
class CodeWriter {
public:
    explicit CodeWriter(const VectorWriter &out)
        : m_out(out) {}

    const VectorWriter &out() const { return m_out; }

    // A correctly signed code for a raw payload under key `k`.
    QByteArray signedCode(const NamedKey &k, const QByteArray &payload) const {
        const QByteArray header = issuer::encodeProtectedHeader(coseAlg(k), k.kid);
        return issuer::signCoseSign1(header, payload, k.key);
    }
    void writeCode(const QString &name, const QString &description, const QString &outcome,
                   const QByteArray &cose, const QByteArray &payload,
                   const QJsonObject &claims = {}) const {
        m_out.write(name, description, issuer::rt1Text(cose), outcome, cose, payload, claims);
    }
    void emitClaims(const QString &name, const QString &description, const char *keyName,
                    const TicketClaims &claims, const QString &outcome) const {
        const QByteArray payload = issuer::encodeClaims(claims);
        writeCode(name, description, outcome, signedCode(m_out.key(keyName), payload), payload,
                  gate::eticket::toJson(claims));
    }

private:
    const VectorWriter &m_out;
};

// Ed25519's group order L, little-endian.
constexpr unsigned char ed25519Order[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// Signatures a lax verifier accepts under a real key: S + L (the same scalar,
// a second encoding of one code) and R of small order.
void writeNonCanonicalSignatureVectors(const CodeWriter &codes) {
    const NamedKey &k = codes.out().key("ed");
    const QByteArray payload = issuer::encodeClaims(baseClaims());
    const QByteArray header = issuer::encodeProtectedHeader(coseAlg(k), k.kid);
    QByteArray sPlusL = signatureOver(k, header, payload);
    unsigned carry = 0;
    for (int i = 0; i < 32; ++i) {
        const unsigned sum = quint8(sPlusL[32 + i]) + ed25519Order[i] + carry;
        sPlusL[32 + i] = char(sum & 0xff);
        carry = sum >> 8;
    }
    codes.writeCode(QStringLiteral("bad_signature_ed_s_plus_l"),
                    QStringLiteral("a valid EdDSA signature with L added to S (S >= L)"),
                    QStringLiteral("bad_signature"), coseFromParts(header, payload, sPlusL),
                    payload);
    QByteArray identityR(64, '\0');
    identityR[0] = 1;
    codes.writeCode(QStringLiteral("bad_signature_ed_small_order_r"),
                    QStringLiteral("R = identity, S = 0 under a real key"),
                    QStringLiteral("bad_signature"), coseFromParts(header, payload, identityR),
                    payload);
}

// The claim iss against the signing key's iss, after key_revoked and before
// the claims' own checks.
void writeIssuerBindingVectors(const VectorWriter &out) {
    const auto write = [&](const QString &name, const QString &description, const char *keyName,
                           const QByteArray &payload, const QString &outcome,
                           const QJsonObject &claims = {}) {
        const NamedKey &k = out.key(keyName);
        const QByteArray cose =
            issuer::signCoseSign1(issuer::encodeProtectedHeader(coseAlg(k), k.kid), payload, k.key);
        out.write(name, description, issuer::rt1Text(cose), outcome, cose, payload, claims);
    };
    write(QStringLiteral("issuer_mismatch_partner_key"),
          QStringLiteral("a partner's key (iss PX) signs a ticket of issuer CR"), "edPartner",
          issuer::encodeClaims(baseClaims()), QStringLiteral("issuer_mismatch"));
    TicketClaims partnerTicket = baseClaims();
    partnerTicket.iss = QStringLiteral("PX");
    write(QStringLiteral("valid_partner_own_issuer"),
          QStringLiteral("a partner's key signs a ticket of its own issuer"), "edPartner",
          issuer::encodeClaims(partnerTicket), QStringLiteral("valid"),
          gate::eticket::toJson(partnerTicket));
    write(QStringLiteral("issuer_mismatch_other_claims_mistyped"),
          QStringLiteral("iss CR under the partner key, iat as text, other claims missing: the "
                         "issuer is checked first"),
          "edPartner", cbor([](QCborStreamWriter &w) {
              w.startMap(2);
              w.append(qint64(1));
              w.append(QLatin1StringView("CR"));
              w.append(qint64(6));
              w.append(QLatin1StringView("yesterday"));
              w.endMap();
          }),
          QStringLiteral("issuer_mismatch"));
    write(QStringLiteral("issuer_mismatch_iss_missing"),
          QStringLiteral("no iss claim at all: not the signing key's issuer"), "ed",
          cbor([](QCborStreamWriter &w) {
              w.startMap(1);
              w.append(QLatin1StringView("tid"));
              w.append(QLatin1StringView("E1"));
              w.endMap();
          }),
          QStringLiteral("issuer_mismatch"));
    write(QStringLiteral("key_revoked_before_issuer"),
          QStringLiteral("revoked key and another issuer: revocation is checked first"),
          "edRevoked", issuer::encodeClaims(partnerTicket), QStringLiteral("key_revoked"));
}

// ES256 accepts s and n - s alike; the spec takes only s <= n/2.
void writeHighSVectors(const VectorWriter &out) {
    const NamedKey &k = out.key("es");
    const QByteArray payload = issuer::encodeClaims(baseClaims());
    const QByteArray header = issuer::encodeProtectedHeader(coseAlg(k), k.kid);
    const QByteArray lowS = signatureOver(k, header, payload);
    std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group(
        EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), EC_GROUP_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> s(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(lowS.constData()) + 32, 32, nullptr),
        BN_free);
    if (!group || !s || BN_sub(s.get(), EC_GROUP_get0_order(group.get()), s.get()) != 1)
        qFatal("cannot compute n - s");
    QByteArray highS = lowS.left(32) + QByteArray(32, '\0');
    BN_bn2binpad(s.get(), reinterpret_cast<unsigned char *>(highS.data()) + 32, 32);
    const QByteArray cose = coseFromParts(header, payload, highS);
    out.write(QStringLiteral("bad_signature_high_s_es256"),
              QStringLiteral("the issuer's ES256 signature with s replaced by n - s (verifies "
                             "mathematically, refused as a second encoding)"),
              issuer::rt1Text(cose), QStringLiteral("bad_signature"), cose, payload);
    const QByteArray lowCose = coseFromParts(header, payload, lowS);
    out.write(QStringLiteral("valid_low_s_es256"),
              QStringLiteral("the same code with its low-s signature"), issuer::rt1Text(lowCose),
              QStringLiteral("valid"), lowCose, payload, gate::eticket::toJson(baseClaims()));
}

// Codes that verify: both algorithms, every optional claim, no tag, unknown
// claims, the skew's edges.
void writeValidVectors(const CodeWriter &codes) {
    const VectorWriter &out = codes.out();
    const qint64 now = validationClock;
    codes.emitClaims(QStringLiteral("valid_eddsa"), QStringLiteral("EdDSA code, active key"), "ed",
                     baseClaims(), QStringLiteral("valid"));
    codes.emitClaims(QStringLiteral("valid_es256"), QStringLiteral("ES256 code, active key"), "es",
                     baseClaims(), QStringLiteral("valid"));
    {
        TicketClaims full = baseClaims();
        full.car = 5;
        full.seat = QStringLiteral("12A");
        full.seatClass = QStringLiteral("2");
        full.maskedName = QStringLiteral("ZHANG*");
        full.holderBinding = QByteArray::fromHex("0102030405060708");
        full.bindingKey = 3;
        codes.emitClaims(QStringLiteral("valid_all_claims"),
                         QStringLiteral("every optional claim, holder binding"), "ed", full,
                         QStringLiteral("valid"));
    }
    {
        const NamedKey &k = out.key("ed");
        const QByteArray payload = issuer::encodeClaims(baseClaims());
        const QByteArray header = issuer::encodeProtectedHeader(coseAlg(k), k.kid);
        codes.writeCode(QStringLiteral("valid_untagged"),
                        QStringLiteral("COSE_Sign1 without tag 18"), QStringLiteral("valid"),
                        coseFromParts(header, payload, signatureOver(k, header, payload), false),
                        payload, gate::eticket::toJson(baseClaims()));
    }
    {
        const QByteArray extra = cbor([](QCborStreamWriter &w) {
            w.append(QLatin1StringView("zzz"));
            w.startArray(2);
            w.append(qint64(1));
            w.append(QLatin1StringView("ignored"));
            w.endArray();
        });
        const QByteArray payload = claimsWithExtra(baseClaims(), 1, extra);
        codes.writeCode(QStringLiteral("valid_unknown_claim_ignored"),
                        QStringLiteral("unknown claims are ignored"), QStringLiteral("valid"),
                        codes.signedCode(out.key("ed"), payload), payload,
                        gate::eticket::toJson(baseClaims()));
    }
    {
        TicketClaims claims = baseClaims();
        claims.iat = now + 299;
        codes.emitClaims(QStringLiteral("valid_iat_inside_skew"),
                         QStringLiteral("iat 299 s in the future: inside the 300 s skew"), "ed",
                         claims, QStringLiteral("valid"));
        claims = baseClaims();
        claims.exp = now - 299;
        codes.emitClaims(QStringLiteral("valid_exp_inside_skew"),
                         QStringLiteral("exp 299 s in the past: inside the 300 s skew"), "es",
                         claims, QStringLiteral("valid"));
    }
}

// Key rotation and each key status.
void writeKeyStatusVectors(const CodeWriter &codes) {
    const qint64 now = validationClock;
    codes.emitClaims(
        QStringLiteral("rotation_old_key"),
        QStringLiteral("two keys share a kid; signed by the first (retired, in window)"),
        "edRotationOld", baseClaims(), QStringLiteral("valid"));
    codes.emitClaims(QStringLiteral("rotation_new_key"),
                     QStringLiteral("two keys share a kid; signed by the second"), "edRotationNew",
                     baseClaims(), QStringLiteral("valid"));
    {
        TicketClaims claims = baseClaims();
        claims.iat = now - 60 * day;
        claims.exp = now + day;
        codes.emitClaims(QStringLiteral("retired_key_in_window_eddsa"),
                         QStringLiteral("retired key, code issued inside its window"), "edRetired",
                         claims, QStringLiteral("valid"));
        codes.emitClaims(QStringLiteral("retired_key_in_window_es256"),
                         QStringLiteral("retired ES256 key, code issued inside its window"),
                         "esRetired", claims, QStringLiteral("valid"));
        claims.iat = now - 10 * day;
        codes.emitClaims(QStringLiteral("key_expired_retired_after_window"),
                         QStringLiteral("retired key, code issued after its window"), "edRetired",
                         claims, QStringLiteral("key_expired"));
        claims.iat = now - 40 * day;
        codes.emitClaims(QStringLiteral("key_expired_rotation_new_before_nbf"),
                         QStringLiteral("shared kid; second key signed before its nbf"),
                         "edRotationNew", claims, QStringLiteral("key_expired"));
    }
    codes.emitClaims(QStringLiteral("key_revoked_eddsa"), QStringLiteral("revoked EdDSA key"),
                     "edRevoked", baseClaims(), QStringLiteral("key_revoked"));
    codes.emitClaims(QStringLiteral("key_revoked_es256"), QStringLiteral("revoked ES256 key"),
                     "esRevoked", baseClaims(), QStringLiteral("key_revoked"));
    {
        TicketClaims claims = baseClaims();
        claims.iat = now - 400 * day;
        claims.exp = now - 300 * day;
        codes.emitClaims(QStringLiteral("key_expired_before_nbf"),
                         QStringLiteral("iat before the key's nbf (checked before expired)"), "ed",
                         claims, QStringLiteral("key_expired"));
        claims.iat = now + 400 * day;
        claims.exp = now + 401 * day;
        codes.emitClaims(QStringLiteral("key_expired_after_exp"),
                         QStringLiteral("iat after the key's exp (checked before not_yet_valid)"),
                         "es", claims, QStringLiteral("key_expired"));
        claims = baseClaims();
        claims.iat = now + 301;
        codes.emitClaims(QStringLiteral("not_yet_valid"), QStringLiteral("iat 301 s in the future"),
                         "ed", claims, QStringLiteral("not_yet_valid"));
        claims = baseClaims();
        claims.iat = now - 3 * day;
        claims.exp = now - 301;
        codes.emitClaims(QStringLiteral("expired_eddsa"), QStringLiteral("exp 301 s in the past"),
                         "ed", claims, QStringLiteral("expired"));
        codes.emitClaims(QStringLiteral("expired_es256"), QStringLiteral("exp 301 s in the past"),
                         "es", claims, QStringLiteral("expired"));
    }
}

// Keys and signatures.
void writeKeyAndSignatureVectors(const CodeWriter &codes) {
    const VectorWriter &out = codes.out();
    const QByteArray payload = issuer::encodeClaims(baseClaims());
    codes.writeCode(
        QStringLiteral("unknown_key"), QStringLiteral("signed by a key not in the list"),
        QStringLiteral("unknown_key"),
        issuer::signCoseSign1(issuer::encodeProtectedHeader(
                                  -8, gate::eticket::keyIdOf(out.untrusted().rawPublicKey())),
                              payload, out.untrusted()),
        payload);
    for (const char *keyName : {"ed", "es"}) {
        const NamedKey &k = out.key(keyName);
        const QByteArray header = issuer::encodeProtectedHeader(coseAlg(k), k.kid);
        QByteArray signature = signatureOver(k, header, payload);
        signature[10] = char(signature[10] ^ 0x01);
        codes.writeCode(QStringLiteral("bad_signature_%1").arg(QLatin1StringView(keyName)),
                        QStringLiteral("one signature bit flipped"),
                        QStringLiteral("bad_signature"), coseFromParts(header, payload, signature),
                        payload);
        TicketClaims changed = baseClaims();
        changed.seat = QStringLiteral("1A");
        codes.writeCode(
            QStringLiteral("bad_signature_payload_changed_%1").arg(QLatin1StringView(keyName)),
            QStringLiteral("payload changed after signing"), QStringLiteral("bad_signature"),
            coseFromParts(header, issuer::encodeClaims(changed), signatureOver(k, header, payload)),
            issuer::encodeClaims(changed));
    }
    // The ed key's kid with alg ES256, signed by an ES256 key outside the list.
    const SigningKey stranger = SigningKey::generate(SigningKey::Algorithm::P256);
    const QByteArray header = issuer::encodeProtectedHeader(-7, out.key("ed").kid);
    codes.writeCode(QStringLiteral("bad_signature_alg_mismatch"),
                    QStringLiteral("known kid, but no key with that kid for ES256"),
                    QStringLiteral("bad_signature"),
                    issuer::signCoseSign1(header, payload, stranger), payload);
    const QByteArray rotationHeader =
        issuer::encodeProtectedHeader(-8, out.key("edRotationOld").kid);
    codes.writeCode(QStringLiteral("bad_signature_shared_kid"),
                    QStringLiteral("shared kid, signed by neither key with it"),
                    QStringLiteral("bad_signature"),
                    issuer::signCoseSign1(rotationHeader, payload, out.untrusted()), payload);
    for (const qint64 alg : {qint64(-35), qint64(-37), qint64(-257)}) {
        const QByteArray h = issuer::encodeProtectedHeader(alg, out.key("ed").kid);
        codes.writeCode(QStringLiteral("unsupported_alg_%1").arg(-alg),
                        QStringLiteral("alg %1 is not EdDSA or ES256").arg(alg),
                        QStringLiteral("unsupported_alg"),
                        coseFromParts(h, payload, QByteArray(64, '\x55')), payload);
    }
}

// Well-signed payloads whose claims break the spec (checked after the signature).
void writeClaimRuleVectors(const CodeWriter &codes) {
    const VectorWriter &out = codes.out();
    const auto claimsVariant = [&](const QString &name, const QString &description,
                                   const std::function<void(TicketClaims &)> &change) {
        TicketClaims claims = baseClaims();
        change(claims);
        const QByteArray payload = issuer::encodeClaims(claims);
        codes.writeCode(name, description, QStringLiteral("malformed"),
                        codes.signedCode(out.key("ed"), payload), payload);
    };
    claimsVariant(QStringLiteral("malformed_claims_empty_tid"), QStringLiteral("empty tid"),
                  [](TicketClaims &c) { c.tid.clear(); });
    claimsVariant(QStringLiteral("malformed_claims_tid_lowercase"),
                  QStringLiteral("tid outside [A-Z0-9]"),
                  [](TicketClaims &c) { c.tid = QStringLiteral("e001"); });
    claimsVariant(QStringLiteral("malformed_claims_tid_too_long"),
                  QStringLiteral("tid of 33 characters"),
                  [](TicketClaims &c) { c.tid = QString(33, QLatin1Char('A')); });
    claimsVariant(QStringLiteral("malformed_claims_dep_length"), QStringLiteral("dep of 4 letters"),
                  [](TicketClaims &c) { c.dep = QStringLiteral("VNPX"); });
    claimsVariant(QStringLiteral("malformed_claims_trn_too_long"),
                  QStringLiteral("trn of 9 characters"),
                  [](TicketClaims &c) { c.train = QStringLiteral("G12345678"); });
    claimsVariant(QStringLiteral("malformed_claims_nm_too_long"),
                  QStringLiteral("nm of 33 characters"),
                  [](TicketClaims &c) { c.maskedName = QString(33, QLatin1Char('Z')); });
    claimsVariant(QStringLiteral("malformed_claims_hb_without_kb"),
                  QStringLiteral("holder binding without its key id"),
                  [](TicketClaims &c) { c.holderBinding = QByteArray(8, '\x01'); });
    claimsVariant(QStringLiteral("malformed_claims_hb_size"),
                  QStringLiteral("holder binding of 7 bytes"), [](TicketClaims &c) {
                      c.holderBinding = QByteArray(7, '\x01');
                      c.bindingKey = 1;
                  });
    const auto rawClaims = [&](const QString &name, const QString &description, const char *keyName,
                               const QByteArray &payload, const QString &outcome) {
        codes.writeCode(name, description, outcome, codes.signedCode(out.key(keyName), payload),
                        payload);
    };
    // The required claims with `iat` written by the caller; without dpt on request.
    const auto typed = [](const std::function<void(QCborStreamWriter &)> &iat,
                          bool withDpt = true) {
        return cbor([&](QCborStreamWriter &w) {
            const TicketClaims c = baseClaims();
            w.startMap(withDpt ? 8 : 7);
            w.append(qint64(1));
            w.append(QLatin1StringView("CR"));
            w.append(qint64(4));
            w.append(c.exp);
            w.append(qint64(6));
            iat(w);
            for (const auto &[key, value] :
                 {std::pair{"tid", c.tid}, {"trn", c.train}, {"dep", c.dep}, {"arr", c.arr}}) {
                w.append(QLatin1StringView(key));
                w.append(QStringView(value));
            }
            if (withDpt) {
                w.append(QLatin1StringView("dpt"));
                w.append(c.departure);
            }
            w.endMap();
        });
    };
    rawClaims(QStringLiteral("malformed_claims_iat_text"), QStringLiteral("iat as text"), "ed",
              typed([](QCborStreamWriter &w) { w.append(QLatin1StringView("1763696400")); }),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_claims_missing_dpt"), QStringLiteral("no dpt claim"), "es",
              typed([](QCborStreamWriter &w) { w.append(qint64(1763696400)); }, false),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_claims_iat_float"), QStringLiteral("iat as a float"), "es",
              typed([](QCborStreamWriter &w) { w.append(1763696400.0); }),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_claims_iat_huge"),
              QStringLiteral("iat beyond a 64-bit signed integer"), "ed",
              typed([](QCborStreamWriter &w) { w.append(quint64(0xFFFFFFFFFFFFFFFFull)); }),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("key_revoked_before_claims"),
              QStringLiteral("revoked key and mistyped claims: revocation is checked first"),
              "edRevoked", typed([](QCborStreamWriter &w) { w.append(QLatin1StringView("x")); }),
              QStringLiteral("key_revoked"));
    rawClaims(QStringLiteral("malformed_duplicate_claim"),
              QStringLiteral("the claims map holds tid twice"), "ed",
              claimsWithExtra(baseClaims(), 1, cbor([](QCborStreamWriter &w) {
                                  w.append(QLatin1StringView("tid"));
                                  w.append(QLatin1StringView("E999"));
                              })),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_deep_nesting"),
              QStringLiteral("an unknown claim nested five levels deep"), "ed",
              claimsWithExtra(baseClaims(), 1, cbor([](QCborStreamWriter &w) {
                                  w.append(QLatin1StringView("deep"));
                                  for (int i = 0; i < 4; ++i)
                                      w.startArray(1);
                                  w.append(qint64(0));
                                  for (int i = 0; i < 4; ++i)
                                      w.endArray();
                              })),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("valid_nesting_at_limit"),
              QStringLiteral("an unknown claim nested four levels deep in all"), "ed",
              claimsWithExtra(baseClaims(), 1, cbor([](QCborStreamWriter &w) {
                                  w.append(QLatin1StringView("deep"));
                                  for (int i = 0; i < 3; ++i)
                                      w.startArray(1);
                                  w.append(qint64(0));
                                  for (int i = 0; i < 3; ++i)
                                      w.endArray();
                              })),
              QStringLiteral("valid"));
    rawClaims(QStringLiteral("malformed_indefinite_map"),
              QStringLiteral("claims as an indefinite-length map"), "ed",
              cbor([](QCborStreamWriter &w) {
                  w.startMap();
                  w.append(qint64(1));
                  w.append(QLatin1StringView("CR"));
                  w.endMap();
              }),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_invalid_utf8"),
              QStringLiteral("a text string that is not UTF-8"), "ed",
              claimsWithExtra(baseClaims(), 1,
                              QByteArray::fromHex("63787878"
                                                  "62c328")),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_bytes_key"),
              QStringLiteral("a map key that is a byte string"), "ed",
              claimsWithExtra(baseClaims(), 1,
                              QByteArray::fromHex("4101"
                                                  "00")),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_payload_not_map"), QStringLiteral("payload is an array"),
              "ed",
              QByteArray::fromHex("8201"
                                  "02"),
              QStringLiteral("malformed"));
    rawClaims(QStringLiteral("malformed_payload_trailing_bytes"),
              QStringLiteral("payload has bytes after its map"), "ed",
              issuer::encodeClaims(baseClaims()) + QByteArray::fromHex("00"),
              QStringLiteral("malformed"));
}

// Envelope shapes.
void writeEnvelopeVectors(const CodeWriter &codes) {
    const VectorWriter &out = codes.out();
    const NamedKey &k = out.key("ed");
    const QByteArray payload = issuer::encodeClaims(baseClaims());
    const QByteArray header = issuer::encodeProtectedHeader(-8, k.kid);
    const QByteArray signature = signatureOver(k, header, payload);
    const QByteArray good = coseFromParts(header, payload, signature);
    const auto envelope = [&](const QString &name, const QString &description,
                              const QByteArray &cose) {
        codes.writeCode(name, description, QStringLiteral("malformed"), cose, {});
    };
    envelope(QStringLiteral("malformed_wrong_tag"), QStringLiteral("tag 17 instead of 18"),
             QByteArray::fromHex("d1") + good.mid(1));
    envelope(QStringLiteral("malformed_truncated"), QStringLiteral("COSE cut short by 10 bytes"),
             good.left(good.size() - 10));
    envelope(QStringLiteral("malformed_trailing_bytes"),
             QStringLiteral("bytes after the COSE array"), good + QByteArray::fromHex("f6"));
    envelope(QStringLiteral("malformed_three_elements"), QStringLiteral("array of three elements"),
             cbor([&](QCborStreamWriter &w) {
                 w.append(QCborTag(18));
                 w.startArray(3);
                 w.append(header);
                 w.startMap(0);
                 w.endMap();
                 w.append(payload);
                 w.endArray();
             }));
    envelope(QStringLiteral("malformed_not_array"), QStringLiteral("a map instead of an array"),
             cbor([&](QCborStreamWriter &w) {
                 w.startMap(1);
                 w.append(qint64(1));
                 w.append(payload);
                 w.endMap();
             }));
    envelope(QStringLiteral("malformed_indefinite_array"),
             QStringLiteral("COSE as an indefinite-length array"), cbor([&](QCborStreamWriter &w) {
                 w.append(QCborTag(18));
                 w.startArray();
                 w.append(header);
                 w.startMap(0);
                 w.endMap();
                 w.append(payload);
                 w.append(signature);
                 w.endArray();
             }));
    envelope(QStringLiteral("malformed_unprotected_not_empty"),
             QStringLiteral("kid in the unprotected header"), cbor([&](QCborStreamWriter &w) {
                 w.append(QCborTag(18));
                 w.startArray(4);
                 w.append(header);
                 w.startMap(1);
                 w.append(qint64(4));
                 w.append(k.kid);
                 w.endMap();
                 w.append(payload);
                 w.append(signature);
                 w.endArray();
             }));
    const auto withHeader = [&](const QByteArray &h) {
        return coseFromParts(h, payload, signatureOver(k, h, payload));
    };
    envelope(QStringLiteral("malformed_no_kid"), QStringLiteral("protected header without kid"),
             withHeader(cbor([](QCborStreamWriter &w) {
                 w.startMap(1);
                 w.append(qint64(1));
                 w.append(qint64(-8));
                 w.endMap();
             })));
    envelope(QStringLiteral("malformed_kid_size"), QStringLiteral("kid of 9 bytes"),
             withHeader(issuer::encodeProtectedHeader(-8, k.kid + "\x01")));
    envelope(QStringLiteral("malformed_alg_text"), QStringLiteral("alg as text"),
             withHeader(cbor([&](QCborStreamWriter &w) {
                 w.startMap(2);
                 w.append(qint64(1));
                 w.append(QLatin1StringView("EdDSA"));
                 w.append(qint64(4));
                 w.append(k.kid);
                 w.endMap();
             })));
    envelope(QStringLiteral("malformed_duplicate_header_key"),
             QStringLiteral("alg twice in the protected header"),
             withHeader(cbor([&](QCborStreamWriter &w) {
                 w.startMap(3);
                 w.append(qint64(1));
                 w.append(qint64(-8));
                 w.append(qint64(4));
                 w.append(k.kid);
                 w.append(qint64(1));
                 w.append(qint64(-7));
                 w.endMap();
             })));
    envelope(QStringLiteral("malformed_protected_not_map"),
             QStringLiteral("protected header is an array"),
             withHeader(QByteArray::fromHex("8201"
                                            "02")));
    envelope(QStringLiteral("malformed_signature_size"), QStringLiteral("signature of 63 bytes"),
             coseFromParts(header, payload, signature.left(63)));
    envelope(QStringLiteral("malformed_huge_length_prefix"),
             QStringLiteral("payload byte string claims 2^63 bytes"),
             QByteArray::fromHex("d28443a10127a05b8000000000000000") + payload);
    envelope(QStringLiteral("malformed_huge_array_count"),
             QStringLiteral("array claims 2^32 elements"),
             QByteArray::fromHex("d29b0000000100000000") + header);
    envelope(QStringLiteral("malformed_reserved_head"),
             QStringLiteral("reserved additional information 28"), QByteArray::fromHex("d29c"));
    envelope(QStringLiteral("malformed_nested_tags"), QStringLiteral("tag inside tag 18"),
             QByteArray::fromHex("d2d2") + good.mid(1));
    const QByteArray filler = cbor([](QCborStreamWriter &w) {
        w.append(QLatin1StringView("pad"));
        w.append(QByteArray(1000, 'P'));
    });
    const QByteArray bigPayload = claimsWithExtra(baseClaims(), 1, filler);
    envelope(QStringLiteral("malformed_oversized"),
             QStringLiteral("a validly signed code of more than 1024 bytes"),
             codes.signedCode(k, bigPayload));
}

// Text level: the prefix and the Base45 layer.
void writeTextVectors(const CodeWriter &codes) {
    const VectorWriter &out = codes.out();
    const NamedKey &k = out.key("ed");
    const QByteArray cose = codes.signedCode(k, issuer::encodeClaims(baseClaims()));
    const QString good = issuer::rt1Text(cose);
    const auto text = [&](const QString &name, const QString &description, const QString &input) {
        out.write(name, description, input, QStringLiteral("malformed"));
    };
    text(QStringLiteral("malformed_empty"), QStringLiteral("empty text"), QString());
    text(QStringLiteral("malformed_no_prefix"), QStringLiteral("Base45 without RT1:"), good.mid(4));
    text(QStringLiteral("malformed_other_prefix"), QStringLiteral("HC1: instead of RT1:"),
         QStringLiteral("HC1:") + good.mid(4));
    text(QStringLiteral("malformed_lowercase_prefix"), QStringLiteral("rt1: in lower case"),
         QStringLiteral("rt1:") + good.mid(4));
    text(QStringLiteral("malformed_base45_lowercase"),
         QStringLiteral("a lower-case letter outside the Base45 alphabet"),
         good.left(20) + QStringLiteral("a") + good.mid(21));
    const QString base45 = good.mid(4);
    const qsizetype whole = base45.size() / 3 * 3;
    text(QStringLiteral("malformed_base45_length"),
         QStringLiteral("Base45 length of the form 3n+1"),
         QStringLiteral("RT1:") + base45.left(whole - 2));
    text(QStringLiteral("malformed_base45_overflow"), QStringLiteral("a Base45 triple above 65535"),
         QStringLiteral("RT1::::") + base45);
    text(QStringLiteral("malformed_base45_pair_overflow"),
         QStringLiteral("a final Base45 pair above 255"),
         QStringLiteral("RT1:") + base45.left(whole) + QStringLiteral("::"));
    text(QStringLiteral("malformed_truncated_text"),
         QStringLiteral("the text cut in half (as a partial scan)"),
         good.left(good.size() / 2 / 3 * 3 + 4));
    text(QStringLiteral("malformed_oversized_text"), QStringLiteral("4000 Base45 characters"),
         QStringLiteral("RT1:") + QString(3999, QLatin1Char('0')));
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        QTextStream(stderr) << "usage: eticket-vectorgen OUTPUT_FOLDER\n";
        return 2;
    }
    const QString folder = app.arguments().at(1);
    QDir().mkpath(folder);
    const VectorWriter out(folder);
    writeIssuerBindingVectors(out);
    writeHighSVectors(out);

    const CodeWriter codes(out);
    writeValidVectors(codes);
    writeKeyStatusVectors(codes);
    writeKeyAndSignatureVectors(codes);
    writeClaimRuleVectors(codes);
    writeEnvelopeVectors(codes);
    writeTextVectors(codes);
    writeSmallOrderTrustListVectors(folder);
    writeNonCanonicalSignatureVectors(codes);
    return 0;
}
