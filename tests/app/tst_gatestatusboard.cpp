// The gate's status board: the service panel's alarms and `gatectl status`
// come from the same reports, whichever thread sent them.
#include "runtime/gatestatusboard.h"

#include <QJsonArray>
#include <QTest>

using namespace gate;
using namespace Qt::StringLiterals;

class GateStatusBoardTest : public QObject {
    Q_OBJECT

private:
    static GateConfig config() {
        GateConfig config;
        config.gateId = u"VNP-A1-01"_s;
        config.station = u"VNP"_s;
        config.gateGroup = u"A1"_s;
        config.direction = LaneContext::Direction::Exit;
        return config;
    }

    static void pressStaffCallWithLaneAlarm(GateStatusBoard &board, const QString &laneAlarm) {
        board.setStaffCall(true);
        LaneSnapshot lane;
        lane.lastAlarm = laneAlarm;
        board.setLane(lane);
    }

private slots:
    void aQuietGateHasNoAlarm() {
        const GateConfig gate = config();
        const GateStatusBoard board(gate);
        QVERIFY(board.alarms().isEmpty());
        const QJsonObject status = board.toJson();
        QCOMPARE(status.value(u"gate"_s).toString(), u"VNP-A1-01"_s);
        QCOMPARE(status.value(u"direction"_s).toString(), u"exit"_s);
        QVERIFY(!status.value(u"list"_s).toObject().contains(u"last_sync"_s));
        QVERIFY(!status.value(u"outbox"_s).toObject().contains(u"last_error"_s));
    }

    void everyReportShowsInTheAlarmsAndTheStatus() {
        const GateConfig gate = config();
        GateStatusBoard board(gate);
        pressStaffCallWithLaneAlarm(board, u"tailgating"_s);
        OutboxStatus outbox;
        outbox.full = true;
        outbox.backlog.rows = 500'000;
        board.setOutbox(outbox);
        board.setAuditError(u"storage is full"_s);
        sync::SyncResult refused;
        refused.outcome = sync::SyncOutcome::BadSignature;
        refused.detail = u"manifest signature"_s;
        QCOMPARE(board.setLastSync(refused, 1763717000), QString());
        board.setListAge(ListAge::PastGrace);
        QCOMPARE(board.alarms(), (QStringList{u"staff_call"_s, u"tailgating"_s, u"outbox_full"_s,
                                              u"audit_failed: storage is full"_s,
                                              u"ticket_list_refused: bad_signature"_s,
                                              u"ticket_list_past_grace"_s}));

        const QJsonObject status = board.toJson();
        QCOMPARE(status.value(u"lane"_s).toObject().value(u"last_alarm"_s).toString(),
                 u"tailgating"_s);
        QCOMPARE(status.value(u"outbox"_s).toObject().value(u"backlog"_s).toInt(), 500'000);
        QCOMPARE(status.value(u"outbox"_s).toObject().value(u"last_error"_s).toString(),
                 u"storage is full"_s);
        const QJsonObject lastSync =
            status.value(u"list"_s).toObject().value(u"last_sync"_s).toObject();
        QCOMPARE(lastSync.value(u"outcome"_s).toString(), u"bad_signature"_s);
        QCOMPARE(lastSync.value(u"at"_s).toInteger(), 1763717000);
        QVERIFY(lastSync.value(u"refused"_s).toBool());

        // The next sync says what the one before it was: one alarm record per change.
        sync::SyncResult applied;
        applied.outcome = sync::SyncOutcome::Applied;
        QCOMPARE(board.setLastSync(applied, 1763717005), u"bad_signature"_s);
        QVERIFY(!board.alarms().contains(u"ticket_list_refused: bad_signature"_s));
    }

    void aLaneAlarmThatIsTheStaffCallShowsOnce() {
        const GateConfig gate = config();
        GateStatusBoard board(gate);
        pressStaffCallWithLaneAlarm(board, u"staff_call"_s);
        QCOMPARE(board.alarms(), QStringList{u"staff_call"_s});
    }

    void devicesAreListedOncePerName() {
        const GateConfig gate = config();
        GateStatusBoard board(gate);
        hal::DeviceHealth camera{u"camera"_s, hal::DeviceHealth::State::Ok, {}, {}};
        board.setDeviceHealth(camera);
        camera.state = hal::DeviceHealth::State::Fault;
        camera.detail = u"no frames"_s;
        const QVariantList devices = board.setDeviceHealth(camera);
        QCOMPARE(devices.size(), 1);
        QCOMPARE(devices.first().toMap().value(u"state"_s).toString(), u"fault"_s);
        QCOMPARE(board.toJson().value(u"devices"_s).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(GateStatusBoardTest)
#include "tst_gatestatusboard.moc"
