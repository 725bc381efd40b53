// The coil profile (relay-type gate behind a Modbus I/O module) against the
// simulator, which also serves the coils and discrete inputs.
#include "lanetestsupport.h"
#include "peerprocess.h"
#include "support/gatetools.h"

#include <QSignalSpy>
#include <QTest>

using gate::hal::LaneActuator;
using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;
using gate::hal::LaneStatus;

class TestLaneCoil : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<PeerProcess> m_sim;
    std::unique_ptr<gate::hal::LaneActuatorThread> m_lane;

    LaneCommandResult commandAndWait(LaneCommand command) {
        QSignalSpy done(m_lane->actuator(), &LaneActuator::commandDone);
        m_lane->command(command, 1, 1);
        if (done.isEmpty() && !done.wait(5000))
            return LaneCommandResult::NotAcknowledged;
        return done.first().at(1).value<LaneCommandResult>();
    }

    LaneStatus lastStatus(QSignalSpy &spy) { return spy.last().at(0).value<LaneStatus>(); }

private slots:
    void init() {
        m_sim = std::make_unique<PeerProcess>();
        const QString endpoint = m_sim->start(
            gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
            {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--door-ms"),
             QStringLiteral("50"), QStringLiteral("--walk-ms"), QStringLiteral("150")},
            QStringLiteral("tcp"));
        QVERIFY2(!endpoint.isEmpty(), qPrintable(m_sim->errors()));
        m_lane = startLane(QStringLiteral("tcp://") + endpoint,
                           writeFastProfile(m_dir, {{"kind", "coils"}, {"pulse_ms", 100}}));
    }
    void cleanup() {
        m_lane.reset();
        m_sim.reset();
    }

    void pulseOpensTheLane() {
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() && lastStatus(status).linkUp, 5000);
        const qsizetype from = m_sim->mark();
        QCOMPARE(commandAndWait(LaneCommand::OpenEntry), LaneCommandResult::Ok);
        const auto on = m_sim->waitFor(
            [](const QJsonObject &l) { return l.value("coil") == 0 && l.value("on") == true; },
            from);
        QVERIFY(on);
        QVERIFY(m_sim->waitFor(
            [](const QJsonObject &l) { return l.value("coil") == 0 && l.value("on") == false; },
            from));
        QVERIFY(m_sim->waitFor(PeerProcess::field("event", "passed_entry"), from));
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).input(gate::hal::LaneInput::BarrierClosed),
                                 5000);
    }

    void levelsSetModes() {
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() && lastStatus(status).linkUp, 5000);
        const qsizetype from = m_sim->mark();
        QCOMPARE(commandAndWait(LaneCommand::Lock), LaneCommandResult::Ok);
        QVERIFY(m_sim->waitFor(PeerProcess::field("mode", "locked"), from));
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).mode == LaneStatus::Mode::Locked, 5000);
        QCOMPARE(commandAndWait(LaneCommand::EmergencyOpen), LaneCommandResult::Ok);
        QVERIFY(m_sim->waitFor(PeerProcess::field("mode", "emergency"), from));
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).mode == LaneStatus::Mode::Emergency, 5000);
        QCOMPARE(commandAndWait(LaneCommand::EmergencyReset), LaneCommandResult::Ok);
        QCOMPARE(commandAndWait(LaneCommand::Normal), LaneCommandResult::Ok);
        QVERIFY(m_sim->waitFor(PeerProcess::field("mode", "controlled"), from));
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).mode == LaneStatus::Mode::Controlled, 5000);
    }

    void alarmInputsBecomeEvents() {
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() && lastStatus(status).linkUp, 5000);
        QSignalSpy events(m_lane->actuator(), &LaneActuator::laneEvent);
        m_sim->send(QStringLiteral("fire on"));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 5000);
        QCOMPARE(events.first().at(0).toInt(), int(gate::hal::LaneEvent::FireAlarm));
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status).mode == LaneStatus::Mode::Emergency, 5000);
    }
};

QTEST_GUILESS_MAIN(TestLaneCoil)
#include "tst_lanecoil.moc"
