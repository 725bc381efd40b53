// The whole gate on lanes other than the default one: gate-app with its
// plugins, the demo station's list, the lane simulator as a real Modbus TCP
// server started here with the passengers each case needs. A party of whom
// one member does not come, a relay (coil) lane given a party, and the wide
// lane's staff-call button.
#include "gaterig.h"
#include "lanetestsupport.h"
#include "peerprocess.h"
#include "support/gatetools.h"

#include "core/audit/auditstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString partyStep = u"resident ID card of a parent with a child, G101: 2 passengers"_s;

} // namespace

class LaneVariantsTest : public QObject {
    Q_OBJECT

private:
    // A new station for each case: each uses the party's tickets.
    std::unique_ptr<GateRig> m_rig;
    QTemporaryDir m_laneDir;
    std::unique_ptr<PeerProcess> m_sim; // one per case: its lines are that run's

    // The simulator with `passengers` (one behaviour a line), and the gate's
    // lane device on it with a fast profile plus `profile`.
    QJsonObject startLane(const QString &passengers, const QJsonObject &profile) {
        QFile script(m_laneDir.filePath(u"passengers.txt"_s));
        if (!script.open(QIODevice::WriteOnly) || script.write(passengers.toUtf8()) < 0)
            qFatal("cannot write the passenger script");
        script.close();
        const QString endpoint = m_sim->start(
            gate::test::gateBinary(u"gate-lane-sim"_s),
            {u"--tcp"_s, u"127.0.0.1:0"_s, u"--passengers"_s, script.fileName(), u"--door-ms"_s,
             u"50"_s, u"--walk-delay-ms"_s, u"50"_s, u"--walk-ms"_s, u"150"_s},
            u"tcp"_s);
        if (endpoint.isEmpty())
            qFatal("the simulator did not start: %s", qPrintable(m_sim->errors()));
        return {{"name", "lane"},
                {"plugin", "modbus-lane"},
                {"role", "lane"},
                {"settings", QJsonObject{{"url", "tcp://" + endpoint},
                                         {"profile", writeFastProfile(m_laneDir, profile)}}}};
    }

    // The configuration for one demo step on `lane`.
    QString configFor(const QString &step, const QJsonObject &lane) const {
        const QString config = m_rig->writeConfig({m_rig->demoStep(step)});
        QFile file(config);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(config));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray devices = object.value("devices").toArray();
        for (qsizetype i = 0; i < devices.size(); ++i) {
            if (devices[i].toObject().value("role") == QLatin1String("lane"))
                devices[i] = lane;
        }
        return m_rig->writeConfig({m_rig->demoStep(step)}, {{"devices", devices}});
    }

    QList<gate::AuditEvent> auditEvents(gate::AuditEventType type) const {
        gate::AuditStore audit;
        QString error;
        if (!audit.open(m_rig->path(u"audit.db"_s), u"TEST-A1-01"_s, &error))
            qFatal("audit store: %s", qPrintable(error));
        return audit.recentEvents(type, 100);
    }

private slots:
    void init() {
        m_sim = std::make_unique<PeerProcess>();
        m_rig = std::make_unique<GateRig>();
        QString error;
        QVERIFY2(m_rig->prepareStation(&error), qPrintable(error));
    }
    void cleanup() {
        m_sim.reset();
        m_rig.reset();
    }

    // The parent passes, the child does not come: the passage record says
    // one of two passed, and both tickets stay used.
    void aPartyPartlyPassedIsRecordedAsSuch() {
        const QJsonObject lane = startLane(u"pass\nhesitate\n"_s, {});
        QProcess gate;
        m_rig->startGate(gate, configFor(partyStep, lane), 1);
        QVERIFY(gate.waitForFinished(120'000));
        QCOMPARE(gate.exitCode(), 0);
        QCOMPARE(GateRig::decisionReasons(gate.readAllStandardOutput()), QStringList{u"ok"_s});
        QVERIFY(m_sim->waitFor(PeerProcess::field("event", "pass_timed_out")));

        const auto passages = auditEvents(gate::AuditEventType::Passage);
        QCOMPARE(passages.size(), 1);
        const QJsonObject fields = passages.first().fields;
        QCOMPARE(fields.value("outcome").toString(), u"partly_passed"_s);
        QCOMPARE(fields.value("members").toInt(), 2);
        QCOMPARE(fields.value("members_passed").toInt(), 1);
        QCOMPARE(fields.value("members_not_passed").toInt(), 1);
        QCOMPARE(fields.value("tids").toArray(), (QJsonArray{u"E1012"_s, u"E1013"_s}));
    }

    // A relay gate cannot count a party through: the party goes to staff
    // before any ticket is used, and the lane is not opened.
    void aCoilLaneSendsAPartyToStaff() {
        const QJsonObject lane = startLane(u"pass\n"_s, {{"kind", "coils"}});
        QProcess gate;
        m_rig->startGate(gate, configFor(partyStep, lane), 1);
        QVERIFY(gate.waitForFinished(120'000));
        QCOMPARE(gate.exitCode(), 0);
        QCOMPARE(GateRig::decisionReasons(gate.readAllStandardOutput()),
                 QStringList{u"staff_check_required"_s});
        QVERIFY(auditEvents(gate::AuditEventType::Passage).isEmpty());
        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig->path(u"audit.db"_s), u"TEST-A1-01"_s, &error),
                 qPrintable(error));
        QVERIFY(!audit.localUseAt(u"E1012"_s, true).has_value());
        // The gate has stopped: whatever it sent the lane is in the output.
        QVERIFY2(!m_sim->waitFor(
                     [](const QJsonObject &line) {
                         return line.value("coil") == 0 && line.value("on") == true;
                     },
                     0, 500),
                 "no open pulse for the party");
    }

    // The wide lane's button: an alarm on the status (and the panel), one
    // audit record per press; the lane still lets the party through.
    void theWideLanesStaffCallIsAudited() {
        QFile wide(QStringLiteral(GATE_SOURCE_DIR "/config/lanes/wide.json"));
        QVERIFY(wide.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(wide.readAll()).object();
        profile.insert("pass_timeout_ms", 2000);
        const QJsonObject lane = startLane(u"pass\n"_s, profile);
        QProcess gate;
        m_rig->startGate(gate, configFor(partyStep, lane));
        QVERIFY(gate.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->status().value("lane").toObject().value("link_up").toBool(),
                                 30'000);
        m_sim->send(u"staff-call on"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_rig->status().value("lane").toObject().value("last_alarm").toString(),
            u"staff_call"_s, 10'000);
        m_sim->send(u"staff-call off"_s);
        QVERIFY(m_sim->waitFor(PeerProcess::field("staff_call", false)));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_rig->status().value("lane").toObject().value("passed").toInteger() == 1, 30'000);
        gate.terminate();
        QVERIFY(gate.waitForFinished(30'000));
        QCOMPARE(gate.exitCode(), 0);

        int staffCalls = 0;
        for (const auto &alarm : auditEvents(gate::AuditEventType::Alarm))
            staffCalls += alarm.fields.value("code") == QLatin1String("staff_call");
        QCOMPARE(staffCalls, 1);
    }
};

QTEST_GUILESS_MAIN(LaneVariantsTest)
#include "tst_lanevariants.moc"
