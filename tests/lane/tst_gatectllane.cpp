// gatectl lane status|open|close|mode against the simulator (spec/gatectl.md).
#include "peerprocess.h"
#include "support/gatetools.h"

#include <QJsonDocument>
#include <QTest>

class TestGatectlLane : public QObject {
    Q_OBJECT
private:
    PeerProcess m_sim;
    QString m_url;

    struct Run {
        int exitCode = -1;
        QJsonObject json;
        QString errors;
    };

    Run gatectl(QStringList arguments) {
        QProcess process;
        process.start(gate::test::gateBinary(QStringLiteral("gatectl")),
                      QStringList{QStringLiteral("lane")} + arguments);
        process.waitForFinished(20000);
        Run run;
        run.exitCode = process.exitCode();
        run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        run.errors = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Run onLane(const QStringList &words) {
        return gatectl(words + QStringList{QStringLiteral("--modbus"), m_url});
    }

private slots:
    void initTestCase() {
        const QString endpoint = m_sim.start(
            gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
            {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--door-ms"),
             QStringLiteral("50"), QStringLiteral("--walk-ms"), QStringLiteral("150")},
            QStringLiteral("tcp"));
        QVERIFY2(!endpoint.isEmpty(), qPrintable(m_sim.errors()));
        m_url = QStringLiteral("tcp://") + endpoint;
    }

    void status() {
        const Run run = onLane({QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json.value("command").toString(), QStringLiteral("status"));
        QCOMPARE(run.json.value("link_up").toBool(), true);
        QCOMPARE(run.json.value("mode").toString(), QStringLiteral("controlled"));
        QVERIFY(run.json.value("inputs").toObject().contains("fire_alarm"));
    }

    void openIsAcknowledged() {
        const qsizetype from = m_sim.mark();
        Run run = onLane({QStringLiteral("open")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json.value("command").toString(), QStringLiteral("open"));
        QCOMPARE(run.json.value("direction").toString(), QStringLiteral("entry"));
        QCOMPARE(run.json.value("acked").toBool(), true);
        QVERIFY(run.json.value("ms").toDouble() >= 0);
        const auto executed = m_sim.waitFor(PeerProcess::field("command", "open_entry"), from);
        QVERIFY(executed);
        QCOMPARE(run.json.value("seq").toInt(), executed->value("seq").toInt());

        run = onLane({QStringLiteral("open"), QStringLiteral("exit")});
        QCOMPARE(run.json.value("direction").toString(), QStringLiteral("exit"));
        QCOMPARE(run.json.value("acked").toBool(), true);
        QVERIFY(m_sim.waitFor(PeerProcess::field("command", "open_exit"), from));
    }

    void modesAndRefusal() {
        Run run = onLane({QStringLiteral("mode"), QStringLiteral("locked")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json.value("mode").toString(), QStringLiteral("locked"));
        QCOMPARE(run.json.value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(onLane({QStringLiteral("status")}).json.value("mode").toString(),
                 QStringLiteral("locked"));
        run = onLane({QStringLiteral("open")});
        QCOMPARE(run.exitCode, 0); // it ran; the lane said no
        QCOMPARE(run.json.value("acked").toBool(), true);
        QCOMPARE(run.json.value("result").toString(), QStringLiteral("refused_mode"));
        QCOMPARE(onLane({QStringLiteral("mode"), QStringLiteral("normal")}).exitCode, 0);
        QCOMPARE(onLane({QStringLiteral("close")}).json.value("result").toString(),
                 QStringLiteral("ok"));
        QCOMPARE(onLane({QStringLiteral("mode"), QStringLiteral("emergency")}).exitCode, 0);
        QCOMPARE(onLane({QStringLiteral("status")}).json.value("mode").toString(),
                 QStringLiteral("emergency"));
        QCOMPARE(onLane({QStringLiteral("mode"), QStringLiteral("emergency-reset")})
                     .json.value("result")
                     .toString(),
                 QStringLiteral("ok"));
    }

    void withProfileFile() {
        const Run run = gatectl({QStringLiteral("status"), QStringLiteral("--modbus"), m_url,
                                 QStringLiteral("--profile"),
                                 QStringLiteral(GATE_SOURCE_DIR "/config/lanes/default.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json.value("link_up").toBool(), true);
    }

    void badUsage_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no verb") << QStringList{"--modbus", "tcp://127.0.0.1:1"};
        QTest::newRow("no url") << QStringList{"status"};
        QTest::newRow("bad url") << QStringList{"status", "--modbus", "udp://x:1"};
        QTest::newRow("bad direction") << QStringList{"open", "sideways", "--modbus", "tcp://h:1"};
        QTest::newRow("bad mode") << QStringList{"mode", "party", "--modbus", "tcp://h:1"};
        QTest::newRow("bad profile")
            << QStringList{"status", "--modbus", "tcp://h:1", "--profile", "/nonexistent.json"};
    }
    void badUsage() {
        QFETCH(QStringList, arguments);
        const Run run = gatectl(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.errors.isEmpty());
    }

    void unreachableLane() {
        const Run run = gatectl({QStringLiteral("open"), QStringLiteral("--modbus"),
                                 QStringLiteral("tcp://127.0.0.1:1"), QStringLiteral("--wait-ms"),
                                 QStringLiteral("500")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json.value("acked").toBool(), false);
        QCOMPARE(run.json.value("error").toString(), QStringLiteral("unreachable"));
    }
};

QTEST_GUILESS_MAIN(TestGatectlLane)
#include "tst_gatectllane.moc"
