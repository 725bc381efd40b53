#pragma once

#include "core/credentials/credential.h"
#include "core/credentials/eticket/trustlist.h"

#include <QString>

namespace gate {

// A scanned code as a credential: the verified ticket when its outcome is
// "valid", otherwise a failure "ticket_<outcome>" (e.g. "ticket_expired").
Credential credentialFromTicketCode(const QString &text, const eticket::TrustList &trust,
                                    qint64 nowSecs);

} // namespace gate
