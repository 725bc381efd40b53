// The demo passengers through the whole gate: gate-app with its real plugins,
// the lane simulator as a real Modbus TCP server, a ticket list synced by the
// real sync code. Checks what each passenger was told, the commands the lane
// executed, and the audit records.
#include "core/audit/auditstore.h"
#include "gatetools.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class DemoPassengersTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_lane;
    QByteArray m_laneOutput;
    QByteArray m_gateOutput;
    QStringList m_expected; // reason per passenger, in order
    int m_gateExitCode = -1;
    QJsonObject m_status;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // Commissioning: the gate's device key, enrolled for the station.
        const QString deviceKey = m_dir.filePath("device.key");
        const QJsonObject device =
            runGateTool(QStringLiteral("gatectl"), {QStringLiteral("device-key"), QStringLiteral("init"),
                                            QStringLiteral("--out"), deviceKey});
        QFile enrolment(m_dir.filePath("enrolled-gates.ndjson"));
        QVERIFY(enrolment.open(QIODevice::WriteOnly));
        enrolment.write(QJsonDocument(device).toJson(QJsonDocument::Compact));
        enrolment.close();
        const QJsonObject station =
            runGateTool(QStringLiteral("gate-issuer"),
                {QStringLiteral("demo-station"), QStringLiteral("--out"), m_dir.filePath("station"),
                 QStringLiteral("--enrol"), enrolment.fileName()});
        QVERIFY2(!station.isEmpty(), "gate-issuer demo-station failed");
        QFile script(station.value(QStringLiteral("script")).toString());
        QVERIFY(script.open(QIODevice::ReadOnly));
        for (const QJsonValue &step : QJsonDocument::fromJson(script.readAll()).array())
            m_expected.append(step.toObject().value(QStringLiteral("expect")).toString());
        QCOMPARE(m_expected.size(), station.value(QStringLiteral("passengers")).toInt());

        const QString listUrl = station.value(QStringLiteral("list_url")).toString();
        const QString rootKey = station.value(QStringLiteral("root_key")).toString();
        const QJsonObject synced =
            runGateTool(QStringLiteral("gatectl"),
                {QStringLiteral("tickets"), QStringLiteral("sync"), listUrl, QStringLiteral("--db"),
                 m_dir.filePath("tickets.db"), QStringLiteral("--root-key"), rootKey,
                 QStringLiteral("--device-key"), deviceKey});
        QCOMPARE(synced.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));

        m_lane.start(gateBinary(QStringLiteral("gate-lane-sim")),
                     {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--passengers"), QStringLiteral("auto")});
        QVERIFY(m_lane.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_lane.canReadLine(), 10'000);
        const QString laneAddress = QJsonDocument::fromJson(m_lane.readLine())
                                        .object()
                                        .value(QStringLiteral("tcp"))
                                        .toString();
        QVERIFY(!laneAddress.isEmpty());
        connect(&m_lane, &QProcess::readyReadStandardOutput, this,
                [this] { m_laneOutput += m_lane.readAllStandardOutput(); });

        const QJsonObject config{
            {"gate", QJsonObject{{"id", "TEST-A1-01"},
                                 {"station", "VNP"},
                                 {"gate_group", "A1"},
                                 {"direction", "entry"}}},
            {"state_dir", m_dir.path()},
            {"devices",
             QJsonArray{QJsonObject{{"name", "passengers"},
                                    {"plugin", "sim"},
                                    {"role", "credential-source"},
                                    {"settings", QJsonObject{{"script", script.fileName()},
                                                             {"first_delay_ms", 300},
                                                             {"interval_ms", 400}}}},
                        QJsonObject{{"name", "lane"},
                                    {"plugin", "modbus-lane"},
                                    {"role", "lane"},
                                    {"settings", QJsonObject{{"url", "tcp://" + laneAddress}}}}}},
            {"tickets",
             QJsonObject{{"source", listUrl}, {"root_key", rootKey}, {"device_key", deviceKey}}},
            {"status_socket", m_dir.filePath("status.sock")}};
        QFile configFile(m_dir.filePath("gate.json"));
        QVERIFY(configFile.open(QIODevice::WriteOnly));
        configFile.write(QJsonDocument(config).toJson());
        configFile.close();

        QProcess gate;
        gate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        gate.start(gateBinary(QStringLiteral("gate-app")),
                   {QStringLiteral("--config"), configFile.fileName(),
                    QStringLiteral("--exit-after"), QString::number(m_expected.size())});
        QVERIFY(gate.waitForStarted());
        // Ops' view while it runs: `gatectl status` on the gate's socket.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath("status.sock")), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !(m_status = runGateTool(QStringLiteral("gatectl"),
                                     {QStringLiteral("status"), QStringLiteral("--socket"),
                                      m_dir.filePath("status.sock")}))
                 .value(QStringLiteral("list"))
                 .toObject()
                 .isEmpty(),
            30'000);
        QVERIFY(gate.waitForFinished(120'000));
        m_gateExitCode = gate.exitCode();
        m_gateOutput = gate.readAllStandardOutput();
        m_lane.terminate();
        m_lane.waitForFinished();
        m_laneOutput += m_lane.readAllStandardOutput();
    }

    void everyPassengerIsToldTheExpectedOutcome() {
        QCOMPARE(m_gateExitCode, 0);
        static const QRegularExpression decision(
            QStringLiteral("#\\d+ (ADMIT|DENY) .* reason=([a-z_]+)"));
        QStringList reasons;
        for (const QByteArray &line : m_gateOutput.split('\n')) {
            const auto match = decision.match(QString::fromUtf8(line));
            if (match.hasMatch())
                reasons.append(match.captured(2));
        }
        QCOMPARE(reasons, m_expected);
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

    void theLaneExecutedOneOpenPerAdmittedPassenger() {
        const int admitted = int(m_expected.count(QStringLiteral("ok")));
        QList<int> sequences;
        int passedEvents = 0;
        for (const QByteArray &line : m_laneOutput.split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.value(QStringLiteral("code")).toInt() == 1 && object.contains("command")) {
                QCOMPARE(object.value(QStringLiteral("arg")).toInt(), 1);
                QCOMPARE(object.value(QStringLiteral("result")).toInt(), 0);
                sequences.append(object.value(QStringLiteral("seq")).toInt());
            }
            if (object.value(QStringLiteral("event")).toString() == QLatin1String("passed_entry"))
                ++passedEvents;
        }
        QCOMPARE(sequences.size(), admitted);
        for (int i = 1; i < sequences.size(); ++i)
            QVERIFY2(sequences[i] > sequences[i - 1], "CMD_SEQ must grow with every command");
        QCOMPARE(passedEvents, admitted);
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
    }

    void theAuditHoldsEveryDecisionAndPassage() {
        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_dir.filePath("audit.db"), QStringLiteral("TEST-A1-01"), &error),
                 qPrintable(error));
        const auto decisions = audit.recentEvents(gate::AuditEventType::Decision, 100);
        QCOMPARE(decisions.size(), m_expected.size());
        QStringList reasons;
        for (auto it = decisions.crbegin(); it != decisions.crend(); ++it) {
            reasons.append(it->fields.value(QStringLiteral("reason")).toString());
            // Never a document number in a record.
            const QByteArray json = QJsonDocument(it->fields).toJson();
            QVERIFY(!json.contains("11010519491231002X"));
            QVERIFY(!json.contains("DE1234567"));
        }
        QCOMPARE(reasons, m_expected);
        int passed = 0;
        for (const auto &passage : audit.recentEvents(gate::AuditEventType::Passage, 100))
            passed += passage.fields.value(QStringLiteral("outcome")).toString() == "passed";
        QCOMPARE(passed, int(m_expected.count(QStringLiteral("ok"))));
        QVERIFY(audit.localUseAt(QStringLiteral("E1001"), true).has_value());
    }
};

QTEST_GUILESS_MAIN(DemoPassengersTest)
#include "tst_demopassengers.moc"
