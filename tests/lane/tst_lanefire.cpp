// Evacuation whatever the software does, on the register and the coil
// profile, against the lane simulator (with no fire release of its own, so
// that only the gate can open it) and the independent pymodbus lane: fire
// present at start, during a link loss, while a passenger passes; a staff
// reset during the fire; the deciding thread blocked; the latch across a
// restart of the gate; a reply from the wrong unit id.
#include "lanetestsupport.h"
#include "peerprocess.h"
#include "support/gatetools.h"

#include "core/lane/lanecontroller.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using gate::LaneController;
using gate::LaneServiceCommand;
using gate::LaneState;
using gate::PassDirection;
using gate::hal::LaneActuator;
using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;

class TestLaneFire : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<PeerProcess> m_peer;
    QString m_url;
    QString m_profile;
    bool m_coils = false;
    bool m_pymodbus = false;
    QThread m_deciding;
    std::unique_ptr<gate::hal::LaneActuatorThread> m_lane;
    LaneController *m_controller = nullptr; // lives on m_deciding

    LaneController &controller() { return *m_controller; }

    // The peer of the current data row, with `fireAtStart` already on.
    void startPeer(bool fireAtStart, const QStringList &simArguments = {}) {
        QFETCH_GLOBAL(QString, peer);
        QFETCH_GLOBAL(QString, profile);
        m_coils = profile == QLatin1String("coils");
        m_pymodbus = peer == QLatin1String("pymodbus");
        m_peer = std::make_unique<PeerProcess>();
        QString endpoint;
        if (m_pymodbus) {
            endpoint =
                m_peer->start(QStringLiteral("/usr/bin/python3"),
                              {QStringLiteral(GATE_SOURCE_DIR "/tests/lane/pymodbus_lane.py")},
                              QStringLiteral("tcp"));
            if (endpoint.isEmpty() && qEnvironmentVariable("CI") != QLatin1String("true"))
                QSKIP(qPrintable(QStringLiteral("the pymodbus lane cannot start: ") +
                                 m_peer->errors()));
            if (fireAtStart)
                m_peer->send(QStringLiteral("fire on"));
        } else {
            QStringList arguments{QStringLiteral("--tcp"),
                                  QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--no-fire-release"),
                                  QStringLiteral("--door-ms"),
                                  QStringLiteral("50"),
                                  QStringLiteral("--walk-delay-ms"),
                                  QStringLiteral("50")};
            if (fireAtStart)
                arguments << QStringLiteral("--fire");
            endpoint = m_peer->start(gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
                                     arguments + simArguments, QStringLiteral("tcp"));
        }
        QVERIFY2(!endpoint.isEmpty(), qPrintable(m_peer->errors()));
        m_url = QStringLiteral("tcp://") + endpoint;
        QJsonObject overrides;
        if (m_coils)
            overrides = {{"kind", "coils"}, {"pulse_ms", 100}};
        m_profile = writeFastProfile(m_dir, overrides);
    }

    // The driver on its bus thread and the controller on a deciding thread
    // whose progress the driver's heartbeat depends on, as in the gate.
    void startGate() {
        m_deciding.start();
        auto progress = std::make_shared<gate::hal::ProgressMark>();
        auto *ticker = new QTimer;
        ticker->setInterval(20);
        connect(ticker, &QTimer::timeout, ticker, [progress] { progress->mark(); });
        ticker->moveToThread(&m_deciding);
        connect(&m_deciding, &QThread::finished, ticker, &QObject::deleteLater);
        QMetaObject::invokeMethod(ticker, qOverload<>(&QTimer::start));
        m_lane = startLane(m_url, m_profile, true, progress);
        m_controller = new LaneController(m_lane->actuator(), {});
        m_controller->moveToThread(&m_deciding);
        connect(&m_deciding, &QThread::finished, m_controller, &QObject::deleteLater);
    }

    void stopGate() {
        m_deciding.quit();
        m_deciding.wait();
        m_controller = nullptr;
        m_lane.reset();
    }

    // Runs `call` on the deciding thread and waits for it.
    template <typename Call> auto onDeciding(Call &&call) {
        using Result = decltype(call());
        Result result{};
        QMetaObject::invokeMethod(
            m_controller, [&] { result = call(); }, Qt::BlockingQueuedConnection);
        return result;
    }

    QString state() {
        return gate::toString(onDeciding([this] { return controller().state(); }));
    }

    // What the controller answers to a service command from staff.
    QString serviceCommandRefusal(LaneServiceCommand command) {
        QSignalSpy done(m_controller, &LaneController::serviceCommandDone);
        QMetaObject::invokeMethod(m_controller, [this, command] {
            controller().serviceCommand(command, QStringLiteral("S0042"));
        });
        if (done.isEmpty() && !done.wait(5000))
            return QStringLiteral("(no answer)");
        return done.first().at(1).toBool() ? QString() : done.first().at(2).toString();
    }

    // The driver's answer to a command sent to it directly, past the
    // controller (whose own commands may be answered meanwhile).
    LaneCommandResult driverAnswer(LaneCommand command) {
        constexpr quint64 token = 99;
        QSignalSpy done(m_lane->actuator(), &LaneActuator::commandDone);
        m_lane->command(command, 1, token);
        const auto answer = [&]() -> std::optional<LaneCommandResult> {
            for (const auto &arguments : std::as_const(done))
                if (arguments.at(0).toULongLong() == token)
                    return arguments.at(1).value<LaneCommandResult>();
            return std::nullopt;
        };
        for (int waited = 0; !answer() && waited < 100; ++waited)
            done.wait(50);
        return answer().value_or(LaneCommandResult::NotAcknowledged);
    }

    void waitUntilReady() {
        QTRY_VERIFY_WITH_TIMEOUT(onDeciding([this] { return controller().readyForPassenger(); }),
                                 10000);
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("profile");
        QTest::newRow("lane-sim registers") << "lane-sim"
                                            << "registers";
        QTest::newRow("lane-sim coils") << "lane-sim"
                                        << "coils";
        QTest::newRow("pymodbus registers") << "pymodbus"
                                            << "registers";
        QTest::newRow("pymodbus coils") << "pymodbus"
                                        << "coils";
    }

    void cleanup() {
        stopGate();
        m_peer.reset();
    }

    void fireAtStartOpensTheLane() {
        startPeer(true);
        const qsizetype from = m_peer->mark();
        startGate();
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 5000);
        QVERIFY(onDeciding([this] { return controller().snapshot().emergencyLatched; }));
    }

    void fireDuringLinkLossOpensWhenTheLinkReturns() {
        startPeer(false);
        startGate();
        waitUntilReady();
        m_peer->send(QStringLiteral("offline on"));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::OutOfService), 10000);
        m_peer->send(QStringLiteral("fire on"));
        const qsizetype from = m_peer->mark();
        m_peer->send(QStringLiteral("offline off"));
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 10000);
    }

    void fireWhileAPassengerPassesOpensTheLane() {
        // A slow passenger: still in the lane when the fire starts.
        startPeer(false, {QStringLiteral("--walk-ms"), QStringLiteral("5000")});
        startGate();
        waitUntilReady();
        QSignalSpy opened(m_controller, &LaneController::opened);
        QSignalSpy aborted(m_controller, &LaneController::passAborted);
        QMetaObject::invokeMethod(m_controller,
                                  [this] { controller().authorise(PassDirection::Entry, 7); });
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);
        const qsizetype from = m_peer->mark();
        m_peer->send(QStringLiteral("fire on"));
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(aborted.size(), 1, 5000);
        QCOMPARE(aborted.first().at(1).toString(), QStringLiteral("emergency"));
    }

    void staffResetDuringFireIsRefused() {
        startPeer(true);
        const qsizetype from = m_peer->mark();
        startGate();
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 5000);
        // The panel's reset, and the same command sent to the driver past the
        // controller: neither reaches the lane while the fire input is on.
        QCOMPARE(serviceCommandRefusal(LaneServiceCommand::EmergencyReset),
                 QStringLiteral("fire_alarm_active"));
        QCOMPARE(driverAnswer(LaneCommand::EmergencyReset), LaneCommandResult::RefusedMode);
        QVERIFY(!m_peer->waitFor(emergencyResetExecuted(m_coils), from, 300));
        QCOMPARE(state(), gate::toString(LaneState::Evacuation));

        // Fire over: the latch holds until staff reset it.
        m_peer->send(QStringLiteral("fire off"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !onDeciding([this] { return controller().snapshot().status.input(11); }), 5000);
        QCOMPARE(state(), gate::toString(LaneState::Evacuation));
        QCOMPARE(serviceCommandRefusal(LaneServiceCommand::EmergencyReset), QString());
        QVERIFY(m_peer->waitFor(emergencyResetExecuted(m_coils), from));
    }

    void latchSurvivesARestartOfTheGate() {
        startPeer(true);
        const qsizetype from = m_peer->mark();
        startGate();
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        m_peer->send(QStringLiteral("fire off"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !onDeciding([this] { return controller().snapshot().status.input(11); }), 5000);
        stopGate();

        startGate();
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 5000);
        QVERIFY(!m_peer->waitFor(emergencyResetExecuted(m_coils), from, 300));
    }

    void blockedDecidingThreadDoesNotHoldTheEvacuation() {
        startPeer(false);
        startGate();
        waitUntilReady();
        // The deciding thread hangs, as on a database lock held elsewhere.
        QSemaphore release;
        QMetaObject::invokeMethod(m_controller, [&release] { release.acquire(); });
        const qsizetype from = m_peer->mark();
        m_peer->send(QStringLiteral("fire on"));
        QVERIFY(m_peer->waitFor(emergencyOpenExecuted(m_coils), from));
        if (!m_coils && !m_pymodbus) {
            // No heartbeat without the deciding side: the lane's own watchdog trips.
            QVERIFY(m_peer->waitFor(PeerProcess::field("watchdog", "tripped"), from));
        }
        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::Evacuation), 5000);
    }

    void replyFromTheWrongUnitIsALinkFault() {
        startPeer(false);
        startGate();
        waitUntilReady();
        QSignalSpy health(m_lane->actuator(), &LaneActuator::healthChanged);
        m_peer->send(QStringLiteral("wrong-unit 20"));
        QTRY_COMPARE_WITH_TIMEOUT(state(), gate::toString(LaneState::OutOfService), 10000);
        QCOMPARE(onDeciding([this] { return controller().snapshot().reason; }),
                 QStringLiteral("link_down"));
        bool named = false;
        for (const auto &change : std::as_const(health))
            named = named || change.at(0).value<gate::hal::DeviceHealth>().detail.contains(
                                 QLatin1String("from unit id 2"));
        QVERIFY2(named, "the health detail names the unit id of the reply");
        waitUntilReady();
    }
};

QTEST_GUILESS_MAIN(TestLaneFire)
#include "tst_lanefire.moc"
