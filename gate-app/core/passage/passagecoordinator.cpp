#include "core/passage/passagecoordinator.h"

#include "core/credentials/mrz/chipcredential.h"
#include "hal/monotonicclock.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

#include <chrono>

Q_LOGGING_CATEGORY(lcPassage, "gate.passage")

namespace gate {

namespace {

// What the passenger presented: the document kind once it is known, else
// what the device read ("eticket", "idcard", "mrz").
QString credentialKind(const Credential &credential, hal::RawRead::Kind read) {
    if (credential.kind == Credential::Kind::Document)
        return toString(credential.document->kind);
    // A bound code with its holder's document.
    if (credential.kind == Credential::Kind::ETicket && credential.document)
        return QStringLiteral("eticket+") + toString(credential.document->kind);
    switch (read) {
    case hal::RawRead::Kind::Barcode:
        return QStringLiteral("eticket");
    case hal::RawRead::Kind::IdCardAnswer:
        return QStringLiteral("idcard");
    case hal::RawRead::Kind::MrzLines:
        return QStringLiteral("mrz");
    }
    return {};
}

PassDirection passDirection(LaneContext::Direction direction) {
    return direction == LaneContext::Direction::Entry ? PassDirection::Entry : PassDirection::Exit;
}

// Controlled operation, idle or busy with a passenger: a new passenger can be
// decided (and waits for the lane when it is busy).
bool servesPassengers(LaneState state) {
    switch (state) {
    case LaneState::Idle:
    case LaneState::Authorised:
    case LaneState::Open:
    case LaneState::PassageSeen:
        return true;
    case LaneState::Starting:
    case LaneState::FreePassage:
    case LaneState::Locked:
    case LaneState::Evacuation:
    case LaneState::OutOfService:
        break;
    }
    return false;
}

} // namespace

PassageCoordinator::PassageCoordinator(Parts parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_history(parts.audit)
    , m_pairing(std::chrono::nanoseconds(parts.bindingWindow).count())
    , m_bindingWindow(this)
    , m_chipWait(this) {
    m_bindingWindow.setSingleShot(true);
    m_bindingWindow.setTimerType(Qt::PreciseTimer);
    connect(&m_bindingWindow, &QTimer::timeout, this, &PassageCoordinator::onBindingWindowElapsed);
    m_chipWait.setSingleShot(true);
    m_chipWait.setTimerType(Qt::PreciseTimer);
    connect(&m_chipWait, &QTimer::timeout, this, &PassageCoordinator::onChipWaitElapsed);
    LaneController *lane = &m_parts.laneController;
    connect(lane, &LaneController::serviceCommandDone, this,
            &PassageCoordinator::onServiceCommandDone);
    connect(lane, &LaneController::opened, this, &PassageCoordinator::onOpened);
    connect(lane, &LaneController::passed, this,
            [this](quint64 passageId, PassDirection) { onPassed(passageId); });
    connect(lane, &LaneController::passTimedOut, this,
            [this](quint64 passageId, quint16 membersPassed) {
                onNotTaken(passageId, QStringLiteral("not_taken"), membersPassed);
            });
    connect(lane, &LaneController::refused, this, [this](quint64 passageId, const QString &reason) {
        onNotTaken(passageId, QStringLiteral("refused:") + reason);
    });
    connect(lane, &LaneController::passAborted, this,
            [this](quint64 passageId, const QString &reason, quint16 membersPassed) {
                onNotTaken(passageId, QStringLiteral("aborted:") + reason, membersPassed);
            });
    connect(lane, &LaneController::alarm, this, &PassageCoordinator::onAlarm);
    connect(lane, &LaneController::stateChanged, this, [this](LaneState state) {
        if (state == LaneState::Idle)
            authoriseNextWaiting();
    });
}

std::optional<Reason> PassageCoordinator::blockingReason() const {
    if (!servesPassengers(m_parts.laneController.state()))
        return Reason::LaneUnavailable;
    if (m_parts.audit.full())
        return Reason::GateOutOfService;
    return std::nullopt;
}

std::optional<qint64> PassageCoordinator::record(AuditEventType type, QJsonObject fields,
                                                 const QList<TicketUse> &uses) {
    QString error;
    // A full outbox takes only what completes an admission already recorded;
    // everything else is counted, not written (AuditStore).
    if (type != AuditEventType::Passage && uses.isEmpty() && m_parts.audit.full()) {
        if (!m_parts.audit.countUnrecorded(type, m_parts.clock.nowSecs(), &error)) {
            qCCritical(lcPassage).noquote() << "audit count not written:" << error;
            emit auditFailed(error);
        }
        return std::nullopt;
    }
    const auto seq =
        m_parts.audit.append({0, type, m_parts.clock.nowSecs(), std::move(fields)}, &error, uses);
    if (!seq) {
        qCCritical(lcPassage).noquote() << "audit record not written:" << error;
        emit auditFailed(error);
    }
    return seq;
}

void PassageCoordinator::present(const hal::RawRead &read) {
    // Another read ends the wait for a chip: the passport lying there is
    // decided on its page, so the gate never answers two passengers out of order.
    if (m_chipWait.isActive()) {
        m_chipWait.stop();
        onChipWaitElapsed();
    }
    const Credential credential = m_parts.credentials.read(read);
    const bool chipReader = m_parts.chipWait.count() > 0;
    if (!read.mrzCandidates.isEmpty()) {
        // Without a chip reader an ambiguous page is no read: the camera
        // keeps reading it, as it did before it could offer candidates.
        if (chipReader)
            askChip(credential, read.kind, read.mrzCandidates);
        return;
    }
    if (read.kind == hal::RawRead::Kind::MrzLines && chipReader &&
        credential.kind == Credential::Kind::Document)
        return askChip(credential, read.kind, {read.mrzLines});
    pass(credential, read.kind);
}

void PassageCoordinator::askChip(const Credential &camera, hal::RawRead::Kind readKind,
                                 const QList<QStringList> &mrzCandidates) {
    m_awaitingChip = AwaitingChip{++m_chipRequests, camera, readKind};
    m_chipWait.start(m_parts.chipWait);
    emit readingChip();
    emit chipReadRequested(m_awaitingChip->request, mrzCandidates);
}

void PassageCoordinator::chipRead(const hal::ChipReading &reading) {
    if (!m_awaitingChip || reading.request != m_awaitingChip->request)
        return;
    m_chipWait.stop();
    const AwaitingChip awaiting = *std::exchange(m_awaitingChip, std::nullopt);
    qCInfo(lcPassage).noquote() << "chip" << reading.outcome << reading.detail << "after"
                                << reading.readNs / 1'000'000 << "ms";
    pass(credentialWithChip(awaiting.camera, reading, m_parts.clock.now().date()),
         awaiting.readKind);
}

void PassageCoordinator::onChipWaitElapsed() {
    if (!m_awaitingChip)
        return;
    const AwaitingChip awaiting = *std::exchange(m_awaitingChip, std::nullopt);
    qCInfo(lcPassage).noquote() << "chip reader did not answer in time";
    pass(credentialWithoutChipAnswer(awaiting.camera), awaiting.readKind);
}

void PassageCoordinator::pass(const Credential &credential, hal::RawRead::Kind readKind) {
    const qint64 nowNs = hal::monotonicNowNs();
    const bool boundCode = HolderDocumentPairing::isBoundCode(credential);
    // Code first: the document completes the held code.
    if (credential.kind == Credential::Kind::Document && m_pairing.holdsCode()) {
        m_bindingWindow.stop();
        const Credential code = *m_pairing.takeCode();
        return conclude(HolderDocumentPairing::paired(code, credential, credential), readKind,
                        false);
    }
    // Document first: a bound code completes the document kept a moment ago.
    if (boundCode && !m_pairing.holdsCode()) {
        if (const std::optional<Credential> document = m_pairing.takeDocument(nowNs))
            return conclude(HolderDocumentPairing::paired(credential, *document, credential),
                            readKind, false);
    }
    // A document that could not be read is refused as usual, and the code
    // keeps waiting for the next try.
    if (m_pairing.holdsCode() && credential.kind == Credential::Kind::Failure &&
        readKind != hal::RawRead::Kind::Barcode)
        return conclude(credential, readKind, false);
    // Anything else ends a wait: the code held is refused first. The same
    // code shown again only starts its wait anew.
    if (m_pairing.holdsCode()) {
        m_bindingWindow.stop();
        const Credential held = *m_pairing.takeCode();
        if (!(boundCode && held.ticket->tid == credential.ticket->tid))
            conclude(held, hal::RawRead::Kind::Barcode, false);
    }
    conclude(credential, readKind, true);
}

void PassageCoordinator::onBindingWindowElapsed() {
    if (std::optional<Credential> code = m_pairing.takeCode())
        conclude(*code, hal::RawRead::Kind::Barcode, false);
}

void PassageCoordinator::conclude(const Credential &credential, hal::RawRead::Kind readKind,
                                  bool mayHold) {
    const std::optional<Reason> blocked = blockingReason();
    Decision decision;
    if (!blocked) {
        decision = m_parts.engine.decide(credential, m_parts.lane, m_history);
    } else {
        decision.reason = *blocked;
        decision.decidedAt = m_parts.clock.nowSecs();
    }
    if (mayHold && decision.reason == Reason::HolderDocumentRequired && m_pairing.windowNs() > 0) {
        // Nothing is recorded yet: the decision comes with the document, or
        // when the window ends.
        m_pairing.holdCode(credential);
        m_bindingWindow.start(std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::nanoseconds(m_pairing.windowNs())));
        qCInfo(lcPassage).noquote() << "bound code held for its holder's document";
        emit awaitingHolderDocument(m_bindingWindow.interval());
        return;
    }

    QJsonObject fields{
        {QStringLiteral("admit"), decision.admit},
        {QStringLiteral("reason"), toString(decision.reason)},
        {QStringLiteral("credential"), credentialKind(credential, readKind)},
        {QStringLiteral("source"), credential.source},
        {QStringLiteral("direction"), toString(m_parts.lane.direction)},
    };
    // Which proof the passport's chip gave, never what it holds.
    if (credential.chip.state != ChipProof::State::NotApplicable) {
        fields.insert(QStringLiteral("chip"), toString(credential.chip.state));
        fields.insert(QStringLiteral("chip_detail"), credential.chip.detail);
    }
    if (decision.ticket) {
        fields.insert(QStringLiteral("tid"), decision.ticket->tid);
        fields.insert(QStringLiteral("trn"), decision.ticket->train);
        fields.insert(QStringLiteral("dpt"), decision.ticket->departure);
    }
    // A party is one decision: its record lists every tid, and every ticket is
    // marked used with it.
    if (!decision.partyTids.isEmpty())
        fields.insert(QStringLiteral("tids"), QJsonArray::fromStringList(decision.partyTids));
    QList<TicketUse> uses;
    if (decision.admit && decision.ticket) {
        const bool entry = m_parts.lane.direction == LaneContext::Direction::Entry;
        for (const QString &tid :
             decision.partyTids.isEmpty() ? QStringList{decision.ticket->tid} : decision.partyTids)
            uses << TicketUse{tid, entry, decision.decidedAt};
    }
    const auto seq = record(AuditEventType::Decision, fields, uses);
    if (credential.chip.state == ChipProof::State::Forged)
        recordForgery(seq.value_or(0), credential);
    if (!seq && decision.admit) {
        // Never admit a passenger the gate has not recorded.
        decision.admit = false;
        decision.reason = Reason::GateOutOfService;
    }

    PassageReport report;
    report.passageId = seq.value_or(0);
    report.decision = decision;
    report.credentialKind = credentialKind(credential, readKind);
    if (credential.document)
        report.holderLanguage = credential.document->holderLanguage();
    report.source = credential.source;
    report.chip = credential.chip;
    report.availableNs = credential.availableNs;
    report.decidedNs = hal::monotonicNowNs();

    if (decision.admit) {
        m_pending.insert(quint64(*seq), {decision.ticket ? decision.ticket->tid : QString(),
                                         decision.partyTids, credential.availableNs});
        m_waiting.append(quint64(*seq));
        authoriseNextWaiting();
    }
    // A document that did not admit may be the first half of a bound code's
    // passage; an admission ends any such pairing.
    if (credential.kind == Credential::Kind::Document && !decision.admit)
        m_pairing.keepDocument(credential, hal::monotonicNowNs());
    else
        m_pairing.forgetDocument();
    qCInfo(lcPassage).noquote() << "decision" << report.passageId
                                << (decision.admit ? "admit" : "deny") << toString(decision.reason)
                                << report.credentialKind;
    emit decided(report);
}

void PassageCoordinator::recordForgery(qint64 decisionSeq, const Credential &credential) {
    qCWarning(lcPassage).noquote() << "forged passport chip:" << credential.chip.detail;
    record(AuditEventType::Alarm, {{QStringLiteral("code"), toString(Reason::DocumentForged)},
                                   {QStringLiteral("passage"), decisionSeq},
                                   {QStringLiteral("chip_detail"), credential.chip.detail},
                                   {QStringLiteral("source"), credential.source}});
}

void PassageCoordinator::authoriseNextWaiting() {
    if (m_waiting.isEmpty() || !m_parts.laneController.readyForPassenger())
        return;
    const quint64 passageId = m_waiting.takeFirst();
    // A party passes on one authorisation: the lane counts its members through.
    const auto passes =
        quint16(std::max<qsizetype>(1, m_pending.value(passageId).partyTids.size()));
    m_parts.laneController.authorise(passDirection(m_parts.lane.direction), passageId, passes);
}

void PassageCoordinator::onOpened(quint64 passageId, qint64 ackNs) {
    const auto pending = m_pending.constFind(passageId);
    if (pending == m_pending.cend())
        return;
    emit barrierOpened(qint64(passageId), ackNs - pending->availableNs);
}

QJsonObject PassageCoordinator::passageFields(quint64 passageId, const Pending &pending,
                                              const QString &outcome) const {
    // Every passage record names its tickets and direction, whatever the
    // outcome: the station turns them into `used` records for its other gates.
    QJsonObject fields{{QStringLiteral("passage"), qint64(passageId)},
                       {QStringLiteral("tid"), pending.tid},
                       {QStringLiteral("outcome"), outcome},
                       {QStringLiteral("direction"), toString(m_parts.lane.direction)}};
    if (!pending.partyTids.isEmpty())
        fields.insert(QStringLiteral("tids"), QJsonArray::fromStringList(pending.partyTids));
    return fields;
}

void PassageCoordinator::onPassed(quint64 passageId) {
    const Pending pending = m_pending.take(passageId);
    record(AuditEventType::Passage, passageFields(passageId, pending, QStringLiteral("passed")));
    emit passageRecorded(qint64(passageId), QStringLiteral("passed"));
}

void PassageCoordinator::onNotTaken(quint64 passageId, const QString &outcome,
                                    quint16 membersPassed) {
    m_waiting.removeAll(passageId);
    const Pending pending = m_pending.take(passageId);
    const qsizetype members = pending.partyTids.size();
    const qsizetype passed = std::min<qsizetype>(membersPassed, members);
    const QString recorded = passed > 0 && outcome == QLatin1String("not_taken")
                                 ? QStringLiteral("partly_passed")
                                 : outcome;
    // The tickets stay used: a passenger whose pass was not taken asks staff,
    // who open the lane once from the service mode. Releasing one would let a
    // code open the lane for someone else after a timeout.
    QJsonObject fields = passageFields(passageId, pending, recorded);
    // A party: the lane counts people, not tickets, so the record says how
    // many of the party went through and how many were left, for staff to
    // settle.
    if (members > 0) {
        fields.insert(QStringLiteral("members"), members);
        fields.insert(QStringLiteral("members_passed"), passed);
        fields.insert(QStringLiteral("members_not_passed"), members - passed);
    }
    record(AuditEventType::Passage, fields);
    emit passageRecorded(qint64(passageId), recorded);
}

void PassageCoordinator::recordServiceAction(const QString &action, const QString &staffId) {
    record(AuditEventType::Service,
           {{QStringLiteral("action"), action}, {QStringLiteral("staff"), staffId}});
}

void PassageCoordinator::recordServiceOutcome(const QString &action, const QString &staffId,
                                              const QString &outcome, const QString &reason) {
    QJsonObject fields{{QStringLiteral("action"), action},
                       {QStringLiteral("staff"), staffId},
                       {QStringLiteral("outcome"), outcome}};
    if (!reason.isEmpty())
        fields.insert(QStringLiteral("reason"), reason);
    record(AuditEventType::Service, fields);
    emit serviceCommandFinished(action, outcome, reason);
}

void PassageCoordinator::serviceCommand(LaneServiceCommand command, const QString &staffId) {
    m_staffCommands.append({command, staffId});
    // The controller refuses at once, inside this call, what it does not send.
    m_sendingStaffCommand = true;
    m_parts.laneController.serviceCommand(command, staffId);
    m_sendingStaffCommand = false;
}

void PassageCoordinator::onServiceCommandDone(LaneServiceCommand command, bool ok,
                                              const QString &reason) {
    const auto sent =
        std::find_if(m_staffCommands.begin(), m_staffCommands.end(),
                     [command](const StaffCommand &staff) { return staff.command == command; });
    // Commands the controller sends on its own (safety) are no staff action.
    if (sent == m_staffCommands.end())
        return;
    const QString staffId = sent->staffId;
    m_staffCommands.erase(sent);
    const QString outcome = ok                      ? QStringLiteral("done")
                            : m_sendingStaffCommand ? QStringLiteral("refused")
                                                    : QStringLiteral("failed");
    recordServiceOutcome(toString(command), staffId, outcome, ok ? QString() : reason);
}

void PassageCoordinator::flushUnrecorded() {
    QString error;
    if (!m_parts.audit.writeUnrecordedCount(m_parts.clock.nowSecs(), &error)) {
        qCCritical(lcPassage).noquote() << "audit count not written:" << error;
        emit auditFailed(error);
    }
}

void PassageCoordinator::onAlarm(const QString &code) {
    record(AuditEventType::Alarm, {{QStringLiteral("code"), code}});
}

} // namespace gate
