// Log shipping over RELP with TLS against a real rsyslogd (imrelp, tls="on"),
// with a CA, collector and gate certificates made for the run.
#include "core/audit/auditstore.h"
#include "sync/logship/logshipper.h"

#include "auditoutbox.h"
#include "rsyslogcollector.h"
#include "silentserver.h"
#include "stopreturns.h"
#include "support/testpeer.h"
#include "tcprelay.h"
#include "testpki.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>

#include <map>

using namespace gate;

namespace {

const QString gateId = QStringLiteral("VNP-A2-07");
const QString collectorName = QStringLiteral("collector.test.invalid");
const QString gateName = QStringLiteral("gate.test.invalid");

QString childProgram() {
    return qEnvironmentVariable("GATE_BIN_DIR", QCoreApplication::applicationDirPath()) +
           QStringLiteral("/logship-child");
}

qsizetype openDescriptors() {
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System | QDir::Files).size();
}

qsizetype runningThreads() {
    return QDir(QStringLiteral("/proc/self/task"))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
        .size();
}

} // namespace

class LogShipTlsTest : public QObject {
    Q_OBJECT

    // What the shipper trusts and presents, as in the gate's log_sync.tls.
    struct ClientTls {
        QString library;
        QString caFile;
        test::TestPki::Identity identity;
        QString peer; // the collector's name, none with "certvalid"
        QString auth;
    };

    test::TestPki m_pki;      // the station's CA: collector and gate certificates
    test::TestPki m_otherPki; // a CA nobody here trusts, issuing the same names
    test::TestPki::Identity m_collector, m_gate, m_impostorGate;

    test::RsyslogCollector::Tls collectorTls(const QString &library) const {
        return {library, m_pki.caFile(), m_collector.certFile, m_collector.keyFile, gateName};
    }

    static QJsonObject settingsJson(quint16 port, const ClientTls &tls) {
        QJsonObject tlsJson{{QStringLiteral("library"), tls.library},
                            {QStringLiteral("auth"), tls.auth},
                            {QStringLiteral("ca"), tls.caFile},
                            {QStringLiteral("cert"), tls.identity.certFile},
                            {QStringLiteral("key"), tls.identity.keyFile}};
        if (!tls.peer.isEmpty())
            tlsJson.insert(QStringLiteral("peers"), QJsonArray{tls.peer});
        return {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), port},
                {QStringLiteral("batch"), 100},
                {QStringLiteral("timeout_s"), 2},
                {QStringLiteral("retry"),
                 QJsonObject{{QStringLiteral("min_ms"), 50}, {QStringLiteral("max_ms"), 200}}},
                {QStringLiteral("tls"), tlsJson}};
    }

    static std::optional<LogShipSettings> parseSettings(const QJsonObject &json) {
        QStringList errors;
        auto settings = parseLogShipSettings(json, &errors);
        if (!settings)
            qWarning("%s", qPrintable(errors.join(u'\n')));
        return settings;
    }

    ClientTls trustedClient(const QString &library,
                            const QString &auth = QStringLiteral("name")) const {
        const QString peer = auth == QLatin1String("name") ? collectorName : QString();
        return {library, m_pki.caFile(), m_gate, peer, auth};
    }

