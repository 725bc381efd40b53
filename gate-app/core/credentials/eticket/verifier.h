#pragma once

#include "core/credentials/eticket/trustlist.h"
#include "core/credentials/ticketclaims.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace gate::eticket {

// The outcomes of spec/eticket-qr.md, in the order the checks run.
enum class Outcome {
    Malformed,
    UnsupportedAlg,
    UnknownKey,
    BadSignature,
    KeyRevoked,
    IssuerMismatch,
    KeyExpired,
    NotYetValid,
    Expired,
    Valid,
};

// The spec's codes: "malformed", "unsupported_alg", ..., "valid".
QString toString(Outcome outcome);

// What verifying one code found. `kid` and `alg` are filled as soon as the
// envelope was readable; `claims` only when the signature verified (and the
// claims are well typed), so nothing unsigned is ever shown.
struct Verification {
    Outcome outcome = Outcome::Malformed;
    QByteArray kid;
    QString alg; // "EdDSA" or "ES256"; empty when unknown
    std::optional<TicketClaims> claims;
    QString detail; // why a code is malformed, for staff and logs; no passenger data
};

constexpr QLatin1StringView codePrefix("RT1:");
constexpr qsizetype maxCodeBytes = 1024;
constexpr int defaultClockSkewSecs = 300;

// Verifies one code's text, offline, against the trust list at `nowSecs`
// (Unix seconds). Stops at the first failing check of the spec's table.
Verification verify(QStringView text, const TrustList &trust, qint64 nowSecs,
                    int skewSecs = defaultClockSkewSecs);

} // namespace gate::eticket
