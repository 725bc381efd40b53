// What the gate keeps when it dies or restarts, through the whole gate
// process: an admission killed with SIGKILL right after its decision keeps
// its record and its ticket use (the code is refused afterwards), and a PIN
// lockout is still in force after restarts.
#include "gaterig.h"

#include "core/audit/auditstore.h"
#include "core/clock.h"
#include "core/service/lockoutstore.h"
#include "core/service/pinverifier.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::service::PinVerifier;

class GateRestartTest : public QObject {
    Q_OBJECT

private:
    GateRig m_rig;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_rig.prepareStation(&error), qPrintable(error));
        QVERIFY2(m_rig.startLane(&error), qPrintable(error));
    }

    void anAdmissionKilledRightAfterItsDecisionStaysRecorded() {
        const QJsonArray script{m_rig.demoStep(u"e-ticket, G101 on time"_s)};
        QProcess gate;
        m_rig.startGate(gate, m_rig.writeConfig(script));
        QVERIFY(gate.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += gate.readAllStandardOutput()).contains(" ADMIT "),
                                 60'000);
        gate.kill(); // SIGKILL: no clean shutdown, no WAL checkpoint
        QVERIFY(gate.waitForFinished(10'000));
        QCOMPARE(gate.exitStatus(), QProcess::CrashExit);

        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig.path("audit.db"), u"TEST-A1-01"_s, &error), qPrintable(error));
        const QList<gate::AuditEvent> decisions =
            audit.recentEvents(gate::AuditEventType::Decision, 10);
        QCOMPARE(decisions.size(), 1);
        QVERIFY(decisions.first().fields.value(u"admit"_s).toBool());
        QCOMPARE(decisions.first().fields.value(u"tid"_s).toString(), u"E1001"_s);
        QVERIFY(audit.localUseAt(u"E1001"_s, true).has_value());
        audit.close();

        // The restarted gate knows the code was used.
        QProcess again;
        m_rig.startGate(again, m_rig.writeConfig(script), 1);
        QVERIFY(again.waitForStarted());
        QVERIFY(again.waitForFinished(120'000));
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(GateRig::decisionReasons(again.readAllStandardOutput()),
                 QStringList{u"already_used"_s});
    }

    void aLockoutSurvivesRestartsOfTheGate() {
        const QString staffHash = PinVerifier::hash(u"246813"_s);
        // Wrong PINs typed at this gate, through the lockout state the gate keeps.
        {
            gate::SystemClock clock;
            const gate::service::LockoutStore store(m_rig.path("service-lockout.json"));
            PinVerifier pins(clock, {3, 600}, &store);
            pins.setStaff({{u"1001"_s, staffHash}});
            for (int i = 0; i < 3; ++i)
                pins.verify(u"1001"_s, u"000000"_s);
            QVERIFY(pins.isLockedOut());
        }
        const QJsonObject service{
            {u"staff"_s, QJsonArray{QJsonObject{{u"id"_s, u"1001"_s}, {u"pin_hash"_s, staffHash}}}},
            {u"max_pin_attempts"_s, 3},
            {u"lockout_s"_s, 600}};
        const QString config = m_rig.writeConfig({}, {{u"service"_s, service}});
        for (int restart = 0; restart < 2; ++restart) {
            QProcess gate;
            m_rig.startGate(gate, config);
            QVERIFY(gate.waitForStarted());
            QJsonObject status;
            QTRY_VERIFY_WITH_TIMEOUT(!(status = m_rig.status()).isEmpty(), 30'000);
            const QJsonObject pins = status.value(u"service"_s).toObject();
            QVERIFY2(pins.value(u"locked"_s).toBool(), qPrintable(QString::number(restart)));
            QVERIFY(pins.value(u"unlock_in_s"_s).toInteger() > 0);
            QVERIFY(pins.value(u"unlock_in_s"_s).toInteger() <= 600);
            gate.terminate();
            QVERIFY(gate.waitForFinished(30'000));
            QCOMPARE(gate.exitCode(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(GateRestartTest)
#include "tst_gaterestart.moc"
