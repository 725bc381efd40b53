#pragma once

#include "core/credentials/ticketclaims.h"

#include <QJsonObject>

namespace gate::eticket {

// The claims as gatectl prints them (spec/gatectl.md, "ticket verify"):
// spec names, optional claims only when present, "hb" in hex.
QJsonObject toJson(const TicketClaims &claims);

} // namespace gate::eticket
