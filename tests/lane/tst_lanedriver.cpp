// The modbus-lane driver (libmodbus) against an independent lane written on
// pymodbus (tests/lane/pymodbus_lane.py).
#include "lanetestsupport.h"
#include "peerprocess.h"
#include "support/testpeer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using gate::hal::DeviceHealth;
using gate::hal::LaneActuator;
using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;
using gate::hal::LaneStatus;

class TestLaneDriver : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<PeerProcess> m_peer;
    std::unique_ptr<gate::hal::LaneActuatorThread> m_lane;
    QString m_url;

    void startPeer() {
        GATE_REQUIRE_PEER("pymodbus");
        GATE_REQUIRE_PEER("pyserial-asyncio");
        m_peer = std::make_unique<PeerProcess>();
        const QString endpoint =
            m_peer->start(QStringLiteral("/usr/bin/python3"),
                          {QStringLiteral(GATE_SOURCE_DIR "/tests/lane/pymodbus_lane.py")},
                          QStringLiteral("tcp"));
        QVERIFY2(!endpoint.isEmpty(), qPrintable(m_peer->errors()));
        m_url = QStringLiteral("tcp://") + endpoint;
    }

    // Waits for a status with the link up and returns it.
    LaneStatus waitForLinkUp(QSignalSpy &spy) {
        for (int i = 0; i < 200; ++i) {
            for (const auto &args : std::as_const(spy))
                if (args.at(0).value<LaneStatus>().linkUp)
                    return args.at(0).value<LaneStatus>();
            spy.wait(50);
        }
        return {};
    }

    std::optional<QList<QVariant>> commandAndWait(LaneCommand command, quint64 token) {
        QSignalSpy done(m_lane->actuator(), &LaneActuator::commandDone);
        m_lane->command(command, 1, token);
        if (done.isEmpty() && !done.wait(5000))
            return std::nullopt;
        return done.first();
    }

