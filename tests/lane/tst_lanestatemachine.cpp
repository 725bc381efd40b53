// The lane state machine against a scripted actuator: the paths a real lane
// rarely takes (its own pass timer, lost acknowledgements, missed events).
#include "core/lane/lanecontroller.h"

#include <QSignalSpy>
#include <QTest>

using gate::LaneController;
using gate::LaneServiceCommand;
using gate::LaneState;
using gate::PassDirection;
using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;
using gate::hal::LaneStatus;

namespace {

// Records commands; the test answers them.
class ScriptedLane final : public gate::hal::LaneActuator {
    Q_OBJECT
public:
    struct Sent {
        LaneCommand command;
        quint64 token;
    };
    QList<Sent> sent;

    void start() override {}
    void stop() override {}
    void command(LaneCommand command, quint16, quint64 token) override {
        sent.append({command, token});
    }

    void report(const LaneStatus &status) { emit statusChanged(status); }
    void answer(LaneCommandResult result) {
        emit commandDone(sent.last().token, result, 1'000'000);
    }
    void event(gate::hal::LaneEvent event, quint16 seq, quint16 missed = 0) {
        emit laneEvent(quint16(event), seq, missed);
    }
};

LaneStatus controlledLane() {
    LaneStatus status;
    status.linkUp = true;
    status.mode = LaneStatus::Mode::Controlled;
    status.inputs = 1u << int(gate::hal::LaneInput::BarrierClosed);
    return status;
}

} // namespace

class TestLaneStateMachine : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<ScriptedLane> m_lane;
    std::unique_ptr<LaneController> m_controller;

    QString state() { return gate::toString(m_controller->state()); }
    // Lets queued commands reach the scripted lane.
    void settle() { QCoreApplication::processEvents(); }

private slots:
    void init() {
        m_lane = std::make_unique<ScriptedLane>();
        gate::LaneControllerSettings settings;
        settings.passTimeoutMs = 100;
        m_controller = std::make_unique<LaneController>(m_lane.get(), settings);
        QCOMPARE(state(), gate::toString(LaneState::Starting));
        QCOMPARE(m_controller->snapshot().reason, QStringLiteral("starting"));
        m_lane->report(controlledLane());
        QVERIFY(m_controller->readyForPassenger());
    }
    void cleanup() {
        m_controller.reset();
        m_lane.reset();
    }

    void ownPassTimerClosesTheLane() {
        QSignalSpy timedOut(m_controller.get(), &LaneController::passTimedOut);
        m_controller->authorise(PassDirection::Exit, 4);
        settle();
        QCOMPARE(m_lane->sent.size(), 1);
        QCOMPARE(m_lane->sent.last().command, LaneCommand::OpenExit);
        m_lane->answer(LaneCommandResult::Ok);
        QCOMPARE(state(), gate::toString(LaneState::Open));
        QVERIFY(timedOut.wait(5000)); // the lane never reports: the controller's timer ends it
        settle();
        QCOMPARE(m_lane->sent.last().command, LaneCommand::Close);
        QVERIFY(m_controller->readyForPassenger());
    }

    // The controller's own limit leaves the lane time to report its own
    // timeout first, however long the lane's pass time (a wide lane's).
    void theControllersPassLimitFollowsTheLanes() {
        QCOMPARE(gate::LaneControllerSettings::forLane({}).passTimeoutMs,
                 gate::LaneControllerSettings{}.passTimeoutMs);
        gate::hal::LaneTraits wide;
        wide.passTimeoutMs = 12000;
        wide.wide = true;
        QCOMPARE(gate::LaneControllerSettings::forLane(wide).passTimeoutMs, 14000);
        gate::hal::LaneTraits standard;
        standard.passTimeoutMs = 5000;
        QCOMPARE(gate::LaneControllerSettings::forLane(standard).passTimeoutMs, 7000);
    }

    void unacknowledgedCommandIsRefused() {
        QSignalSpy refused(m_controller.get(), &LaneController::refused);
        m_controller->authorise(PassDirection::Entry, 5);
        settle();
        m_lane->answer(LaneCommandResult::NotAcknowledged);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("not_acknowledged"));
        QVERIFY(m_controller->readyForPassenger());
    }

    void linkLossBeforeAcknowledgement() {
        QSignalSpy refused(m_controller.get(), &LaneController::refused);
        QSignalSpy aborted(m_controller.get(), &LaneController::passAborted);
        m_controller->authorise(PassDirection::Entry, 6);
        settle();
        LaneStatus down = controlledLane();
        down.linkUp = false;
        m_lane->report(down);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("link_down"));
        QVERIFY(aborted.isEmpty());                  // it was never open
        m_lane->answer(LaneCommandResult::LinkDown); // late answer: no second verdict
        QCOMPARE(refused.size(), 1);
        QCOMPARE(state(), gate::toString(LaneState::OutOfService));
        m_lane->report(controlledLane());
        QVERIFY(m_controller->readyForPassenger());
    }

    void passageOfTheOtherDirectionIsNotOurs() {
        QSignalSpy passed(m_controller.get(), &LaneController::passed);
        m_controller->authorise(PassDirection::Entry, 8);
        settle();
        m_lane->answer(LaneCommandResult::Ok);
        m_lane->event(gate::hal::LaneEvent::PassedExit, 1);
        QVERIFY(passed.isEmpty());
        LaneStatus occupied = controlledLane();
        occupied.inputs |= 1u << int(gate::hal::LaneInput::Occupied);
        m_lane->report(occupied);
        m_lane->event(gate::hal::LaneEvent::PassedEntry, 4, 2);
        QCOMPARE(passed.size(), 1);
        QCOMPARE(m_controller->snapshot().counters.missedEvents, 2u);
        QCOMPARE(state(), gate::toString(LaneState::PassageSeen)); // still in the lane
        QVERIFY(!m_controller->readyForPassenger());
        m_lane->report(controlledLane());
        QVERIFY(m_controller->readyForPassenger());
    }

    void laneInEmergencyLatchesWithoutCommand() {
        LaneStatus emergency = controlledLane();
        emergency.mode = LaneStatus::Mode::Emergency;
        m_lane->report(emergency);
        settle();
        QCOMPARE(state(), gate::toString(LaneState::Evacuation));
        QVERIFY(m_lane->sent.isEmpty()); // already open for evacuation
        // The lane leaves emergency on its own: the controller orders it back.
        m_lane->report(controlledLane());
        settle();
        QCOMPARE(m_lane->sent.size(), 1);
        QCOMPARE(m_lane->sent.last().command, LaneCommand::EmergencyOpen);
        QCOMPARE(state(), gate::toString(LaneState::Evacuation));
        // While that command is under way it is not sent twice.
        m_lane->report(controlledLane());
        settle();
        QCOMPARE(m_lane->sent.size(), 1);
    }

    void serviceRefusalsWithoutLink() {
        LaneStatus down = controlledLane();
        down.linkUp = false;
        m_lane->report(down);
        QSignalSpy done(m_controller.get(), &LaneController::serviceCommandDone);
        m_controller->serviceCommand(LaneServiceCommand::Lock, QStringLiteral("S1"));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().at(1).toBool(), false);
        QCOMPARE(done.first().at(2).toString(), QStringLiteral("link_down"));
    }
};

QTEST_GUILESS_MAIN(TestLaneStateMachine)
#include "tst_lanestatemachine.moc"
