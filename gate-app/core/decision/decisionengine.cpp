#include "core/decision/decisionengine.h"

#include "core/credentials/holderkey.h"
#include "core/decision/beijingtime.h"
#include "core/tickets/ticketstorereader.h"

#include <algorithm>
#include <array>

namespace gate {

namespace {

using tickets::TicketRecord;

QString identityKindOf(const Credential &credential) {
    if (credential.kind == Credential::Kind::ETicket)
        return QStringLiteral("eticket");
    if (credential.document)
        return toString(credential.document->kind);
    return {};
}

MatchedTicket matched(const TicketRecord &ticket) {
    return MatchedTicket{ticket.tid,  ticket.train,     ticket.dep,
                         ticket.arr,  ticket.departure, ticket.car,
                         ticket.seat, ticket.seatClass, ticket.maskedName};
}

TicketRecord ticketFromClaims(const TicketClaims &claims) {
    TicketRecord ticket;
    ticket.tid = claims.tid;
    ticket.train = claims.train;
    ticket.dep = claims.dep;
    ticket.arr = claims.arr;
    ticket.departure = claims.departure;
    ticket.car = claims.car;
    ticket.seat = claims.seat;
    ticket.seatClass = claims.seatClass;
    ticket.maskedName = claims.maskedName;
    ticket.status = QStringLiteral("valid");
    return ticket;
}

Decision denied(Decision decision, Reason reason) {
    decision.admit = false;
    decision.reason = reason;
    return decision;
}

// When no ticket of a document fits now, the one to explain is the one the
// passenger can act on: a train that opens later, another gate, ... before a
// ticket for another station.
int explanationRank(Reason reason) {
    static constexpr std::array order{
        Reason::TooEarly,       Reason::WrongGate,      Reason::AlreadyUsed,
        Reason::TooLate,        Reason::TrainCancelled, Reason::TicketChanged,
        Reason::TicketRefunded, Reason::TrainUnknown,   Reason::WrongStation,
    };
    return int(std::find(order.begin(), order.end(), reason) - order.begin());
}

} // namespace

DecisionEngine::DecisionEngine(const tickets::TicketStoreReader &store, const Clock &clock,
                               DecisionSettings settings)
    : m_store(store)
    , m_clock(clock)
    , m_settings(settings) {}

bool DecisionEngine::listIsStale() const {
    return listAge() != ListAge::Fresh;
}

ListAge DecisionEngine::listAge() const {
    return listAgeOf(m_store.state(), m_clock.nowSecs(), m_settings.listAge);
}

Decision DecisionEngine::decide(const Credential &credential, const LaneContext &lane,
                                const PassageHistory &history) const {
    Decision decision;
    decision.decidedAt = m_clock.nowSecs();
    decision.identityKind = identityKindOf(credential);
    // A chip contradicting its page outranks everything the page says.
    if (credential.chip.state == ChipProof::State::Forged)
        return denied(decision, Reason::DocumentForged);
    if (credential.kind == Credential::Kind::Failure)
        return denied(decision, credential.failure.value_or(Reason::CredentialUnreadable));

    QStringList identities;
    if (credential.document) {
        if (credential.chip.state == ChipProof::State::Unverified && m_settings.requireChip)
            return denied(decision, Reason::ChipRequired);
        if (credential.document->expiredOn(beijingDate(decision.decidedAt)))
            return denied(decision, Reason::DocumentExpired);
        identities = canonicalIdentities(*credential.document);
        if (identities.isEmpty())
            return denied(decision, Reason::DocumentInvalid);
    }

    const tickets::TicketStoreReader::Snapshot snapshot(m_store);
    if (listAge() == ListAge::PastHardLimit)
        return denied(decision, Reason::ListStale);
    if (credential.kind == Credential::Kind::ETicket && credential.ticket)
        return decideCode(credential, lane, history, decision);
    if (credential.kind == Credential::Kind::Document && credential.document)
        return decideDocument(identities, lane, history, decision);
    return denied(decision, Reason::CredentialUnreadable);
}

Decision DecisionEngine::decideCode(const Credential &credential, const LaneContext &lane,
                                    const PassageHistory &history, Decision decision) const {
    const TicketClaims &claims = *credential.ticket;
    const tickets::ListState &state = m_store.state();
    const QStringList identities =
        credential.document ? canonicalIdentities(*credential.document) : QStringList();

    // A code with a holder binding is no bearer ticket: it admits only with
    // the document it was bought with (spec/eticket-qr.md, two-step passage).
    if (!claims.holderBinding.isEmpty()) {
        const std::optional<QByteArray> bindKey =
            claims.bindingKey ? state.bindKey(*claims.bindingKey) : std::nullopt;
        if (!bindKey)
            return denied(decision, Reason::BindingKeyUnknown);
        if (identities.isEmpty()) {
            // Everything else is checked now, so that a passenger whose ticket
            // fails anyway is told at once instead of being asked for a document.
            Decision alone = decideListed(claims, identities, lane, history, decision);
            return alone.admit ? denied(alone, Reason::HolderDocumentRequired) : alone;
        }
        if (!isBoundTo(*bindKey, claims, identities))
            return denied(decision, Reason::HolderMismatch);
    }
    return decideListed(claims, identities, lane, history, decision);
}

bool DecisionEngine::isBoundTo(const QByteArray &bindKey, const TicketClaims &claims,
                               const QStringList &identities) {
    // Every identity is tried (both numbers of a 2023 FPR card), and every
    // comparison takes the same time whatever matched.
    bool bound = false;
    for (const QString &identity : identities)
        bound |=
            equalsConstantTime(bindingTag(bindKey, identity, claims.tid), claims.holderBinding);
    return bound;
}

Decision DecisionEngine::decideListed(const TicketClaims &claims, const QStringList &identities,
                                      const LaneContext &lane, const PassageHistory &history,
                                      Decision decision) const {
    const tickets::ListState &state = m_store.state();

    if (const std::optional<TicketRecord> listed = m_store.ticket(claims.tid)) {
        if (!identities.isEmpty()) {
            const bool holder =
                std::any_of(identities.cbegin(), identities.cend(), [&](const QString &identity) {
                    return equalsConstantTime(holderKey(state.listKey.key, identity).toLatin1(),
                                              listed->holder.toLatin1());
                });
            if (!holder)
                return denied(decision, Reason::HolderMismatch);
        }
        return evaluate(*listed, lane, history, false, decision);
    }
    // Sold after the list was generated: the signed claims are all we know.
    if (state.generated < claims.iat)
        return evaluate(ticketFromClaims(claims), lane, history, true, decision);
    decision.ticket = matched(ticketFromClaims(claims));
    return denied(decision, Reason::TicketUnknown);
}

Decision DecisionEngine::decideDocument(const QStringList &identities, const LaneContext &lane,
                                        const PassageHistory &history, Decision decision) const {
    const tickets::ListState &state = m_store.state();
    if (state.isEmpty())
        return denied(decision, Reason::ListUnavailable);
    if (listAge() != ListAge::Fresh)
        return denied(decision, Reason::ListStale);

    QList<TicketRecord> candidates;
    for (const QString &identity : identities)
        candidates << m_store.ticketsOfHolder(holderKey(state.listKey.key, identity));
    if (candidates.isEmpty())
        return denied(decision, Reason::NoTicket);
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const TicketRecord &a, const TicketRecord &b) { return a.departure < b.departure; });

    std::optional<Decision> best;
    for (const TicketRecord &ticket : candidates) {
        Decision outcome = evaluate(ticket, lane, history, false, decision);
        if (outcome.admit)
            return admitParty(ticket, candidates, lane, history, std::move(outcome));
        if (!best || explanationRank(outcome.reason) < explanationRank(best->reason))
            best = std::move(outcome);
    }
    return *best;
}

