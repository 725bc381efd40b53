// The demo passengers through the whole gate: gate-app with its real plugins,
// the lane simulator as a real Modbus TCP server, a ticket list synced by the
// real sync code. Checks what each passenger was told, the commands the lane
// executed, and the audit records.
#include "gaterig.h"

#include "core/audit/auditstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

class DemoPassengersTest : public QObject {
    Q_OBJECT

private:
    GateRig m_rig;
    QStringList m_expected; // reason per decision, in order
    int m_gateExitCode = -1;
    QByteArray m_gateOutput;
    QByteArray m_laneOutput;
    QJsonObject m_status;
    QFile::Permissions m_socketPermissions;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_rig.prepareStation(&error), qPrintable(error));
        const QJsonArray steps = m_rig.demoSteps();
        QCOMPARE(steps.size(), m_rig.station().value(QStringLiteral("passengers")).toInt());
        // The first step of a two-step passage has no decision of its own.
        for (const QJsonValue &step : steps) {
            if (step.toObject().contains(QStringLiteral("expect")))
                m_expected.append(step.toObject().value(QStringLiteral("expect")).toString());
        }
        QVERIFY(m_expected.size() < steps.size());
        QVERIFY2(m_rig.startLane(&error), qPrintable(error));

        QProcess gate;
        m_rig.startGate(gate, m_rig.writeConfig(steps), int(m_expected.size()));
        QVERIFY(gate.waitForStarted());
        // Ops' view while it runs: `gatectl status` on the gate's socket.
        QTRY_VERIFY_WITH_TIMEOUT(
            !(m_status = m_rig.status()).value(QStringLiteral("list")).toObject().isEmpty(),
            30'000);
        // Once the gate answers, its listen() has returned and set the mode
        // (the file exists a moment earlier with Qt's own mode).
        m_socketPermissions = QFileInfo(m_rig.path("status.sock")).permissions();
        QVERIFY(gate.waitForFinished(120'000));
        m_gateExitCode = gate.exitCode();
        m_gateOutput = gate.readAllStandardOutput();
        m_rig.stopLane();
        m_laneOutput = m_rig.laneOutput();
    }

    void everyPassengerIsToldTheExpectedOutcome() {
        QCOMPARE(m_gateExitCode, 0);
        QCOMPARE(GateRig::decisionReasons(m_gateOutput), m_expected);
    }

    void deniedPassengersReadWhyInBothLanguages() {
        // e.g. "reason=too_early: Check-in for G105 opens at 14:05 - ... | 14:05 ..."
        const QString output = QString::fromUtf8(m_gateOutput);
        QVERIFY2(output.contains(QStringLiteral("Check-in for G105 opens at")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("G105")), qPrintable(output));
        static const QRegularExpression chinese(
            QStringLiteral("reason=too_early: .*\\|.*[\\x{4e00}-\\x{9fff}]"));
        QVERIFY2(chinese.match(output).hasMatch(), qPrintable(output));
    }

    void theLaneExecutedOneOpenPerAdmission() {
        // The parent with a child is one admission for two: CMD_ARG = 2.
        const int admitted = int(m_expected.count(QStringLiteral("ok")));
        QList<int> sequences;
        QList<int> passes;
        int passedEvents = 0;
        for (const QByteArray &line : m_laneOutput.split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.value(QStringLiteral("code")).toInt() == 1 && object.contains("command")) {
                passes.append(object.value(QStringLiteral("arg")).toInt());
                QCOMPARE(object.value(QStringLiteral("result")).toInt(), 0);
                sequences.append(object.value(QStringLiteral("seq")).toInt());
            }
            if (object.value(QStringLiteral("event")).toString() == QLatin1String("passed_entry"))
                ++passedEvents;
        }
        QCOMPARE(sequences.size(), admitted);
        for (int i = 1; i < sequences.size(); ++i)
            QVERIFY2(sequences[i] > sequences[i - 1], "CMD_SEQ must grow with every command");
        QCOMPARE(passes.count(2), 1);
        QCOMPARE(passes.count(1), admitted - 1);
        QCOMPARE(passedEvents, admitted + 1);
    }

    void thePartyAndTheStudentAreToldInBothLanguages() {
        const QString output = QString::fromUtf8(m_gateOutput);
        QVERIFY2(output.contains(QStringLiteral("2 passengers, please pass one by one")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("2 位旅客，请依次通行")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Your student discount needs its yearly check")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("学生优惠资质需年度核验")), qPrintable(output));
    }

    void opsCanQueryTheRunningGate() {
        QCOMPARE(m_status.value(QStringLiteral("gate")).toString(), QStringLiteral("TEST-A1-01"));
        QCOMPARE(
            m_status.value(QStringLiteral("list")).toObject().value(QStringLiteral("seq")).toInt(),
            1);
        QCOMPARE(m_status.value(QStringLiteral("list"))
                     .toObject()
                     .value(QStringLiteral("stale"))
                     .toBool(),
                 false);
        QVERIFY(m_status.value(QStringLiteral("outbox"))
                    .toObject()
                    .contains(QStringLiteral("backlog")));
        QVERIFY(m_status.contains(QStringLiteral("version")));
        // Read and write for the gate's user and group, nothing else (docs/operations.md).
        QCOMPARE(m_socketPermissions & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup);
    }

    void theAuditHoldsEveryDecisionAndPassage() {
        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig.path("audit.db"), QStringLiteral("TEST-A1-01"), &error),
                 qPrintable(error));
        const auto decisions = audit.recentEvents(gate::AuditEventType::Decision, 100);
        QCOMPARE(decisions.size(), m_expected.size());
        QStringList reasons;
        int paired = 0;
        for (auto it = decisions.crbegin(); it != decisions.crend(); ++it) {
            reasons.append(it->fields.value(QStringLiteral("reason")).toString());
            // Never a document number in a record.
            const QByteArray json = QJsonDocument(it->fields).toJson();
            QVERIFY(!json.contains("11010519491231002X"));
            QVERIFY(!json.contains("DE1234567"));
            QVERIFY(!json.contains("110105198503020011"));
            QVERIFY(!json.contains("440304199207150028"));
            paired += it->fields.value(QStringLiteral("credential")).toString() ==
                      QLatin1String("eticket+resident");
        }
        QCOMPARE(reasons, m_expected);
        // Both bound codes went through with their holder's card, one each way.
        QCOMPARE(paired, 2);
        QVERIFY(audit.localUseAt(QStringLiteral("E1010"), true).has_value());
        QVERIFY(audit.localUseAt(QStringLiteral("E1011"), true).has_value());
        int passed = 0;
        for (const auto &passage : audit.recentEvents(gate::AuditEventType::Passage, 100))
            passed += passage.fields.value(QStringLiteral("outcome")).toString() == "passed";
        QCOMPARE(passed, int(m_expected.count(QStringLiteral("ok"))));
        QVERIFY(audit.localUseAt(QStringLiteral("E1001"), true).has_value());
        // The party: one decision listing both tickets, both marked used.
        int parties = 0;
        for (const auto &decision : decisions) {
            const QJsonArray tids = decision.fields.value(QStringLiteral("tids")).toArray();
            if (tids.isEmpty())
                continue;
            ++parties;
            QCOMPARE(tids, (QJsonArray{QStringLiteral("E1012"), QStringLiteral("E1013")}));
        }
        QCOMPARE(parties, 1);
        QVERIFY(audit.localUseAt(QStringLiteral("E1012"), true).has_value());
        QVERIFY(audit.localUseAt(QStringLiteral("E1013"), true).has_value());
        QVERIFY(!audit.localUseAt(QStringLiteral("E1014"), true).has_value());
    }
};

QTEST_GUILESS_MAIN(DemoPassengersTest)
#include "tst_demopassengers.moc"
