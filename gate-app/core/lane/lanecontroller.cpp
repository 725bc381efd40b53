#include "core/lane/lanecontroller.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLane, "gate.lane")

namespace gate {

namespace {

using hal::LaneCommand;
using hal::LaneCommandResult;
using hal::LaneEvent;
using hal::LaneInput;
using Mode = hal::LaneStatus::Mode;

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
// clang 14 does not deduce aggregate template arguments by itself.
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

QString resultReason(LaneCommandResult result) {
    switch (result) {
    case LaneCommandResult::Ok:
        return {};
    case LaneCommandResult::RefusedMode:
        return QStringLiteral("lane_refused_mode");
    case LaneCommandResult::RefusedOccupied:
        return QStringLiteral("lane_occupied");
    case LaneCommandResult::Fault:
        return QStringLiteral("lane_fault");
    case LaneCommandResult::NotAcknowledged:
        return QStringLiteral("not_acknowledged");
    case LaneCommandResult::LinkDown:
        return QStringLiteral("link_down");
    }
    return QStringLiteral("unknown");
}

bool rising(const hal::LaneStatus &before, const hal::LaneStatus &now, LaneInput input) {
    return now.input(input) && !(before.linkUp && before.input(input));
}

bool isPassageState(LaneState state) {
    return state == LaneState::Idle || state == LaneState::Authorised || state == LaneState::Open ||
           state == LaneState::PassageSeen;
}

// Time for the lane to report its own pass timeout before the controller ends
// the pass itself.
constexpr int passTimeoutMarginMs = 2000;

} // namespace

LaneControllerSettings LaneControllerSettings::forLane(const hal::LaneTraits &traits) {
    LaneControllerSettings settings;
    if (traits.passTimeoutMs > 0)
        settings.passTimeoutMs = traits.passTimeoutMs + passTimeoutMarginMs;
    return settings;
}

const std::array<LaneController::StateHandler, 9> LaneController::s_handlers{
    &LaneController::inStarting,    // Starting
    &LaneController::inIdle,        // Idle
    &LaneController::inAuthorised,  // Authorised
    &LaneController::inOpen,        // Open
    &LaneController::inPassageSeen, // PassageSeen
    &LaneController::inLaneMode,    // FreePassage
    &LaneController::inLaneMode,    // Locked
    &LaneController::inLaneMode,    // Evacuation
    &LaneController::inLaneMode,    // OutOfService
};

LaneController::LaneController(hal::LaneActuator *actuator, const LaneControllerSettings &settings,
                               QObject *parent)
    : QObject(parent)
    , m_actuator(actuator)
    , m_settings(settings)
    , m_countsPasses(actuator->traits().countsPasses)
    , m_passTimer(new QTimer(this)) {
    m_passTimer->setSingleShot(true);
    m_passTimer->setInterval(settings.passTimeoutMs);
    connect(m_passTimer, &QTimer::timeout, this, [this] { dispatch(PassTimerInput{}); });
    connect(actuator, &hal::LaneActuator::statusChanged, this, &LaneController::onStatus);
    connect(actuator, &hal::LaneActuator::laneEvent, this, &LaneController::onLaneEvent);
    connect(actuator, &hal::LaneActuator::commandDone, this, &LaneController::onCommandDone);
}

LaneController::~LaneController() = default;

LaneSnapshot LaneController::snapshot() const {
    LaneSnapshot snapshot;
    snapshot.state = m_state;
    snapshot.reason = availabilityReason();
    snapshot.available = snapshot.reason.isEmpty();
    snapshot.emergencyLatched = m_evacuationLatched;
    snapshot.currentPassage = m_passage ? m_passage->passageId : 0;
    snapshot.lastAlarm = m_lastAlarm;
    snapshot.status = m_status;
    snapshot.counters = m_counters;
    return snapshot;
}

void LaneController::authorise(PassDirection direction, quint64 passageId, quint16 passes) {
    const quint16 members = std::max<quint16>(1, passes);
    dispatch(AuthoriseInput{direction, passageId, members, members});
}

void LaneController::serviceCommand(LaneServiceCommand command, const QString &staffId) {
    qCInfo(lcLane) << m_settings.laneName << "service command" << toString(command) << "by staff"
                   << staffId;
    const auto reject = [&](const QString &reason) {
        qCWarning(lcLane) << m_settings.laneName << "service command" << toString(command)
                          << "refused:" << reason;
        emit serviceCommandDone(command, false, reason);
    };
    if (const QString refusal =
            serviceCommandRefusal(command, m_evacuationLatched, m_status.linkUp, fireAlarmActive());
        !refusal.isEmpty())
        return reject(refusal);

    static const std::pair<LaneServiceCommand, LaneCommand> laneCommands[] = {
        {LaneServiceCommand::OpenOnceEntry, LaneCommand::OpenEntry},
        {LaneServiceCommand::OpenOnceExit, LaneCommand::OpenExit},
        {LaneServiceCommand::FreeEntry, LaneCommand::FreeEntry},
        {LaneServiceCommand::FreeExit, LaneCommand::FreeExit},
        {LaneServiceCommand::FreePassage, LaneCommand::FreeBoth},
        {LaneServiceCommand::Lock, LaneCommand::Lock},
        {LaneServiceCommand::Normal, LaneCommand::Normal},
        {LaneServiceCommand::EmergencyOpen, LaneCommand::EmergencyOpen},
        {LaneServiceCommand::EmergencyReset, LaneCommand::EmergencyReset},
        {LaneServiceCommand::AlarmReset, LaneCommand::AlarmReset},
    };
    const auto found = std::find_if(std::begin(laneCommands), std::end(laneCommands),
                                    [&](const auto &pair) { return pair.first == command; });
    if (command == LaneServiceCommand::EmergencyReset)
        m_resetInFlight = true;
    if (command == LaneServiceCommand::EmergencyOpen) {
        m_safetyCommandInFlight = true;
        latchEvacuation(QStringLiteral("service_command"));
    }
    send(found->second, 1, ServiceCommandSent{command, staffId});
    if (command == LaneServiceCommand::EmergencyOpen)
        dispatch(StatusInput{m_status});
}

bool LaneController::fireAlarmActive() const {
    return m_status.linkUp && m_status.input(LaneInput::FireAlarm);
}

bool LaneController::staffCallActive() const {
    return m_status.linkUp && m_status.staffCall;
}

void LaneController::onStatus(const hal::LaneStatus &status) {
    const hal::LaneStatus before = m_status;
    const bool fireBefore = fireAlarmActive();
    const bool staffCallBefore = staffCallActive();
    m_status = status;
    m_haveStatus = true;
    if (fireAlarmActive() != fireBefore)
        emit fireAlarmChanged(fireAlarmActive());
    if (staffCallActive() != staffCallBefore) {
        // One alarm per press: a press held through a link loss is the same
        // call when the link returns; one that began while it was down counts.
        if (staffCallActive() && !m_staffCallAlarmed)
            raiseAlarm(QStringLiteral("staff_call"));
        emit staffCallChanged(staffCallActive());
    }
    if (status.linkUp)
        m_staffCallAlarmed = status.staffCall;
    if (status.linkUp) {
        if (rising(before, status, LaneInput::FireAlarm))
            raiseAlarm(QStringLiteral("fire_alarm"));
        // The input, not its edge: a fire that began while the link was down,
        // or returned while a reset was on its way, latches all the same.
        if (status.input(LaneInput::FireAlarm))
            latchEvacuation(QStringLiteral("fire_alarm"));
        if (status.mode == Mode::Emergency || status.input(LaneInput::EmergencyActive))
            latchEvacuation(QStringLiteral("lane_emergency"));
        if (rising(before, status, LaneInput::Climb))
            raiseAlarm(QStringLiteral("climb"));
        if (rising(before, status, LaneInput::Obstruction))
            raiseAlarm(QStringLiteral("obstruction"));
        if (rising(before, status, LaneInput::OnBattery))
            raiseAlarm(QStringLiteral("on_battery"));
        keepEvacuationOpen();
    } else if (before.linkUp) {
        qCWarning(lcLane) << m_settings.laneName << "link to the lane lost";
    }
    dispatch(StatusInput{status});
}

void LaneController::onLaneEvent(quint16 event, quint16 sequence, quint16 missed) {
    if (missed > 0) {
        m_counters.missedEvents += missed;
        qCWarning(lcLane) << m_settings.laneName << missed << "lane events missed before"
                          << sequence;
    }
    switch (LaneEvent(event)) {
    case LaneEvent::Tailgating:
        raiseAlarm(QStringLiteral("tailgating"));
        break;
    case LaneEvent::Intrusion:
        raiseAlarm(QStringLiteral("intrusion"));
        break;
    case LaneEvent::WrongWay:
        raiseAlarm(QStringLiteral("wrong_way"));
        break;
    case LaneEvent::Fault:
        raiseAlarm(QStringLiteral("lane_fault"));
        break;
    case LaneEvent::FireAlarm:
        if (!m_evacuationLatched)
            raiseAlarm(QStringLiteral("fire_alarm"));
        latchEvacuation(QStringLiteral("fire_alarm"));
        keepEvacuationOpen();
        break;
    default:
        break;
    }
    dispatch(EventInput{LaneEvent(event)});
}

void LaneController::onCommandDone(quint64 token, LaneCommandResult result, qint64 doneNs) {
    const auto found = m_commands.find(token);
    if (found == m_commands.end())
        return;
    const CommandPurpose purpose = found->second;
    m_commands.erase(found);
    std::visit(Overloaded{
                   [&](const PassageCommand &p) {
                       dispatch(AckInput{p.passageId, result, doneNs});
                   },
                   [&](const ServiceCommandSent &s) { finishServiceCommand(s, result); },
                   [&](const SafetyCommand &) {
                       m_safetyCommandInFlight = false;
                       if (result != LaneCommandResult::Ok)
                           qCWarning(lcLane) << m_settings.laneName
                                             << "lane command failed:" << resultReason(result);
                   },
               },
               purpose);
}

void LaneController::finishServiceCommand(const ServiceCommandSent &sent,
                                          LaneCommandResult result) {
    const bool ok = result == LaneCommandResult::Ok;
    if (sent.command == LaneServiceCommand::EmergencyOpen)
        m_safetyCommandInFlight = false;
    if (sent.command == LaneServiceCommand::EmergencyReset) {
        m_resetInFlight = false;
        if (ok && fireAlarmActive()) {
            qCWarning(lcLane) << m_settings.laneName << "evacuation reset by staff" << sent.staffId
                              << "not applied: the fire-alarm input is on again";
        } else if (ok) {
            m_evacuationLatched = false;
            qCWarning(lcLane) << m_settings.laneName << "evacuation reset by staff" << sent.staffId;
        }
    }
    if (!ok)
        qCWarning(lcLane) << m_settings.laneName << "service command" << toString(sent.command)
                          << "failed:" << resultReason(result);
    emit serviceCommandDone(sent.command, ok, resultReason(result));
    dispatch(StatusInput{m_status});
}

void LaneController::dispatch(const Input &input) {
    if (const auto *request = std::get_if<AuthoriseInput>(&input);
        request && m_state != LaneState::Idle) {
        const QString reason = availabilityReason();
        refuse(request->passageId, reason.isEmpty() ? QStringLiteral("busy") : reason);
        return;
    }
    LaneState next = (this->*s_handlers[size_t(m_state)])(input);
    if (const auto imposed = imposedState()) {
        if (m_passage && next == LaneState::Authorised) {
            refuse(m_passage->passageId, availabilityReason());
        } else if (m_passage && next == LaneState::Open) {
            ++m_counters.aborted;
            qCWarning(lcLane) << m_settings.laneName
                              << "open pass aborted:" << availabilityReason();
            emit passAborted(m_passage->passageId, availabilityReason(),
                             m_passage->membersPassed());
        }
        if (m_passage)
            endPassage();
        next = *imposed;
    } else if (!isPassageState(next)) {
        next = LaneState::Idle;
    }
    enterState(next);
}

LaneState LaneController::inStarting(const Input &) {
    return LaneState::Starting;
}

LaneState LaneController::inIdle(const Input &input) {
    const auto *request = std::get_if<AuthoriseInput>(&input);
    if (!request)
        return LaneState::Idle;
    if (request->members > 1 && !m_countsPasses) {
        // One pulse opens a relay gate once, and it reports no passage: the
        // rest of the party would be left at a closed barrier.
        refuse(request->passageId, QStringLiteral("party_not_counted"));
        return LaneState::Idle;
    }
    m_passage = *request;
    ++m_counters.authorised;
    send(request->direction == PassDirection::Entry ? LaneCommand::OpenEntry
                                                    : LaneCommand::OpenExit,
         m_passage->passes, PassageCommand{request->passageId});
    return LaneState::Authorised;
}

LaneState LaneController::inAuthorised(const Input &input) {
    const auto *ack = std::get_if<AckInput>(&input);
    if (!ack || !m_passage || ack->passageId != m_passage->passageId)
        return LaneState::Authorised;
    if (ack->result != LaneCommandResult::Ok) {
        refuse(m_passage->passageId, resultReason(ack->result));
        endPassage();
        return LaneState::Idle;
    }
    ++m_counters.opened;
    m_passTimer->start();
    emit opened(m_passage->passageId, ack->doneNs);
    return LaneState::Open;
}

LaneState LaneController::inOpen(const Input &input) {
    const quint64 passageId = m_passage->passageId;
    if (std::holds_alternative<PassTimerInput>(input) ||
        (std::holds_alternative<EventInput>(input) &&
         std::get<EventInput>(input).event == LaneEvent::PassTimedOut)) {
        if (std::holds_alternative<PassTimerInput>(input))
            send(LaneCommand::Close, 0, SafetyCommand{}); // the lane did not close by itself
        ++m_counters.timedOut;
        const quint16 membersPassed = m_passage->membersPassed();
        if (membersPassed > 0)
            qCWarning(lcLane) << m_settings.laneName << "party pass" << passageId
                              << "timed out:" << membersPassed << "of" << m_passage->members
                              << "members passed";
        endPassage();
        emit passTimedOut(passageId, membersPassed);
        return LaneState::Idle;
    }
    const auto *event = std::get_if<EventInput>(&input);
    const LaneEvent expected = m_passage->direction == PassDirection::Entry ? LaneEvent::PassedEntry
                                                                            : LaneEvent::PassedExit;
    if (!event || event->event != expected)
        return LaneState::Open;
    // A party: each member's passage gives the next one the lane's full pass
    // time, as the lane itself does.
    if (--m_passage->passes > 0) {
        m_passTimer->start();
        return LaneState::Open;
    }
    const PassDirection direction = m_passage->direction;
    ++m_counters.passed;
    endPassage();
    emit passed(passageId, direction);
    return m_status.input(LaneInput::Occupied) ? LaneState::PassageSeen : LaneState::Idle;
}

LaneState LaneController::inPassageSeen(const Input &input) {
    const auto *status = std::get_if<StatusInput>(&input);
    if (status && !status->status.input(LaneInput::Occupied))
        return LaneState::Idle;
    return LaneState::PassageSeen;
}

LaneState LaneController::inLaneMode(const Input &) {
    return m_state;
}

std::optional<LaneState> LaneController::imposedState() const {
    if (!m_haveStatus)
        return LaneState::Starting;
    if (m_evacuationLatched)
        return LaneState::Evacuation;
    if (!m_status.linkUp || m_status.mode == Mode::OutOfService ||
        m_status.input(LaneInput::OutOfService) || m_status.faultCode != 0)
        return LaneState::OutOfService;
    if (m_status.mode == Mode::Locked)
        return LaneState::Locked;
    if (m_status.mode == Mode::FreeEntry || m_status.mode == Mode::FreeExit ||
        m_status.mode == Mode::FreeBoth)
        return LaneState::FreePassage;
    return std::nullopt;
}

QString LaneController::availabilityReason() const {
    if (!m_haveStatus)
        return QStringLiteral("starting");
    if (m_evacuationLatched)
        return QStringLiteral("emergency");
    if (!m_status.linkUp)
        return QStringLiteral("link_down");
    switch (imposedState().value_or(LaneState::Idle)) {
    case LaneState::OutOfService:
        return QStringLiteral("lane_fault");
    case LaneState::Locked:
        return QStringLiteral("locked");
    case LaneState::FreePassage:
        // The screen tells passengers which way is free.
        if (m_status.mode == Mode::FreeEntry)
            return QStringLiteral("free_entry");
        if (m_status.mode == Mode::FreeExit)
            return QStringLiteral("free_exit");
        return QStringLiteral("free_passage");
    default:
        return {};
    }
}

void LaneController::enterState(LaneState next) {
    if (next != m_state) {
        qCInfo(lcLane) << m_settings.laneName << toString(m_state) << "->" << toString(next);
        m_state = next;
        emit stateChanged(next);
    }
    const QString reason = availabilityReason();
    const bool available = reason.isEmpty();
    if (available != m_lastAvailable || reason != m_lastReason) {
        m_lastAvailable = available;
        m_lastReason = reason;
        emit availabilityChanged(available, reason);
    }
}

void LaneController::endPassage() {
    m_passage.reset();
    m_passTimer->stop();
}

void LaneController::refuse(quint64 passageId, const QString &reason) {
    ++m_counters.refused;
    qCInfo(lcLane) << m_settings.laneName << "passage" << passageId << "refused:" << reason;
    emit refused(passageId, reason);
}

void LaneController::raiseAlarm(const QString &code) {
    ++m_counters.alarms;
    m_lastAlarm = code;
    qCWarning(lcLane) << m_settings.laneName << "alarm:" << code;
    emit alarm(code);
}

void LaneController::latchEvacuation(const QString &cause) {
    if (m_evacuationLatched)
        return;
    m_evacuationLatched = true;
    qCWarning(lcLane) << m_settings.laneName << "evacuation:" << cause;
}

void LaneController::keepEvacuationOpen() {
    if (!m_evacuationLatched || !m_status.linkUp || m_status.mode == Mode::Emergency ||
        m_safetyCommandInFlight || m_resetInFlight)
        return;
    m_safetyCommandInFlight = true;
    send(LaneCommand::EmergencyOpen, 0, SafetyCommand{});
}

void LaneController::send(LaneCommand command, quint16 passes, CommandPurpose purpose) {
    const quint64 token = m_nextToken++;
    m_commands.emplace(token, std::move(purpose));
    if (!m_actuator)
        return;
    QMetaObject::invokeMethod(
        m_actuator.data(),
        [actuator = m_actuator, command, passes, token] {
            if (actuator)
                actuator->command(command, passes, token);
        },
        Qt::QueuedConnection);
}

} // namespace gate
