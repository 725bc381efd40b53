#pragma once

#include "core/credentials/ticketclaims.h"
#include "signingkey.h"

#include <QByteArray>
#include <QString>

namespace gate::issuer {

// Building RT1 e-ticket codes (spec/eticket-qr.md), in steps so that tests
// can also build codes the issuer would never sign.

// COSE algorithm number of a signing key: -8 (EdDSA) or -7 (ES256).
qint64 coseAlgorithm(SigningKey::Algorithm algorithm);

// The claims map, deterministic: integer keys first, then text keys, optional
// claims only when set.
QByteArray encodeClaims(const TicketClaims &claims);

// The protected header map {1: alg, 4: kid}.
QByteArray encodeProtectedHeader(qint64 coseAlg, const QByteArray &kid);

// COSE_Sign1 with tag 18, an empty unprotected map and `key`'s signature
// over the Sig_structure of `protectedHeader` and `payload`.
QByteArray signCoseSign1(const QByteArray &protectedHeader, const QByteArray &payload,
                         const SigningKey &key);

// "RT1:" followed by the Base45 of the COSE bytes.
QString rt1Text(const QByteArray &cose);

// The whole recipe: claims signed with `key` under its own kid.
QString issueTicketCode(const TicketClaims &claims, const SigningKey &key);

} // namespace gate::issuer
