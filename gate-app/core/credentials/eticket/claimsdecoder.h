#pragma once

#include "core/credentials/eticket/cborreader.h"
#include "core/credentials/ticketclaims.h"

#include <optional>

namespace gate::eticket {

// The claims of spec/eticket-qr.md from a decoded claims map: every required
// claim present and well typed, every optional one well typed when present,
// unknown ones ignored. nullopt otherwise.
std::optional<TicketClaims> decodeClaims(const CborItem &map);

} // namespace gate::eticket