private slots:
    void initTestCase() {
        GATE_REQUIRE_PEER("rsyslogd");
        GATE_REQUIRE_PEER("imrelp");
        GATE_REQUIRE_PEER("openssl");
        QString error;
        QVERIFY2(m_pki.createCa(QStringLiteral("station"), &error), qPrintable(error));
        QVERIFY2(m_otherPki.createCa(QStringLiteral("other"), &error), qPrintable(error));
        const auto collector = m_pki.issue(collectorName, &error);
        QVERIFY2(collector, qPrintable(error));
        const auto gate = m_pki.issue(gateName, &error);
        QVERIFY2(gate, qPrintable(error));
        const auto impostor = m_otherPki.issue(gateName, &error);
        QVERIFY2(impostor, qPrintable(error));
        m_collector = *collector;
        m_gate = *gate;
        m_impostorGate = *impostor;
    }

    // With GnuTLS, librelp's "certvalid" mode accepts a collector certificate
    // from any CA, so the settings refuse that combination.
    void refusesCertvalidWithGnutls() {
        ClientTls tls = trustedClient(QStringLiteral("gnutls"), QStringLiteral("certvalid"));
        QStringList errors;
        QVERIFY(!parseLogShipSettings(settingsJson(2514, tls), &errors));
        QVERIFY2(!errors
                      .filter(QStringLiteral("log_sync.tls.auth: \"certvalid\" needs library "
                                             "\"openssl\""))
                      .isEmpty(),
                 qPrintable(errors.join(u'\n')));
        tls.library = QStringLiteral("openssl");
        QVERIFY(parseSettings(settingsJson(2514, tls)));
    }

    // Mutual authentication (the collector checks the gate by name): every
    // record arrives exactly once.
    void shipsOverTlsExactlyOnce_data() {
        QTest::addColumn<QString>("shipperLibrary");
        QTest::addColumn<QString>("collectorLibrary");
        QTest::addColumn<QString>("auth");
        const QString gnutls = QStringLiteral("gnutls"), openssl = QStringLiteral("openssl");
        const QString byName = QStringLiteral("name"), byCa = QStringLiteral("certvalid");
        QTest::newRow("name, gnutls to gnutls") << gnutls << gnutls << byName;
        QTest::newRow("name, openssl to gnutls") << openssl << gnutls << byName;
        QTest::newRow("name, gnutls to openssl") << gnutls << openssl << byName;
        QTest::newRow("certvalid, openssl to openssl") << openssl << openssl << byCa;
    }

    void shipsOverTlsExactlyOnce() {
        QFETCH(QString, shipperLibrary);
        QFETCH(QString, collectorLibrary);
        QFETCH(QString, auth);
        constexpr int records = 300;
        test::AuditOutbox outbox(gateId, records);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        test::RsyslogCollector collector;
        collector.enableTls(collectorTls(collectorLibrary));
        QVERIFY2(collector.start(&error), qPrintable(error));
        const auto settings =
            parseSettings(settingsJson(collector.port(), trustedClient(shipperLibrary, auth)));
        QVERIFY(settings);
        LogShipper shipper(db, gateId, *settings);
        QVERIFY2(shipper.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(store.shippedSeq(), records, 20'000);
        QCOMPARE(shipper.status().connection, LogShipper::Connection::Delivering);
        QCOMPARE(store.backlog().rows, 0);
        shipper.stop();
        collector.stop();

        const auto seqs = collector.receivedSeqs(gateId);
        QCOMPARE(qint64(seqs.size()), records);
        QCOMPARE(seqs.begin()->first, 1);
        QCOMPARE(seqs.rbegin()->first, records);
        for (const auto &[seq, count] : seqs)
            QVERIFY2(count == 1,
                     qPrintable(QStringLiteral("seq %1 arrived %2 times").arg(seq).arg(count)));
    }

    // A collector the shipper must not trust, or one that does not trust the
    // gate: nothing is delivered, the shipper keeps retrying, the cursor stays
    // put, and a shipper with the right settings then delivers every record.
    // The refused shipper runs in a process of its own, as on a gate: librelp's
    // OpenSSL backend keeps TLS state for the whole process.
    void refusesUntrustedPeerAndKeepsCursor_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<int>("mistake");
        QTest::addColumn<QString>("expectedError");
        const std::map<QString, QString> untrustedCollector{
            {QStringLiteral("gnutls"), QStringLiteral("certificate validation failed")},
            {QStringLiteral("openssl"), QStringLiteral("unable to get local issuer certificate")}};
        for (const QString &library : {QStringLiteral("gnutls"), QStringLiteral("openssl")}) {
            QTest::addRow("%s: collector from another CA", qPrintable(library))
                << library << QStringLiteral("name") << int(Mistake::WrongCa)
                << untrustedCollector.at(library);
            if (library == QLatin1String("openssl"))
                QTest::addRow("%s: certvalid, collector from another CA", qPrintable(library))
                    << library << QStringLiteral("certvalid") << int(Mistake::WrongCa)
                    << untrustedCollector.at(library);
            QTest::addRow("%s: collector with another name", qPrintable(library))
                << library << QStringLiteral("name") << int(Mistake::WrongPeerName)
                << QStringLiteral("no permited name found");
            // The collector hangs up during the handshake.
            QTest::addRow("%s: gate from another CA", qPrintable(library))
                << library << QStringLiteral("name") << int(Mistake::UntrustedGate)
                << QStringLiteral("librelp error");
        }
    }

    void refusesUntrustedPeerAndKeepsCursor() {
        QFETCH(QString, library);
        QFETCH(QString, auth);
        QFETCH(int, mistake);
        QFETCH(QString, expectedError);
        constexpr int records = 120;
        test::AuditOutbox outbox(gateId, records);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        test::RsyslogCollector collector;
        collector.enableTls(collectorTls(QStringLiteral("gnutls")));
        QVERIFY2(collector.start(&error), qPrintable(error));
        test::TcpRelay relay(collector.port());
        QVERIFY(relay.listen());

        ClientTls wrong = trustedClient(library, auth);
        switch (Mistake(mistake)) {
        case Mistake::WrongCa:
            wrong.caFile = m_otherPki.caFile();
            break;
        case Mistake::WrongPeerName:
            wrong.peer = QStringLiteral("other-collector.test.invalid");
            break;
        case Mistake::UntrustedGate:
            wrong.identity = m_impostorGate;
            break;
        }
        QProcess child;
        child.start(
            childProgram(),
            {db, gateId,
             QString::fromUtf8(
                 QJsonDocument(settingsJson(relay.port(), wrong)).toJson(QJsonDocument::Compact))});
        QVERIFY2(child.waitForStarted(10'000), qPrintable(child.errorString()));
        // Three sessions refused in a row: the shipper retries on its own.
        QTRY_VERIFY_WITH_TIMEOUT(relay.connectionsAccepted() >= 3, 20'000);
        QCOMPARE(child.state(), QProcess::Running);
        QCOMPARE(store.shippedSeq(), 0);
        QCOMPARE(store.backlog().rows, records);
        child.kill();
        QVERIFY(child.waitForFinished(10'000));
        const QString refusal = QString::fromLocal8Bit(child.readAllStandardError());
        qInfo("refused: %s", qPrintable(refusal.trimmed()));
        QVERIFY2(refusal.contains(expectedError), qPrintable(refusal));
        QCOMPARE(store.shippedSeq(), 0);
        QVERIFY(collector.receivedSeqs(gateId).empty());

        const auto settings =
            parseSettings(settingsJson(relay.port(), trustedClient(library, auth)));
        QVERIFY(settings);
        LogShipper shipper(db, gateId, *settings);
        QVERIFY2(shipper.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(store.shippedSeq(), records, 20'000);
        shipper.stop();
        collector.stop();

        const auto seqs = collector.receivedSeqs(gateId);
        QCOMPARE(qint64(seqs.size()), records);
        for (const auto &[seq, count] : seqs)
            QCOMPARE(count, 1);
    }

    // A collector (or a middlebox) that accepts the connection and never
    // answers the TLS handshake, which librelp would wait for forever: the
    // shipper gives up after timeout_s, says why and retries with its backoff,
    // its cursor stays put, no descriptor or thread is left behind, and stop()
    // returns, even in the middle of a handshake. Once a real collector takes
    // the same port, every record arrives once.
    void silentCollectorTimesOut_data() {
        QTest::addColumn<QString>("library");
        QTest::newRow("gnutls") << QStringLiteral("gnutls");
        QTest::newRow("openssl") << QStringLiteral("openssl");
    }

    void silentCollectorTimesOut() {
        QFETCH(QString, library);
        constexpr int records = 150;
        test::AuditOutbox outbox(gateId, records);
        QVERIFY2(outbox.error().isEmpty(), qPrintable(outbox.error()));
        const QString db = outbox.path();
        AuditStore &store = outbox.store();
        QString error;

        const quint16 port = test::freeLoopbackPort();
        test::SilentServer silent;
        QVERIFY(silent.listen(port));
        QJsonObject json = settingsJson(port, trustedClient(library));

        // Stopped mid-handshake, with a timeout far beyond systemd's stop timeout.
        json.insert(QStringLiteral("timeout_s"), 600);
        {
            LogShipper patient(db, gateId, *parseSettings(json));
            QVERIFY2(patient.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(silent.bytesReceived() > 0, 20'000); // the ClientHello
            test::stopReturns(patient);
        }
        QCOMPARE(store.shippedSeq(), 0);

        json.insert(QStringLiteral("timeout_s"), 1);
        LogShipper shipper(db, gateId, *parseSettings(json));
        QVERIFY2(shipper.start(&error), qPrintable(error));
        const int attemptsBefore = silent.connectionsAccepted();
        // A second attempt means the first one was given up.
        QTRY_VERIFY_WITH_TIMEOUT(silent.connectionsAccepted() >= attemptsBefore + 2, 30'000);
        const LogShipper::Status failed = shipper.status();
        QCOMPARE(failed.connection, LogShipper::Connection::Retrying);
        QVERIFY2(failed.lastError.contains(QStringLiteral("no RELP session within 1 s")),
                 qPrintable(failed.lastError));
        // Counted in the middle of an attempt or between two: at most the
        // shipper's socket and the server's end of it differ.
        const qsizetype descriptors = openDescriptors(), threads = runningThreads();
        QTRY_VERIFY_WITH_TIMEOUT(silent.connectionsAccepted() >= attemptsBefore + 6, 60'000);
        QVERIFY2(
            openDescriptors() <= descriptors + 2,
            qPrintable(
                QStringLiteral("%1 descriptors, then %2").arg(descriptors).arg(openDescriptors())));
        QCOMPARE(runningThreads(), threads);
        QCOMPARE(store.shippedSeq(), 0);
        QCOMPARE(store.backlog().rows, records);

        silent.close();
        test::RsyslogCollector collector(port);
        collector.enableTls(collectorTls(QStringLiteral("gnutls")));
        QVERIFY2(collector.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(store.shippedSeq(), records, 30'000);
        test::stopReturns(shipper);
        collector.stop();

        const auto seqs = collector.receivedSeqs(gateId);
        QCOMPARE(qint64(seqs.size()), records);
        for (const auto &[seq, count] : seqs)
            QCOMPARE(count, 1);
    }

private:
    enum class Mistake { WrongCa, WrongPeerName, UntrustedGate };
};

QTEST_GUILESS_MAIN(LogShipTlsTest)
#include "tst_logshiptls.moc"
