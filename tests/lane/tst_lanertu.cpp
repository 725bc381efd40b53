// The lane over Modbus RTU: the simulator serves a pseudo-terminal, the
// driver opens its slave side like a serial port.
#include "lanerig.h"

#include <QSignalSpy>
#include <QTest>

using gate::LaneController;
using gate::LaneServiceCommand;
using gate::LaneState;
using gate::PassDirection;

class TestLaneRtu : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<LaneRig> m_rig;

    LaneController &controller() { return m_rig->controller(); }

private slots:
    void init() {
        m_rig = std::make_unique<LaneRig>();
        QVERIFY2(m_rig->start(LaneRig::Transport::Rtu), qPrintable(m_rig->error()));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
    }
    void cleanup() { m_rig.reset(); }

    void passage() {
        QSignalSpy opened(&controller(), &LaneController::opened);
        QSignalSpy passed(&controller(), &LaneController::passed);
        controller().authorise(PassDirection::Entry, 501);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
        QCOMPARE(passed.first().at(0).toULongLong(), 501u);
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 5000);
    }

    void fireAlarm() {
        m_rig->sim().send(QStringLiteral("fire on"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::Evacuation), 5000);
        QVERIFY(controller().snapshot().status.input(gate::hal::LaneInput::BarrierOpen));
    }

    void lostRepliesAndRecovery() {
        QSignalSpy availability(&controller(), &LaneController::availabilityChanged);
        m_rig->sim().send(QStringLiteral("drop-replies 20"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        QCOMPARE(availability.first().at(1).toString(), QStringLiteral("link_down"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
        m_rig->sim().send(QStringLiteral("garbage 1"));
        QSignalSpy passed(&controller(), &LaneController::passed);
        controller().authorise(PassDirection::Exit, 502);
        QTRY_VERIFY_WITH_TIMEOUT(!passed.isEmpty(), 5000);
    }

    // On RTU libmodbus itself refuses a reply from another address.
    void replyFromTheWrongUnitIsALinkFault() {
        m_rig->sim().send(QStringLiteral("wrong-unit 20"));
        QTRY_COMPARE_WITH_TIMEOUT(gate::toString(controller().state()),
                                  gate::toString(LaneState::OutOfService), 10000);
        QCOMPARE(controller().snapshot().reason, QStringLiteral("link_down"));
        QTRY_VERIFY_WITH_TIMEOUT(controller().readyForPassenger(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestLaneRtu)
#include "tst_lanertu.moc"
