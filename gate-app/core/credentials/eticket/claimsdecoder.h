#pragma once

#include "core/credentials/eticket/cborreader.h"
#include "core/credentials/ticketclaims.h"

#include <optional>

namespace gate::eticket {

// The claims of spec/eticket-qr.md from a decoded claims map: every required
// claim present and well typed, every optional one well typed when present,
// unknown ones ignored. nullopt otherwise.
std::optional<TicketClaims> decodeClaims(const CborItem &map);

// The claim iss (1) alone, when it is a text; checked against the signing
// key before the other claims are (spec/eticket-qr.md, issuer_mismatch).
std::optional<QString> issuerClaim(const CborItem &map);

} // namespace gate::eticket