Decision DecisionEngine::evaluate(const TicketRecord &ticket, const LaneContext &lane,
                                  const PassageHistory &history, bool unlistedTrain,
                                  const Decision &base) const {
    Decision decision = base;
    decision.ticket = matched(ticket);
    decision.details.insert(QStringLiteral("trn"), ticket.train);
    const bool entry = lane.direction == LaneContext::Direction::Entry;
    const qint64 now = decision.decidedAt;

    const QString &station = entry ? ticket.dep : ticket.arr;
    if (station != lane.station) {
        insertStationNames(decision.details, QStringLiteral("station"), station);
        return denied(decision, Reason::WrongStation);
    }
    if (ticket.status == QLatin1String("refunded"))
        return denied(decision, Reason::TicketRefunded);
    if (ticket.status == QLatin1String("changed"))
        return denied(decision, Reason::TicketChanged);

    const QString direction = entry ? QStringLiteral("in") : QStringLiteral("out");
    for (const tickets::UsedRecord &use : m_store.uses(ticket.tid)) {
        if (use.dir == direction) {
            decision.details.insert(QStringLiteral("used_at"), use.at);
            decision.details.insert(QStringLiteral("used_gate"), use.gate);
            return denied(decision, Reason::AlreadyUsed);
        }
    }
    if (const std::optional<qint64> usedAt = history.localUseAt(ticket.tid, lane.direction)) {
        decision.details.insert(QStringLiteral("used_at"), *usedAt);
        decision.details.insert(QStringLiteral("used_gate"), lane.gateId);
        return denied(decision, Reason::AlreadyUsed);
    }

    qint64 opens = 0;
    qint64 closes = 0;
    if (entry) {
        const std::optional<tickets::TrainRecord> train =
            m_store.train(ticket.train, ticket.departure);
        if (train && train->status == QLatin1String("cancelled"))
            return denied(decision, Reason::TrainCancelled);
        if (train && !train->gates.isEmpty() && !train->gates.contains(lane.gateGroup)) {
            decision.details.insert(QStringLiteral("gates"), train->gates);
            return denied(decision, Reason::WrongGate);
        }
        if (!train && !unlistedTrain)
            return denied(decision, Reason::TrainUnknown);
        opens = train ? train->open : ticket.departure - m_settings.unlistedTrainOpensBeforeSecs;
        closes = train ? train->close : ticket.departure - m_settings.unlistedTrainClosesBeforeSecs;
    } else {
        opens = ticket.departure;
        closes = ticket.departure + m_settings.exitValiditySecs;
    }
    decision.details.insert(QStringLiteral("opens_at"), opens);
    decision.details.insert(QStringLiteral("closes_at"), closes);
    if (now < opens)
        return denied(decision, Reason::TooEarly);
    if (now > closes)
        return denied(decision, Reason::TooLate);

    decision.admit = true;
    decision.reason = Reason::Ok;
    insertStationNames(decision.details, QStringLiteral("dep"), ticket.dep);
    insertStationNames(decision.details, QStringLiteral("arr"), ticket.arr);
    return checkKind(ticket, std::move(decision));
}

