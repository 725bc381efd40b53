#include "core/credentials/eticket/ticketcredential.h"

#include "core/credentials/eticket/verifier.h"

namespace gate {

Credential credentialFromTicketCode(const QString &text, const eticket::TrustList &trust,
                                    qint64 nowSecs) {
    eticket::Verification verification = eticket::verify(text, trust, nowSecs);
    if (verification.outcome == eticket::Outcome::Valid)
        return Credential::fromTicket(std::move(*verification.claims));
    return Credential::failed(QStringLiteral("ticket_") + eticket::toString(verification.outcome));
}

} // namespace gate
