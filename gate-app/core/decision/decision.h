#pragma once

#include "core/reason.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace gate {

// The ticket a decision is about, as far as a passenger may see it.
struct MatchedTicket {
    QString tid;
    QString train;
    QString dep;
    QString arr;
    qint64 departure = 0;
    std::optional<quint32> car;
    QString seat;
    QString seatClass;
    QString maskedName; // masked name, e.g. "ZHANG*"
};

// Allow or deny, with its reason (docs/reason-codes.md): Reason::Ok when
// admitted. `details` carries what the passenger message needs ("trn",
// "opens_at", "closes_at", "gates", "used_at", ...). `identityKind` says which
// credential decided ("eticket", "resident", "mrz", ...), never a number.
struct Decision {
    bool admit = false;
    Reason reason = Reason::CredentialUnreadable;
    std::optional<MatchedTicket> ticket;
    // Admitted as a party (several tickets of one document on one train and
    // direction): every member's tid, the matched ticket's first. The lane
    // opens for this many passes and each ticket is marked used. Empty for a
    // passenger alone.
    QStringList partyTids;
    QVariantMap details;
    QString identityKind;
    qint64 decidedAt = 0; // Unix seconds, from the injected clock
};

} // namespace gate