private slots:
    void init() {
        startPeer();
        m_lane.reset();
    }
    void cleanup() {
        m_lane.reset();
        m_peer.reset();
    }

    void setsUpWatchdogAndDecodesStatus() {
        const qsizetype from = m_peer->mark();
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        const LaneStatus up = waitForLinkUp(status);
        QVERIFY(up.linkUp);
        QCOMPARE(up.passedEntry, 0x00010002u); // high word first
        QCOMPARE(up.passedExit, 3u);
        QCOMPARE(up.firmware, 0x0207);
        QVERIFY(up.input(gate::hal::LaneInput::BarrierClosed));
        QCOMPARE(up.mode, LaneStatus::Mode::Controlled);
        // WATCHDOG_TIME, WATCHDOG_ACTION, PASS_TIMEOUT, CLOSE_DELAY in 100 ms units.
        for (const auto &[address, value] : {std::pair{4, 10}, {5, 1}, {6, 10}, {7, 1}}) {
            const auto written = m_peer->waitFor(
                [address = address, value = value](const QJsonObject &line) {
                    return line.value("write") == address &&
                           line.value("values").toArray().first() == value;
                },
                from);
            QVERIFY2(written, qPrintable(QStringLiteral("HR %1 = %2").arg(address).arg(value)));
        }
    }

    void heartbeatAdvancesOnEveryPoll() {
        const qsizetype from = m_peer->mark();
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QList<int> beats;
        m_peer->waitFor(
            [&](const QJsonObject &line) {
                if (line.value("write") == 3)
                    beats << line.value("values").toArray().first().toInt();
                return beats.size() >= 3;
            },
            from);
        QCOMPARE(beats.size(), 3);
        QCOMPARE(beats.at(1), beats.at(0) + 1);
        QCOMPARE(beats.at(2), beats.at(1) + 1);
    }

    void commandIsOneWriteAndAcknowledged() {
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        const qsizetype from = m_peer->mark();
        const auto done = commandAndWait(LaneCommand::OpenExit, 42);
        QVERIFY(done);
        QCOMPARE(done->at(0).toULongLong(), 42u);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::Ok);
        const auto write = m_peer->waitFor(PeerProcess::field("write", 0), from);
        QVERIFY(write);
        const QJsonArray words = write->value("values").toArray();
        QCOMPARE(words.size(), 3); // CMD_CODE, CMD_ARG, CMD_SEQ in one FC16
        QCOMPARE(words.at(0).toInt(), 2);
        QCOMPARE(words.at(1).toInt(), 1);
        const int seq = words.at(2).toInt();
        QVERIFY(m_peer->waitFor(PeerProcess::field("command", 2), from));

        const auto second = commandAndWait(LaneCommand::Close, 43);
        QVERIFY(second);
        const auto secondWrite = m_peer->waitFor(PeerProcess::field("command", 3), from);
        QVERIFY(secondWrite);
        QCOMPARE(secondWrite->value("seq").toInt(), (seq + 1) & 0xFFFF);
    }

    void refusalIsReported() {
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        m_peer->send(QStringLiteral("mode 5"));
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() &&
                                     status.last().at(0).value<LaneStatus>().mode ==
                                         LaneStatus::Mode::Emergency,
                                 5000);
        const auto done = commandAndWait(LaneCommand::OpenEntry, 7);
        QVERIFY(done);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::RefusedMode);
    }

    void eventsWithMissedCount() {
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        QSignalSpy events(m_lane->actuator(), &LaneActuator::laneEvent);
        m_peer->send(QStringLiteral("event 4"));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 5000);
        QCOMPARE(events.first().at(0).toInt(), int(gate::hal::LaneEvent::Tailgating));
        QCOMPARE(events.first().at(2).toInt(), 0);
        m_peer->send(QStringLiteral("event 1 2"));
        QTRY_VERIFY_WITH_TIMEOUT(events.size() >= 2, 5000);
        QCOMPARE(events.last().at(0).toInt(), int(gate::hal::LaneEvent::PassedEntry));
        QCOMPARE(events.last().at(2).toInt(), 2);
    }

    void secondMasterOnlyReadsAndCommands() {
        const qsizetype from = m_peer->mark();
        m_lane =
            startLane(m_url, writeFastProfile(m_dir, {{"heartbeat_echo_stale_ms", 60}}), false);
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        QTest::qWait(400); // far longer than heartbeat_echo_stale_ms
        QVERIFY(
            !m_peer->waitFor([](const QJsonObject &l) { return l.contains("write"); }, from, 0));
        // Without heartbeats of its own it cannot judge the echo: no check.
        QVERIFY(status.last().at(0).value<LaneStatus>().linkUp);
        const auto done = commandAndWait(LaneCommand::Lock, 11);
        QVERIFY(done);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::Ok);
    }

    void lowWordFirstProfile() {
        m_lane = startLane(m_url, writeFastProfile(m_dir, {{"word_order", "low_first"}}));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QCOMPARE(waitForLinkUp(status).passedEntry, 0x00020001u);
    }

    void staleHeartbeatEchoIsAFaultUntilItFollows() {
        m_lane = startLane(m_url, writeFastProfile(m_dir, {{"heartbeat_echo_stale_ms", 60}}));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QSignalSpy health(m_lane->actuator(), &LaneActuator::healthChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        m_peer->send(QStringLiteral("echo freeze"));
        QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty() &&
                                     health.last().at(0).value<DeviceHealth>().state ==
                                         DeviceHealth::State::Fault,
                                 5000);
        QCOMPARE(health.last().at(0).value<DeviceHealth>().detail,
                 QStringLiteral("lane controller not responding: heartbeat echo stale"));
        // Reported like a lost link, although Modbus still answers.
        QVERIFY(!status.last().at(0).value<LaneStatus>().linkUp);
        auto done = commandAndWait(LaneCommand::OpenEntry, 21);
        QVERIFY(done);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::LinkDown);

        m_peer->send(QStringLiteral("echo follow"));
        QTRY_VERIFY_WITH_TIMEOUT(status.last().at(0).value<LaneStatus>().linkUp, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            health.last().at(0).value<DeviceHealth>().state == DeviceHealth::State::Ok, 5000);
        done = commandAndWait(LaneCommand::OpenEntry, 22);
        QVERIFY(done);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::Ok);
    }

    void echoCheckCanBeTurnedOff() {
        m_lane = startLane(m_url, writeFastProfile(m_dir, {{"heartbeat_echo_stale_ms", 0}}));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QSignalSpy health(m_lane->actuator(), &LaneActuator::healthChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        m_peer->send(QStringLiteral("echo freeze"));
        QVERIFY(m_peer->waitFor(PeerProcess::field("control", "echo freeze")));
        QTest::qWait(400); // many polls with a frozen echo
        QVERIFY(status.last().at(0).value<LaneStatus>().linkUp);
        for (const auto &args : std::as_const(health))
            QVERIFY(args.at(0).value<DeviceHealth>().state != DeviceHealth::State::Fault);
    }

    void theStaffCallIsRead_data() {
        QTest::addColumn<QJsonObject>("profile");
        QFile wide(QStringLiteral(GATE_SOURCE_DIR "/config/lanes/wide.json"));
        QVERIFY(wide.open(QIODevice::ReadOnly));
        QTest::newRow("wide lane, IR 15 bit 0") << QJsonDocument::fromJson(wide.readAll()).object();
        QTest::newRow("coil lane, DI 16")
            << QJsonObject{{"kind", "coils"}, {"staff_call", QJsonObject{{"discrete_input", 16}}}};
    }
    // The button as the independent lane serves it, within the one status
    // read of each poll.
    void theStaffCallIsRead() {
        QFETCH(QJsonObject, profile);
        const qsizetype from = m_peer->mark();
        m_lane = startLane(m_url, writeFastProfile(m_dir, profile));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        QVERIFY(!status.last().at(0).value<LaneStatus>().staffCall);
        m_peer->send(QStringLiteral("staff-call on"));
        QTRY_VERIFY_WITH_TIMEOUT(status.last().at(0).value<LaneStatus>().staffCall, 5000);
        m_peer->send(QStringLiteral("staff-call off"));
        QTRY_VERIFY_WITH_TIMEOUT(!status.last().at(0).value<LaneStatus>().staffCall, 5000);
        if (profile.value("kind") == QLatin1String("coils"))
            return;
        // The wide lane's longer pass time and closing delay reach HR 6 and 7.
        QVERIFY(m_lane->actuator()->traits().wide);
        for (const auto &[address, value] : {std::pair{6, 120}, {7, 20}}) {
            const auto written = m_peer->waitFor(
                [address = address, value = value](const QJsonObject &line) {
                    return line.value("write") == address &&
                           line.value("values") == QJsonArray{value};
                },
                from);
            QVERIFY2(written, qPrintable(QStringLiteral("HR %1 = %2").arg(address).arg(value)));
        }
    }

    void linkLossIsReported() {
        m_lane = startLane(m_url, writeFastProfile(m_dir));
        QSignalSpy status(m_lane->actuator(), &LaneActuator::statusChanged);
        QSignalSpy health(m_lane->actuator(), &LaneActuator::healthChanged);
        QVERIFY(waitForLinkUp(status).linkUp);
        m_peer->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!status.last().at(0).value<LaneStatus>().linkUp, 10000);
        QVERIFY(health.last().at(0).value<gate::hal::DeviceHealth>().state ==
                gate::hal::DeviceHealth::State::Offline);
        const auto done = commandAndWait(LaneCommand::OpenEntry, 9);
        QVERIFY(done);
        QCOMPARE(done->at(1).value<LaneCommandResult>(), LaneCommandResult::LinkDown);
    }
};

QTEST_GUILESS_MAIN(TestLaneDriver)
#include "tst_lanedriver.moc"
