#pragma once

#include "core/credentials/ticketclaims.h"

namespace gate::testing {

// Claims of a typical ticket, as printed on the spec's sample: the size of a
// real code (QR version 8 to 10) once signed.
inline TicketClaims typicalTicketClaims(qint64 issuedAt) {
    TicketClaims claims;
    claims.iss = QStringLiteral("CR");
    claims.iat = issuedAt;
    claims.exp = issuedAt + 86400;
    claims.tid = QStringLiteral("E0012345678");
    claims.train = QStringLiteral("G1234");
    claims.dep = QStringLiteral("VNP");
    claims.arr = QStringLiteral("AOH");
    claims.departure = issuedAt + 18000;
    claims.car = 5;
    claims.seat = QStringLiteral("12A");
    claims.seatClass = QStringLiteral("2");
    claims.maskedName = QStringLiteral("ZHANG*");
    claims.holderBinding = QByteArray::fromHex("0102030405060708");
    claims.bindingKey = 1;
    return claims;
}

} // namespace gate::testing
