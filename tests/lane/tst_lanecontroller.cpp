// The lane state machine over the modbus-lane driver and the lane simulator,
// over Modbus TCP on loopback.
#include "lanerig.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using gate::LaneController;
using gate::LaneServiceCommand;
using gate::LaneState;
using gate::PassDirection;

class TestLaneController : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<LaneRig> m_rig;

    LaneController &controller() { return m_rig->controller(); }

    void startRig(const QStringList &simArguments = {}, const QJsonObject &profile = {}) {
        m_rig = std::make_unique<LaneRig>();
        QVERIFY2(m_rig->start(LaneRig::Transport::Tcp, simArguments, profile),
                 qPrintable(m_rig->error()));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
    }

    // A passenger script file for the simulator.
    QStringList passengers(const QTemporaryDir &dir, const QString &behaviours) {
        const QString path = dir.filePath(QStringLiteral("passengers.txt"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(behaviours.toUtf8());
        return {QStringLiteral("--passengers"), path};
    }

    void serviceCommandSucceeds(LaneServiceCommand command) {
        QSignalSpy done(&controller(), &LaneController::serviceCommandDone);
        controller().serviceCommand(command, QStringLiteral("S0042"));
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 5000);
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
    }

    QString serviceCommandRefusal(LaneServiceCommand command) {
        QSignalSpy done(&controller(), &LaneController::serviceCommandDone);
        controller().serviceCommand(command, QStringLiteral("S0042"));
        if (done.isEmpty() && !done.wait(5000))
            return QStringLiteral("(no answer)");
        return done.first().at(1).toBool() ? QString() : done.first().at(2).toString();
    }

    QString refusalOf(quint64 passageId) {
        QSignalSpy refused(&controller(), &LaneController::refused);
        controller().authorise(PassDirection::Entry, passageId);
        if (refused.isEmpty() && !refused.wait(5000))
            return QString();
        return refused.first().at(1).toString();
    }

private slots:
    void cleanup() { m_rig.reset(); }

    void normalPassage() {
        startRig();
        QSignalSpy opened(&controller(), &LaneController::opened);
        QSignalSpy passed(&controller(), &LaneController::passed);
        const qsizetype from = m_rig->sim().mark();
        controller().authorise(PassDirection::Entry, 1001);
        QCOMPARE(gate::toString(controller().state()), gate::toString(LaneState::Authorised));
        QVERIFY(!controller().readyForPassenger());
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);
        QCOMPARE(opened.first().at(0).toULongLong(), 1001u);
        QVERIFY(opened.first().at(1).toLongLong() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
        QCOMPARE(passed.first().at(0).toULongLong(), 1001u);
        QCOMPARE(passed.first().at(1).value<PassDirection>(), PassDirection::Entry);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("command", "open_entry"), from));
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("event", "passed_entry"), from));
        const auto snapshot = controller().snapshot();
        QCOMPARE(snapshot.counters.passed, 1u);
        QCOMPARE(snapshot.counters.opened, 1u);
        QVERIFY(snapshot.status.passedEntry >= 1u);
    }

    void aPartyPassesOnOneAuthorisation_data() {
        QTest::addColumn<int>("passes");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
    }

    // The driver writes the party's size as CMD_ARG; the simulator walks that
    // many passengers; the controller answers passed() once, after the last.
    void aPartyPassesOnOneAuthorisation() {
        QFETCH(int, passes);
        startRig();
        QSignalSpy passed(&controller(), &LaneController::passed);
        const qsizetype from = m_rig->sim().mark();
        controller().authorise(PassDirection::Entry, 2001, quint16(passes));
        const auto command =
            m_rig->sim().waitFor(PeerProcess::field("command", "open_entry"), from);
        QVERIFY(command);
        QCOMPARE(command->value(QLatin1String("arg")).toInt(), passes);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000 * passes);
        QCOMPARE(passed.size(), 1);
        QCOMPARE(passed.first().at(0).toULongLong(), 2001u);
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("member", passes), from));
        QVERIFY(controller().snapshot().status.passedEntry >= quint32(passes));
        QCOMPARE(controller().snapshot().counters.passed, 1u);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
    }

    void aPartyMemberWhoDoesNotComeTimesThePassOut() {
        QTemporaryDir dir;
        startRig(passengers(dir, QStringLiteral("pass\nhesitate\n")));
        QSignalSpy passed(&controller(), &LaneController::passed);
        QSignalSpy timedOut(&controller(), &LaneController::passTimedOut);
        controller().authorise(PassDirection::Entry, 2002, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!timedOut.isEmpty(), 12000);
        QCOMPARE(timedOut.first().at(0).toULongLong(), 2002u);
        // The first member went through: the pass ended with one of two passed.
        QCOMPARE(timedOut.first().at(1).toInt(), 1);
        QVERIFY(passed.isEmpty());
        QVERIFY(controller().snapshot().status.passedEntry >= 1u);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
    }

    // A relay gate cannot count a party through: the controller refuses the
    // party before anything reaches the lane, and one passenger still passes.
    void aCoilLaneRefusesAParty() {
        startRig({}, {{"kind", "coils"}});
        QSignalSpy refused(&controller(), &LaneController::refused);
        QSignalSpy opened(&controller(), &LaneController::opened);
        const qsizetype from = m_rig->sim().mark();
        controller().authorise(PassDirection::Entry, 2101, 2);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).toULongLong(), 2101u);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("party_not_counted"));
        QVERIFY(controller().readyForPassenger());
        controller().authorise(PassDirection::Entry, 2102);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);
        QCOMPARE(opened.first().at(0).toULongLong(), 2102u);
        // Coil 0: the open-entry pulse, once, for the single passenger.
        QVERIFY(m_rig->sim().waitFor(
            [](const QJsonObject &line) {
                return line.value("coil") == 0 && line.value("on") == true;
            },
            from));
    }

    // The wide lane's staff-call button (IR 15 bit 0 of config/lanes/wide.json)
    // raises the alarm once per press; the lane goes on serving passengers.
    void theStaffCallRaisesAnAlarm() {
        QFile wide(QStringLiteral(GATE_SOURCE_DIR "/config/lanes/wide.json"));
        QVERIFY(wide.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(wide.readAll()).object();
        profile.insert("pass_timeout_ms", 1000); // the rig's controller ends passes sooner
        startRig({}, profile);
        QVERIFY(m_rig->lane().actuator()->traits().wide);
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        QSignalSpy staffCall(&controller(), &LaneController::staffCallChanged);
        m_rig->sim().send(QStringLiteral("staff-call on"));
        QTRY_VERIFY_WITH_TIMEOUT(!staffCall.isEmpty(), 5000);
        QCOMPARE(staffCall.last().at(0).toBool(), true);
        QCOMPARE(alarms.size(), 1);
        QCOMPARE(alarms.first().at(0).toString(), QStringLiteral("staff_call"));
        QCOMPARE(controller().snapshot().lastAlarm, QStringLiteral("staff_call"));
        QVERIFY(controller().readyForPassenger());
        m_rig->sim().send(QStringLiteral("staff-call off"));
        QTRY_COMPARE_WITH_TIMEOUT(staffCall.size(), 2, 5000);
        QCOMPARE(staffCall.last().at(0).toBool(), false);
        QCOMPARE(alarms.size(), 1);
        QSignalSpy passed(&controller(), &LaneController::passed);
        controller().authorise(PassDirection::Entry, 2201);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
    }

    // A press held through a lane link loss is the same call when the link
    // returns: the panel shows it again, the audit trail gets no second alarm.
    // A press that began while the link was down is a call of its own.
    void aStaffCallHeldThroughALinkLossIsOneAlarm() {
        QFile wide(QStringLiteral(GATE_SOURCE_DIR "/config/lanes/wide.json"));
        QVERIFY(wide.open(QIODevice::ReadOnly));
        startRig({QStringLiteral("--passengers"), QStringLiteral("none")},
                 QJsonDocument::fromJson(wide.readAll()).object());
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        QSignalSpy staffCall(&controller(), &LaneController::staffCallChanged);
        m_rig->sim().send(QStringLiteral("staff-call on"));
        QTRY_COMPARE_WITH_TIMEOUT(staffCall.size(), 1, 5000);
        m_rig->sim().send(QStringLiteral("offline on"));
        QTRY_COMPARE_WITH_TIMEOUT(staffCall.size(), 2, 10000); // unknown while the link is down
        QCOMPARE(staffCall.last().at(0).toBool(), false);
        m_rig->sim().send(QStringLiteral("offline off"));
        QTRY_COMPARE_WITH_TIMEOUT(staffCall.size(), 3, 10000);
        QCOMPARE(staffCall.last().at(0).toBool(), true);
        QCOMPARE(alarms.size(), 1);

        // Released and pressed again while the link is down: a new call.
        m_rig->sim().send(QStringLiteral("offline on"));
        QTRY_COMPARE_WITH_TIMEOUT(staffCall.size(), 4, 10000);
        m_rig->sim().send(QStringLiteral("staff-call off"));
        QTest::qWait(300);
        m_rig->sim().send(QStringLiteral("offline off"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        m_rig->sim().send(QStringLiteral("staff-call on"));
        QTRY_COMPARE_WITH_TIMEOUT(alarms.size(), 2, 5000);
        QCOMPARE(alarms.last().at(0).toString(), QStringLiteral("staff_call"));
    }

    void exitPassageAndBusyRefusal() {
        startRig();
        QSignalSpy passed(&controller(), &LaneController::passed);
        QSignalSpy refused(&controller(), &LaneController::refused);
        controller().authorise(PassDirection::Exit, 7);
        controller().authorise(PassDirection::Entry, 8); // one passage at a time
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("busy"));
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
        QCOMPARE(passed.first().at(1).value<PassDirection>(), PassDirection::Exit);
    }

    void passTimesOut() {
        QTemporaryDir dir;
        startRig(passengers(dir, QStringLiteral("hesitate\n")));
        QSignalSpy timedOut(&controller(), &LaneController::passTimedOut);
        controller().authorise(PassDirection::Entry, 55);
        QTRY_VERIFY_WITH_TIMEOUT(!timedOut.isEmpty(), 8000);
        QCOMPARE(timedOut.first().at(0).toULongLong(), 55u);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
        QCOMPARE(controller().snapshot().counters.timedOut, 1u);
    }

    void alarms_data() {
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<QString>("alarm");
        QTest::newRow("tailgating") << "tailgate"
                                    << "tailgating";
        QTest::newRow("wrong way") << "wrong-way"
                                   << "wrong_way";
    }
    void alarms() {
        QFETCH(QString, behaviour);
        QFETCH(QString, alarm);
        QTemporaryDir dir;
        startRig(passengers(dir, behaviour));
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        controller().authorise(PassDirection::Entry, 3);
        QTRY_VERIFY_WITH_TIMEOUT(!alarms.isEmpty(), 8000);
        QCOMPARE(alarms.first().at(0).toString(), alarm);
        QCOMPARE(controller().snapshot().lastAlarm, alarm);
        // The alarm stays on the lane until staff reset it.
        serviceCommandSucceeds(LaneServiceCommand::AlarmReset);
    }

    void intrusion() {
        startRig();
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        m_rig->sim().send(QStringLiteral("walk entry"));
        QTRY_VERIFY_WITH_TIMEOUT(!alarms.isEmpty(), 5000);
        QCOMPARE(alarms.first().at(0).toString(), QStringLiteral("intrusion"));
    }

    void fireAlarmDuringOpenPass() {
        startRig({QStringLiteral("--passengers"), QStringLiteral("none")});
        QSignalSpy opened(&controller(), &LaneController::opened);
        QSignalSpy aborted(&controller(), &LaneController::passAborted);
        QSignalSpy availability(&controller(), &LaneController::availabilityChanged);
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        controller().authorise(PassDirection::Entry, 77);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);

        m_rig->sim().send(QStringLiteral("fire on"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::Evacuation), 5000);
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(aborted.first().at(0).toULongLong(), 77u);
        QCOMPARE(aborted.first().at(1).toString(), QStringLiteral("emergency"));
        QCOMPARE(availability.last().at(0).toBool(), false);
        QCOMPARE(availability.last().at(1).toString(), QStringLiteral("emergency"));
        QVERIFY(alarms.contains(QVariantList{QStringLiteral("fire_alarm")}));
        const auto snapshot = controller().snapshot();
        QVERIFY(snapshot.emergencyLatched);
        QVERIFY(snapshot.status.input(gate::hal::LaneInput::BarrierOpen));

        // Every other command is refused until a reset from service mode.
        QCOMPARE(refusalOf(78), QStringLiteral("emergency"));
        QCOMPARE(serviceCommandRefusal(LaneServiceCommand::Normal), QStringLiteral("emergency"));
        QCOMPARE(serviceCommandRefusal(LaneServiceCommand::EmergencyReset),
                 QStringLiteral("fire_alarm_active"));

        m_rig->sim().send(QStringLiteral("fire off"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !controller().snapshot().status.input(gate::hal::LaneInput::FireAlarm), 5000);
        QCOMPARE(gate::toString(controller().state()),
                 gate::toString(LaneState::Evacuation)); // latched until reset
        serviceCommandSucceeds(LaneServiceCommand::EmergencyReset);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
    }

    void evacuationIsReassertedWhateverElseHappens() {
        startRig();
        const qsizetype from = m_rig->sim().mark();
        serviceCommandSucceeds(LaneServiceCommand::EmergencyOpen);
        QCOMPARE(gate::toString(controller().state()), gate::toString(LaneState::Evacuation));
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("command", "emergency_open"), from));
        // A second master resets the lane behind the controller's back.
        const qsizetype afterFirst = m_rig->sim().mark();
        auto other = startLane(m_rig->url(), m_rig->profilePath());
        QSignalSpy otherStatus(other->actuator(), &gate::hal::LaneActuator::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!otherStatus.isEmpty() &&
                                     otherStatus.last().at(0).value<gate::hal::LaneStatus>().linkUp,
                                 5000);
        other->command(gate::hal::LaneCommand::EmergencyReset, 0, 1);
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("command", "emergency_reset"), afterFirst));
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("command", "emergency_open"), afterFirst));
        QCOMPARE(gate::toString(controller().state()), gate::toString(LaneState::Evacuation));
    }

    void linkCutAndRestored() {
        startRig({QStringLiteral("--passengers"), QStringLiteral("none")});
        QSignalSpy availability(&controller(), &LaneController::availabilityChanged);
        QSignalSpy aborted(&controller(), &LaneController::passAborted);
        QSignalSpy opened(&controller(), &LaneController::opened);
        controller().authorise(PassDirection::Entry, 5);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);
        m_rig->sim().send(QStringLiteral("offline on"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        QCOMPARE(availability.last().at(1).toString(), QStringLiteral("link_down"));
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(aborted.first().at(1).toString(), QStringLiteral("link_down"));
        QCOMPARE(refusalOf(6), QStringLiteral("link_down"));
        m_rig->sim().send(QStringLiteral("offline off"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        QCOMPARE(availability.last().at(0).toBool(), true);
    }

    void repliesThatAreNotAnswers() {
        startRig();
        QSignalSpy availability(&controller(), &LaneController::availabilityChanged);
        // Fewer than three bad polls in a row: the link stays up.
        m_rig->sim().send(QStringLiteral("garbage 1"));
        m_rig->sim().send(QStringLiteral("exception 1"));
        QTest::qWait(300);
        QVERIFY(availability.isEmpty());
        QVERIFY(controller().readyForPassenger());
        // A lane that keeps answering garbage is out of service until it stops.
        m_rig->sim().send(QStringLiteral("garbage 30"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        m_rig->sim().send(QStringLiteral("exception 30"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        // Replies slower than the response timeout count as lost.
        m_rig->sim().send(QStringLiteral("slow 400"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        m_rig->sim().send(QStringLiteral("slow 0"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        QSignalSpy passed(&controller(), &LaneController::passed);
        controller().authorise(PassDirection::Entry, 9);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
    }

    void hungLaneControllerIsOutOfServiceUntilItsEchoMoves() {
        startRig({}, {{"heartbeat_echo_stale_ms", 100}});
        gate::hal::LaneActuator *actuator = m_rig->lane().actuator();
        QSignalSpy health(actuator, &gate::hal::LaneActuator::healthChanged);
        QSignalSpy availability(&controller(), &LaneController::availabilityChanged);
        // Modbus keeps answering, the status block and its heartbeat echo freeze.
        m_rig->sim().send(QStringLiteral("hang on"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 5000);
        QCOMPARE(availability.last().at(1).toString(), QStringLiteral("link_down"));
        QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty(), 5000);
        const auto fault = health.last().at(0).value<gate::hal::DeviceHealth>();
        QCOMPARE(gate::hal::toString(fault.state), QStringLiteral("fault"));
        QCOMPARE(fault.detail,
                 QStringLiteral("lane controller not responding: heartbeat echo stale"));
        // No authorisation, neither from the controller nor through the driver.
        QCOMPARE(refusalOf(21), QStringLiteral("link_down"));
        QSignalSpy done(actuator, &gate::hal::LaneActuator::commandDone);
        m_rig->lane().command(gate::hal::LaneCommand::OpenEntry, 1, 22);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 5000);
        QCOMPARE(done.first().at(1).value<gate::hal::LaneCommandResult>(),
                 gate::hal::LaneCommandResult::LinkDown);

        // The echo moves again: the lane is back by itself.
        m_rig->sim().send(QStringLiteral("hang off"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            gate::hal::toString(health.last().at(0).value<gate::hal::DeviceHealth>().state),
            QStringLiteral("ok"), 5000);
        QSignalSpy passed(&controller(), &LaneController::passed);
        controller().authorise(PassDirection::Entry, 23);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
    }

    void laneFault() {
        startRig();
        QSignalSpy alarms(&controller(), &LaneController::alarm);
        m_rig->sim().send(QStringLiteral("fault 12"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 5000);
        QCOMPARE(controller().snapshot().reason, QStringLiteral("lane_fault"));
        QTRY_VERIFY_WITH_TIMEOUT(alarms.contains(QVariantList{QStringLiteral("lane_fault")}), 5000);
        QCOMPARE(refusalOf(10), QStringLiteral("lane_fault"));
        m_rig->sim().send(QStringLiteral("fault off"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
    }

    void modes() {
        startRig();
        serviceCommandSucceeds(LaneServiceCommand::Lock);
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::Locked), 5000);
        QCOMPARE(refusalOf(11), QStringLiteral("locked"));
        serviceCommandSucceeds(LaneServiceCommand::FreePassage);
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::FreePassage), 5000);
        QCOMPARE(controller().snapshot().reason, QStringLiteral("free_passage"));
        serviceCommandSucceeds(LaneServiceCommand::Normal);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
        // Staff let one person through without a passage of the gate's own.
        const qsizetype from = m_rig->sim().mark();
        serviceCommandSucceeds(LaneServiceCommand::OpenOnceExit);
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("event", "passed_exit"), from));
    }

    void watchdogTripsWhenTheGateFallsSilent() {
        startRig({}, {{"watchdog", QJsonObject{{"time_ms", 300}, {"action", "close_lock_entry"}}}});
        const qsizetype from = m_rig->sim().mark();
        m_rig->stopGate(); // no more heartbeats
        const auto tripped = m_rig->sim().waitFor(PeerProcess::field("watchdog", "tripped"), from);
        QVERIFY(tripped);
        QCOMPARE(tripped->value("action").toInt(), 1);
        QVERIFY(m_rig->sim().waitFor(PeerProcess::field("mode", "free_exit"), from));
    }
};

QTEST_GUILESS_MAIN(TestLaneController)
#include "tst_lanecontroller.moc"
