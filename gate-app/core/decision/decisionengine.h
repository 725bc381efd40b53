#pragma once

#include "core/config/configchoices.h"

#include "core/clock.h"
#include "core/credentials/credential.h"
#include "core/decision/decision.h"
#include "core/decision/lanecontext.h"
#include "core/decision/listage.h"
#include "core/decision/passagehistory.h"

namespace gate {

namespace tickets {
class TicketStoreReader;
struct TicketRecord;
} // namespace tickets

struct DecisionSettings {
    // A list past its `expires` by more than the grace admits no one on an
    // ID card or passport alone (spec/ticket-list.md); signed codes still
    // pass until the hard limit, past which nothing admits.
    ListAgeLimits listAge;
    // Exit lanes: a ticket lets its holder out of the arrival station from
    // its departure until this long after it.
    qint64 exitValiditySecs = 48 * 3600;
    // A signed code newer than the list whose train the list does not know
    // yet: check-in from this long before departure ...
    qint64 unlistedTrainOpensBeforeSecs = 3600;
    // ... until this long before departure.
    qint64 unlistedTrainClosesBeforeSecs = 5 * 60;
    // Ticket kinds the station checks at a staffed lane (`tickets.staff_kinds`).
    QStringList staffKinds{QStringLiteral("disabled_military")};
    // Parties pass together at the gate, or are sent to staff
    // (`tickets.party_passage`).
    PartyPassage partyPassage = PartyPassage::Gate;
    // passport.require_chip: a passport without chip proof is refused.
    bool requireChip = false;
};

// The pure decision rules: credential + ticket store + lane + injected clock
// in, Decision out. Reads the store through the deciding thread's read-only
// connection, in one read transaction per decision.
class DecisionEngine {
public:
    DecisionEngine(const tickets::TicketStoreReader &store, const Clock &clock,
                   DecisionSettings settings = {});

    Decision decide(const Credential &credential, const LaneContext &lane,
                    const PassageHistory &history) const;

    // Past `expires` + grace (or no list at all): documents alone no longer admit.
    bool listIsStale() const;
    ListAge listAge() const;

private:
    Decision decideCode(const Credential &credential, const LaneContext &lane,
                        const PassageHistory &history, Decision decision) const;
    // A code's ticket once its holder binding, if any, is settled: the listed
    // ticket (its holder key too when a document came with the code) or, for
    // a code newer than the list, its signed claims.
    Decision decideListed(const TicketClaims &claims, const QStringList &identities,
                          const LaneContext &lane, const PassageHistory &history,
                          Decision decision) const;
    static bool isBoundTo(const QByteArray &bindKey, const TicketClaims &claims,
                          const QStringList &identities);
    Decision decideDocument(const QStringList &identities, const LaneContext &lane,
                            const PassageHistory &history, Decision decision) const;
    // The rules of one ticket on this lane, now. `unlistedTrain` allows the
    // default window when the list does not know the train (signed codes
    // newer than the list).
    Decision evaluate(const tickets::TicketRecord &ticket, const LaneContext &lane,
                      const PassageHistory &history, bool unlistedTrain,
                      const Decision &base) const;
    // The rules a ticket's kind adds once everything else admits it.
    Decision checkKind(const tickets::TicketRecord &ticket, Decision admitted) const;
    // An admitted document's other tickets on the same train and direction
    // join it as one party, or send it to staff.
    Decision admitParty(const tickets::TicketRecord &ticket,
                        const QList<tickets::TicketRecord> &holderTickets, const LaneContext &lane,
                        const PassageHistory &history, Decision admitted) const;
    // Telecode plus its names from the list's station records, for the screens.
    void insertStationNames(QVariantMap &details, const QString &key, const QString &code) const;

    const tickets::TicketStoreReader &m_store;
    const Clock &m_clock;
    DecisionSettings m_settings;
};

} // namespace gate
