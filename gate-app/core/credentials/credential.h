#pragma once

#include "core/credentials/chipproof.h"
#include "core/credentials/identitydocument.h"
#include "core/credentials/ticketclaims.h"
#include "core/reason.h"

#include <QString>

#include <optional>

namespace gate {

// What a raw read became: a verified e-ticket code, a verified identity
// document, or a failure with its reason (docs/reason-codes.md), e.g.
// Reason::TicketBadSignature, Reason::CardUnreadable, Reason::MrzInvalid.
struct Credential {
    enum class Kind { ETicket, Document, Failure };
    Kind kind = Kind::Failure;
    std::optional<TicketClaims> ticket;
    std::optional<IdentityDocument> document;
    std::optional<Reason> failure;
    ChipProof chip;         // passports: what their chip proved
    QString source;         // device name
    qint64 availableNs = 0; // when the raw read was complete (monotonic)

    static Credential fromTicket(TicketClaims claims) {
        Credential c;
        c.kind = Kind::ETicket;
        c.ticket = std::move(claims);
        return c;
    }
    static Credential fromDocument(IdentityDocument document) {
        Credential c;
        c.kind = Kind::Document;
        c.document = std::move(document);
        return c;
    }
    static Credential failed(Reason reason) {
        Credential c;
        c.failure = reason;
        return c;
    }
};

} // namespace gate
