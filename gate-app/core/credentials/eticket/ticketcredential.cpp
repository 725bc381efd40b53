#include "core/credentials/eticket/ticketcredential.h"

#include "core/credentials/eticket/verifier.h"

namespace gate {

namespace {

// The spec's verifier outcome as the gate's reason: "ticket_" + its code.
Reason failureReason(eticket::Outcome outcome) {
    switch (outcome) {
    case eticket::Outcome::Malformed:
        return Reason::TicketMalformed;
    case eticket::Outcome::UnsupportedAlg:
        return Reason::TicketUnsupportedAlg;
    case eticket::Outcome::UnknownKey:
        return Reason::TicketUnknownKey;
    case eticket::Outcome::BadSignature:
        return Reason::TicketBadSignature;
    case eticket::Outcome::KeyRevoked:
        return Reason::TicketKeyRevoked;
    case eticket::Outcome::IssuerMismatch:
        return Reason::TicketIssuerMismatch;
    case eticket::Outcome::KeyExpired:
        return Reason::TicketKeyExpired;
    case eticket::Outcome::NotYetValid:
        return Reason::TicketNotYetValid;
    case eticket::Outcome::Expired:
        return Reason::TicketExpired;
    case eticket::Outcome::Valid: // not a failure; never asked
        break;
    }
    return Reason::TicketMalformed;
}

} // namespace

Credential credentialFromTicketCode(const QString &text, const eticket::TrustList &trust,
                                    qint64 nowSecs) {
    eticket::Verification verification = eticket::verify(text, trust, nowSecs);
    if (verification.outcome == eticket::Outcome::Valid)
        return Credential::fromTicket(std::move(*verification.claims));
    return Credential::failed(failureReason(verification.outcome));
}

} // namespace gate
