#include "core/credentials/eticket/verifier.h"

#include "core/credentials/eticket/base45.h"
#include "core/credentials/eticket/claimsdecoder.h"
#include "core/credentials/eticket/cosesign1.h"
#include "core/credentials/eticket/ecdsalows.h"

namespace gate::eticket {

namespace {

// Base45 turns every 2 bytes into 3 characters.
constexpr qsizetype maxCodeTextLength = codePrefix.size() + (maxCodeBytes + 1) / 2 * 3;

Verification finish(Verification result, Outcome outcome) {
    result.outcome = outcome;
    return result;
}

const TrustedKey *findSigningKey(const TrustList &trust, const CoseSign1 &cose,
                                 SignatureAlgorithm algorithm) {
    // A high-s ES256 signature verifies too; refusing it leaves one valid
    // encoding per code (spec: s <= n/2).
    if (algorithm == SignatureAlgorithm::ES256 && !isLowSEcdsaP256(cose.signature))
        return nullptr;
    const QByteArray message = signatureInput(cose.protectedHeader, cose.payload);
    for (const TrustedKey *key : trust.keysWithKid(cose.kid)) {
        if (key->algorithm == algorithm && key->verifies(message, cose.signature))
            return key;
    }
    return nullptr;
}

} // namespace

QString toString(Outcome outcome) {
    switch (outcome) {
    case Outcome::Malformed:
        return QStringLiteral("malformed");
    case Outcome::UnsupportedAlg:
        return QStringLiteral("unsupported_alg");
    case Outcome::UnknownKey:
        return QStringLiteral("unknown_key");
    case Outcome::BadSignature:
        return QStringLiteral("bad_signature");
    case Outcome::KeyRevoked:
        return QStringLiteral("key_revoked");
    case Outcome::IssuerMismatch:
        return QStringLiteral("issuer_mismatch");
    case Outcome::KeyExpired:
        return QStringLiteral("key_expired");
    case Outcome::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case Outcome::Expired:
        return QStringLiteral("expired");
    case Outcome::Valid:
        return QStringLiteral("valid");
    }
    return QStringLiteral("malformed");
}

Verification verify(QStringView text, const TrustList &trust, qint64 nowSecs, int skewSecs) {
    Verification result;
    if (!text.startsWith(codePrefix)) {
        result.detail = QStringLiteral("no RT1: prefix");
        return finish(result, Outcome::Malformed);
    }
    if (text.size() > maxCodeTextLength) {
        result.detail = QStringLiteral("code longer than %1 bytes").arg(maxCodeBytes);
        return finish(result, Outcome::Malformed);
    }
    const std::optional<QByteArray> bytes =
        decodeBase45(text.sliced(codePrefix.size()), maxCodeBytes);
    if (!bytes) {
        result.detail = QStringLiteral("not Base45");
        return finish(result, Outcome::Malformed);
    }
    const std::optional<CoseSign1> cose = parseCoseSign1(*bytes, &result.detail);
    if (!cose)
        return finish(result, Outcome::Malformed);
    result.kid = cose->kid;

    const std::optional<SignatureAlgorithm> algorithm = signatureAlgorithmFromCose(cose->alg);
    if (!algorithm)
        return finish(result, Outcome::UnsupportedAlg);
    result.alg = toString(*algorithm);
    if (trust.keysWithKid(cose->kid).empty())
        return finish(result, Outcome::UnknownKey);
    const TrustedKey *key = findSigningKey(trust, *cose, *algorithm);
    if (!key)
        return finish(result, Outcome::BadSignature);

    result.claims = decodeClaims(cose->claims);
    if (key->status == TrustedKey::Status::Revoked)
        return finish(result, Outcome::KeyRevoked);
    // A partner's key signs only its own issuer's tickets. Checked on the raw
    // claim, before the others: a missing or mistyped iss is not this key's.
    if (issuerClaim(cose->claims) != key->issuer) {
        result.detail = QStringLiteral("claim iss is not the signing key's issuer");
        return finish(result, Outcome::IssuerMismatch);
    }
    if (!result.claims) {
        result.detail = QStringLiteral("required claims missing or mistyped");
        return finish(result, Outcome::Malformed);
    }
    const TicketClaims &claims = *result.claims;
    if (claims.iat < key->notBefore || claims.iat > key->expires)
        return finish(result, Outcome::KeyExpired);
    if (claims.iat > nowSecs + skewSecs)
        return finish(result, Outcome::NotYetValid);
    if (claims.exp < nowSecs - skewSecs)
        return finish(result, Outcome::Expired);
    return finish(result, Outcome::Valid);
}

} // namespace gate::eticket