Decision DecisionEngine::checkKind(const TicketRecord &ticket, Decision admitted) const {
    // The discount check is dated to the second: the ticket system renews it
    // at the counter, and the gate must not stretch it.
    if (ticket.kind == QLatin1String("student") &&
        (!ticket.eligibleUntil || admitted.decidedAt > *ticket.eligibleUntil))
        return denied(std::move(admitted), Reason::DiscountCheckRequired);
    if (m_settings.staffKinds.contains(ticket.kind))
        return denied(std::move(admitted), Reason::StaffCheckRequired);
    return admitted;
}

Decision DecisionEngine::admitParty(const TicketRecord &ticket,
                                    const QList<TicketRecord> &holderTickets,
                                    const LaneContext &lane, const PassageHistory &history,
                                    Decision admitted) const {
    QStringList members{ticket.tid};
    for (const TicketRecord &other : holderTickets) {
        if (other.tid == ticket.tid || other.train != ticket.train ||
            other.departure != ticket.departure || members.contains(other.tid))
            continue;
        const Decision member = evaluate(other, lane, history, false, admitted);
        // A member whose kind needs a person takes the whole party there:
        // they travel together. One who already passed, or whose ticket was
        // refunded or changed, is simply not among those who pass now.
        if (member.reason == Reason::DiscountCheckRequired ||
            member.reason == Reason::StaffCheckRequired)
            return denied(std::move(admitted), member.reason);
        if (member.admit)
            members << other.tid;
    }
    if (members.size() == 1)
        return admitted;
    admitted.details.insert(QStringLiteral("party"), members.size());
    if (m_settings.partyPassage == PartyPassage::Staff)
        return denied(std::move(admitted), Reason::StaffCheckRequired);
    admitted.partyTids = members;
    return admitted;
}

void DecisionEngine::insertStationNames(QVariantMap &details, const QString &key,
                                        const QString &code) const {
    details.insert(key, code);
    if (const std::optional<tickets::StationRecord> names = m_store.station(code)) {
        details.insert(key + QStringLiteral("_zh"), names->zh);
        details.insert(key + QStringLiteral("_en"), names->en);
    }
}

} // namespace gate
