#include "core/audit/auditstore.h"
#include "sync/logship/logshipper.h"
#include "sync/logship/syslogformat.h"

#include "auditoutbox.h"
#include "rsyslogcollector.h"
#include "silentserver.h"
#include "stopreturns.h"
#include "support/testpeer.h"
#include "tcprelay.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace gate;

namespace {

const QString gateId = QStringLiteral("VNP-A2-01");

QString childProgram() {
    const QString dir =
        qEnvironmentVariable("GATE_BIN_DIR", QCoreApplication::applicationDirPath());
    return dir + QStringLiteral("/logship-child");
}

QJsonObject testSettings(quint16 port) {
    return {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("port"), port},
            {QStringLiteral("batch"), 100},
            {QStringLiteral("timeout_s"), 2},
            {QStringLiteral("retry"),
             QJsonObject{{QStringLiteral("min_ms"), 50}, {QStringLiteral("max_ms"), 400}}}};
}

} // namespace

class LogShipTest : public QObject {
    Q_OBJECT

private slots:
    void settingsErrorsNameTheKey_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no host") << QByteArray("{\"port\":2514}")
                                 << QStringLiteral("log_sync.host: is required");
        QTest::newRow("port range") << QByteArray("{\"host\":\"h\",\"port\":70000}")
                                    << QStringLiteral("log_sync.port: must be between 1 and 65535");
        QTest::newRow("batch type") << QByteArray("{\"host\":\"h\",\"batch\":\"many\"}")
                                    << QStringLiteral("log_sync.batch: must be a whole number");
        QTest::newRow("unknown key") << QByteArray("{\"host\":\"h\",\"hots\":\"x\"}")
                                     << QStringLiteral("log_sync.hots: unknown key");
        QTest::newRow("host spaces") << QByteArray("{\"host\":\"a b\"}")
                                     << QStringLiteral("log_sync.host: must be a host name");
        QTest::newRow("tls peers")
            << QByteArray("{\"host\":\"h\",\"tls\":{\"auth\":\"anon\",\"x\":1}}")
            << QStringLiteral("log_sync.tls.x: unknown key");
        QTest::newRow("tls name needs ca")
            << QByteArray("{\"host\":\"h\",\"tls\":{\"auth\":\"name\",\"peers\":[\"c\"]}}")
            << QStringLiteral("log_sync.tls.ca: is required");
        QTest::newRow("tls unreadable")
            << QByteArray(
                   "{\"host\":\"h\",\"tls\":{\"auth\":\"anon\",\"ca\":\"/nonexistent/ca.pem\"}}")
            << QStringLiteral("log_sync.tls.ca: file \"/nonexistent/ca.pem\" is not readable");
        QTest::newRow("outbox") << QByteArray("{\"host\":\"h\",\"outbox_limit\":{\"rows\":1}}")
                                << QStringLiteral("log_sync.outbox_limit.rows: must be between");
        QTest::newRow("retry order")
            << QByteArray("{\"host\":\"h\",\"retry\":{\"min_ms\":5000,\"max_ms\":100}}")
            << QStringLiteral("log_sync.retry.max_ms: must be between 5000");
    }

    void settingsErrorsNameTheKey() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QStringList errors;
        QVERIFY(!parseLogShipSettings(QJsonDocument::fromJson(json).object(), &errors));
        QVERIFY2(!errors.filter(expected).isEmpty(), qPrintable(errors.join(u'\n')));
    }

    void settingsDefaults() {
        QStringList errors;
        const auto settings = parseLogShipSettings(
            QJsonDocument::fromJson("{\"host\":\"collector.example\",\"tls\":{\"auth\":\"anon\"}}")
                .object(),
            &errors);
        QVERIFY2(settings, qPrintable(errors.join(u'\n')));
        QCOMPARE(settings->port, 2514);
        QVERIFY(settings->tls.enabled);
        QCOMPARE(settings->batch, 500);
    }

    void formatsRfc5424WithStructuredData() {
        const AuditEvent event{
            123, AuditEventType::Decision, 1763700000,
            QJsonObject{{QStringLiteral("outcome"), "deny"},
                        {QStringLiteral("note"), QStringLiteral("a \"quoted\" ] \\ value")}}};
        QCOMPARE(
            formatSyslogRecord(event, gateId, QStringLiteral("gate box")),
            QByteArray(
                "<134>1 2025-11-21T04:40:00Z gate_box station-gate - GATE_DECISION "
                "[gate@32473 gate=\"VNP-A2-01\" seq=\"123\" type=\"decision\"]"
                "[fields@32473 note=\"a \\\"quoted\\\" \\] \\\\ value\" outcome=\"deny\"] "
                "{\"at\":1763700000,\"fields\":{\"note\":\"a \\\"quoted\\\" ] \\\\ value\","
                "\"outcome\":\"deny\"},\"gate\":\"VNP-A2-01\",\"seq\":123,\"type\":\"decision\"}"));
        QCOMPARE(syslogMessageId(AuditEventType::Alarm), QByteArray("GATE_ALARM"));
        QVERIFY(formatSyslogRecord({1, AuditEventType::Alarm, 0, {}}, gateId, {})
                    .startsWith("<132>1 1970-01-01T00:00:00Z - station-gate - GATE_ALARM "));
    }

    void shipsToRsyslogAndReportsState() {
        GATE_REQUIRE_PEER("rsyslogd");
        GATE_REQUIRE_PEER("imrelp");
        test::AuditOutbox outbox(gateId, 250);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        test::RsyslogCollector collector;
        QVERIFY2(collector.start(&error), qPrintable(error));
        QStringList errors;
        auto settings = parseLogShipSettings(testSettings(collector.port()), &errors);
        QVERIFY(settings);
        LogShipper shipper(db, gateId, *settings);
        QVERIFY2(shipper.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(store.backlog().rows, 0, 30'000);
        QTRY_COMPARE(shipper.status().connection, LogShipper::Connection::Delivering);
        QCOMPARE(shipper.statusJson().value(QStringLiteral("shipped_seq")).toInteger(), 250);

        // The collector goes away: the shipper says so and keeps the records.
        collector.stop();
        QVERIFY2(outbox.append(10), qPrintable(outbox.error()));
        shipper.wake();
        QTRY_COMPARE_WITH_TIMEOUT(shipper.status().connection, LogShipper::Connection::Retrying,
                                  20'000);
        QVERIFY(!shipper.status().lastError.isEmpty());
        QCOMPARE(store.shippedSeq(), 250);
        QVERIFY2(collector.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(store.backlog().rows, 0, 30'000);
        shipper.stop();
        collector.stop();

        const auto seqs = collector.receivedSeqs(gateId);
        QCOMPARE(qint64(seqs.size()), 260);
        QCOMPARE(seqs.begin()->first, 1);
        QCOMPARE(seqs.rbegin()->first, 260);
    }

    // 10,000 records arrive exactly once after de-duplication by gate + seq,
    // across a dropped connection, a collector restart and a SIGKILL of the
    // shipping process, each in the middle of a batch.
    void deliversEveryRecordAcrossFailures() {
        GATE_REQUIRE_PEER("rsyslogd");
        GATE_REQUIRE_PEER("imrelp");
        test::AuditOutbox outbox(gateId);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        test::RsyslogCollector collector;
        QVERIFY2(collector.start(&error), qPrintable(error));
        test::TcpRelay relay(collector.port());
        QVERIFY(relay.listen());
        const QString settings = QString::fromUtf8(
            QJsonDocument(testSettings(relay.port())).toJson(QJsonDocument::Compact));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        const auto startChild = [&] {
            child.start(childProgram(), {db, gateId, settings});
            return child.waitForStarted(10'000);
        };
        QVERIFY2(startChild(), qPrintable(child.errorString()));

        constexpr int perStage = 2500;
        qint64 total = 0;
        // Adds records and, once a batch is on its way, holds the collector's
        // acknowledgements and lets `disrupt` strike.
        const auto stage = [&](const std::function<void()> &disrupt) {
            if (disrupt)
                relay.holdRepliesFrom(relay.bytesFromClients() + 20'000);
            QVERIFY2(outbox.append(perStage), qPrintable(outbox.error()));
            total += perStage;
            if (disrupt) {
                QTRY_VERIFY_WITH_TIMEOUT(relay.isHoldingReplies(), 20'000);
                QTest::qWait(300);
                disrupt();
                relay.holdReplies(false);
            }
            QTRY_COMPARE_WITH_TIMEOUT(store.shippedSeq(), total, 60'000);
        };

        stage([&] { relay.dropConnections(); });
        QVERIFY(!QTest::currentTestFailed());
        stage([&] {
            collector.stop();
            QVERIFY2(collector.start(&error), qPrintable(error));
        });
        QVERIFY(!QTest::currentTestFailed());
        stage([&] {
            child.kill();
            QVERIFY(child.waitForFinished(10'000));
            relay.dropConnections();
            QVERIFY2(startChild(), qPrintable(child.errorString()));
        });
        QVERIFY(!QTest::currentTestFailed());
        stage({});
        QVERIFY(!QTest::currentTestFailed());

        child.kill();
        child.waitForFinished(10'000);
        collector.stop();
        const auto seqs = collector.receivedSeqs(gateId);
        qint64 duplicates = 0;
        for (const auto &[seq, count] : seqs)
            duplicates += count - 1;
        qInfo("%lld records, %zu distinct seqs received, %lld repeats dropped by seq", total,
              seqs.size(), duplicates);
        QCOMPARE(qint64(seqs.size()), total);
        QCOMPARE(seqs.begin()->first, 1);
        QCOMPARE(seqs.rbegin()->first, total);
        // The disruptions struck while records were unacknowledged.
        QVERIFY(duplicates > 0);
    }

    // stop() returns in every state of a session, whatever timeout_s says:
    // a collector that takes the connection and never answers RELP's open,
    // and one that stops acknowledging in the middle of a batch.
    void stopReturnsWhileTheCollectorStalls_data() {
        QTest::addColumn<bool>("midBatch");
        QTest::newRow("open unanswered") << false;
        QTest::newRow("acknowledgements held mid-batch") << true;
    }

    void stopReturnsWhileTheCollectorStalls() {
        QFETCH(bool, midBatch);
        if (midBatch) {
            GATE_REQUIRE_PEER("rsyslogd");
            GATE_REQUIRE_PEER("imrelp");
        }
        constexpr int records = 300;
        test::AuditOutbox outbox(gateId, records);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        test::SilentServer silent;
        test::RsyslogCollector collector;
        std::unique_ptr<test::TcpRelay> relay;
        quint16 port = 0;
        if (midBatch) {
            QVERIFY2(collector.start(&error), qPrintable(error));
            relay = std::make_unique<test::TcpRelay>(collector.port());
            QVERIFY(relay->listen());
            relay->holdRepliesFrom(2000); // past RELP's open, within the first batch
            port = relay->port();
        } else {
            port = test::freeLoopbackPort();
            QVERIFY(silent.listen(port));
        }
        QJsonObject json = testSettings(port);
        json.insert(QStringLiteral("timeout_s"), 600);
        QStringList errors;
        const auto settings = parseLogShipSettings(json, &errors);
        QVERIFY(settings);
        LogShipper shipper(db, gateId, *settings);
        QVERIFY2(shipper.start(&error), qPrintable(error));
        if (midBatch)
            QTRY_VERIFY_WITH_TIMEOUT(relay->isHoldingReplies(), 20'000);
        else
            QTRY_VERIFY_WITH_TIMEOUT(silent.bytesReceived() > 0, 20'000); // RELP's open
        test::stopReturns(shipper);
        QCOMPARE(store.shippedSeq(), 0);
        QCOMPARE(shipper.status().connection, LogShipper::Connection::Stopped);
    }
};

QTEST_GUILESS_MAIN(LogShipTest)
#include "tst_logship.moc"
