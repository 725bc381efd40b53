#pragma once

#include "core/lane/laneservicecommand.h"
#include "core/lane/lanesnapshot.h"
#include "core/lane/lanestate.h"
#include "core/lane/passdirection.h"

#include "hal/laneactuator.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <optional>
#include <unordered_map>
#include <variant>

class QTimer;

namespace gate {

struct LaneControllerSettings {
    QString laneName = QStringLiteral("lane");
    // The controller's own limit for a pass, from acknowledgement on. The lane
    // has its own PASS_TIMEOUT and normally reports the timeout first; this
    // covers a lane that does not.
    int passTimeoutMs = 7000;

    // The controller's limit for a lane whose own pass timeout is known: that
    // time and a margin, so that the lane, which knows whether someone is in
    // it, normally ends the pass first (a wide lane's pass time is longer).
    static LaneControllerSettings forLane(const hal::LaneTraits &traits);
};

// The lane state machine (docs/lane.md): one passage at a time from
// authorisation to the passenger clear of the lane, and the safety rules above
// it. The actuator lives on its own thread; the controller talks to it only
// through queued calls and its signals.
//
// Safety comes before passages: a fire alarm (DI 11 on) or an emergency (lane
// mode, DI 12 or a service command) latches evacuation: the controller orders
// the emergency open at once and again whenever the lane reports another mode,
// refuses every other command, and only a service-mode emergency reset with
// the fire input off releases it. A lost link or a lane fault takes the lane
// out of service until it recovers. The controller is the second line: the
// lane driver asserts the emergency open on its own bus thread while DI 11 is
// on, whatever this thread is doing (docs/lane.md, Safety).
class LaneController : public QObject {
    Q_OBJECT
public:
    LaneController(hal::LaneActuator *actuator, const LaneControllerSettings &settings,
                   QObject *parent = nullptr);
    ~LaneController() override;

    bool readyForPassenger() const { return m_state == LaneState::Idle; }
    LaneState state() const { return m_state; }
    LaneSnapshot snapshot() const;

    // Opens the lane for `passes` passengers (a party: CMD_ARG = passes).
    // Answered by opened() then passed() once all of them went through,
    // passTimedOut() or passAborted(); or by refused(). A lane that cannot
    // count passes (a relay gate) refuses a party with "party_not_counted".
    void authorise(PassDirection direction, quint64 passageId, quint16 passes = 1);
    // Answered by serviceCommandDone().
    void serviceCommand(LaneServiceCommand command, const QString &staffId);

signals:
    void opened(quint64 passageId, qint64 ackNs);
    void passed(quint64 passageId, gate::PassDirection direction);
    // `membersPassed`: of a party, the members the lane saw pass before the
    // pass ended (0 for one passenger who did not come).
    void passTimedOut(quint64 passageId, quint16 membersPassed);
    // A pass that was open when the lane left service (link loss, fault,
    // evacuation, a mode change): nobody can tell whether it was used.
    void passAborted(quint64 passageId, const QString &reason, quint16 membersPassed);
    void refused(quint64 passageId, const QString &reason);
    void alarm(const QString &code);
    void stateChanged(gate::LaneState state);
    // `reason`: "starting", "link_down", "lane_fault", "emergency", "locked",
    // "free_entry", "free_exit", "free_passage" (both ways); empty when available.
    void availabilityChanged(bool ready, const QString &reason);
    void serviceCommandDone(gate::LaneServiceCommand command, bool ok, const QString &reason);
    // The fire-alarm input turned on or off (an emergency reset is refused while on).
    void fireAlarmChanged(bool active);
    // The lane's staff-call button was pressed (its input came on: the alarm
    // "staff_call" is raised with it) or released.
    void staffCallChanged(bool active);

private:
    struct StatusInput {
        hal::LaneStatus status;
    };
    struct EventInput {
        hal::LaneEvent event;
    };
    struct AckInput {
        quint64 passageId;
        hal::LaneCommandResult result;
        qint64 doneNs;
    };
    struct AuthoriseInput {
        PassDirection direction;
        quint64 passageId;
        quint16 passes = 1;  // members still to pass once the lane is open
        quint16 members = 1; // the party's size
        quint16 membersPassed() const { return quint16(members - passes); }
    };
    struct PassTimerInput {};
    using Input = std::variant<StatusInput, EventInput, AckInput, AuthoriseInput, PassTimerInput>;
    using StateHandler = LaneState (LaneController::*)(const Input &);

    // What a queued command was for, by token.
    struct PassageCommand {
        quint64 passageId;
    };
    struct ServiceCommandSent {
        LaneServiceCommand command;
        QString staffId;
    };
    struct SafetyCommand {};
    using CommandPurpose = std::variant<PassageCommand, ServiceCommandSent, SafetyCommand>;

    void onStatus(const hal::LaneStatus &status);
    void onLaneEvent(quint16 event, quint16 sequence, quint16 missed);
    void onCommandDone(quint64 token, hal::LaneCommandResult result, qint64 doneNs);

    void dispatch(const Input &input);
    LaneState inStarting(const Input &input);
    LaneState inIdle(const Input &input);
    LaneState inAuthorised(const Input &input);
    LaneState inOpen(const Input &input);
    LaneState inPassageSeen(const Input &input);
    LaneState inLaneMode(const Input &input); // FreePassage, Locked, Evacuation, OutOfService

    // The state the lane's condition imposes over any passage, if any.
    std::optional<LaneState> imposedState() const;
    bool fireAlarmActive() const;
    bool staffCallActive() const;
    QString availabilityReason() const;
    void enterState(LaneState next);
    void endPassage();
    void refuse(quint64 passageId, const QString &reason);
    void raiseAlarm(const QString &code);
    void latchEvacuation(const QString &cause);
    void keepEvacuationOpen();
    void send(hal::LaneCommand command, quint16 passes, CommandPurpose purpose);
    void finishServiceCommand(const ServiceCommandSent &sent, hal::LaneCommandResult result);

    static const std::array<StateHandler, 9> s_handlers;

    QPointer<hal::LaneActuator> m_actuator;
    LaneControllerSettings m_settings;
    bool m_countsPasses; // the lane reports each passage (hal::LaneTraits)
    QTimer *m_passTimer;
    LaneState m_state = LaneState::Starting;
    hal::LaneStatus m_status;
    bool m_staffCallAlarmed = false; // the press the lane last reported has its alarm
    bool m_haveStatus = false;
    bool m_evacuationLatched = false;
    bool m_safetyCommandInFlight = false;
    bool m_resetInFlight = false;
    std::optional<AuthoriseInput> m_passage;
    quint64 m_nextToken = 1;
    std::unordered_map<quint64, CommandPurpose> m_commands;
    bool m_lastAvailable = false;
    QString m_lastReason = QStringLiteral("starting");
    QString m_lastAlarm;
    LaneSnapshot::Counters m_counters;
};

} // namespace gate
