#include "core/credentials/holderkey.h"
#include "core/tickets/devicekey.h"
#include "core/tickets/ticketstorereader.h"
#include "core/tickets/ticketstorewriter.h"
#include "support/nginxfixture.h"
#include "sync/ticketlist/ticketlistpuller.h"
#include "sync/ticketlist/ticketlistsyncservice.h"
#include "ticketlist_records.h"
#include "ticketlist_synthetic.h"
#include "ticketlist_writer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace gate;

namespace {

constexpr qint64 firstDay = 1763683200; // 2025-11-21 00:00 UTC
const QByteArray listKey(32, 'K');

issuer::SyntheticList syntheticList(qint64 tickets) {
    issuer::SyntheticList list;
    list.tickets = tickets;
    list.firstDay = firstDay;
    list.listKey = listKey;
    return list;
}

// `PRAGMA integrity_check` of a store after whatever happened to it.
QString integrityOf(const QString &path) {
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr);
        if (sqlite3_step(statement) == SQLITE_ROW)
            result = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return result;
}

} // namespace

class TestTicketSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_nginx.start(&error), qPrintable(error));
        m_rootKey = issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519);
        m_stationDir = QDir(m_nginx.documentRoot()).filePath(QStringLiteral("VNP"));
        m_deviceKey = tickets::DeviceKey::generate(&error);
        QVERIFY2(m_deviceKey, qPrintable(error));
        m_deviceKeyFile = m_work.filePath(QStringLiteral("device.key"));
        QVERIFY2(m_deviceKey->saveNew(m_deviceKeyFile, &error), qPrintable(error));
    }

    void init() {
        QVERIFY(m_work.isValid());
        m_dbPath = m_work.filePath(QStringLiteral("tickets-%1.db").arg(++m_dbCounter));
        QDir(m_stationDir).removeRecursively();
        m_writer = std::make_unique<issuer::TicketListWriter>(m_stationDir, m_rootKey);
        publishSnapshot(100, syntheticList(500));
        QString error;
        m_store = tickets::TicketStoreWriter::open(m_dbPath, &error);
        QVERIFY2(m_store, qPrintable(error));
    }

    void firstSyncAppliesSnapshot() {
        const sync::SyncResult result = syncOnce();
        QCOMPARE(toString(result.outcome), QStringLiteral("applied"));
        QCOMPARE(result.seq, 100);
        QCOMPARE(result.fromSeq, 0);
        QCOMPARE(result.tickets, 500);

        QString error;
        const auto reader = tickets::TicketStoreReader::open(m_dbPath, &error);
        QVERIFY(reader);
        const auto tickets =
            reader->ticketsOfHolder(holderKey(listKey, issuer::SyntheticList::identity(42)));
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().tid, QStringLiteral("E0000000042"));
        QCOMPARE(reader->state().keysJson, m_keysJson);
    }

    void notModifiedIsUnchanged() {
        QCOMPARE(sync::toString(syncOnce().outcome), QStringLiteral("applied"));
        const sync::SyncResult again = syncOnce();
        QCOMPARE(sync::toString(again.outcome), QStringLiteral("unchanged"));
        QCOMPARE(again.seq, 100);
    }

    void deltaChainApplies() {
        QCOMPARE(sync::toString(syncOnce().outcome), QStringLiteral("applied"));
        issuer::SyntheticList list = syntheticList(500);
        tickets::TicketRecord refunded = list.ticket(7);
        refunded.status = QStringLiteral("refunded");
        publishDelta(101, {issuer::recordLine(refunded),
                           issuer::recordLine(tickets::DeleteRecord{list.ticket(8).tid})});
        publishDelta(
            102, {issuer::recordLine(tickets::UsedRecord{list.ticket(9).tid, QStringLiteral("in"),
                                                         firstDay + 9000, QStringLiteral("A2")})});
        const sync::SyncResult result = syncOnce();
        QCOMPARE(sync::toString(result.outcome), QStringLiteral("applied"));
        QCOMPARE(result.fromSeq, 100);
        QCOMPARE(result.seq, 102);
        QCOMPARE(result.tickets, 499);

        QString error;
        const auto reader = tickets::TicketStoreReader::open(m_dbPath, &error);
        QCOMPARE(reader->ticket(list.ticket(7).tid)->status, QStringLiteral("refunded"));
        QVERIFY(!reader->ticket(list.ticket(8).tid));
        QCOMPARE(reader->uses(list.ticket(9).tid).size(), 1);
    }

    void refusalsKeepTheCurrentList_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("corrupted delta") << "corrupt"
                                         << "bad_hash";
        QTest::newRow("delta larger than announced") << "grow"
                                                     << "bad_size";
        QTest::newRow("delta smaller than announced") << "shrink"
                                                      << "bad_size";
        QTest::newRow("signed by another key") << "foreign-signature"
                                               << "bad_signature";
        QTest::newRow("another station's list") << "station"
                                                << "wrong_station";
        QTest::newRow("older seq") << "rollback"
                                   << "rollback";
        QTest::newRow("gap in the delta chain") << "gap"
                                                << "chain_gap";
        QTest::newRow("malformed record") << "bad-record"
                                          << "malformed";
        QTest::newRow("manifest not JSON") << "bad-manifest"
                                           << "malformed";
        QTest::newRow("version-1 manifest") << "version-1"
                                            << "unsupported_format";
        QTest::newRow("keys.json changed") << "keys"
                                           << "bad_hash";
        QTest::newRow("server gone") << "server-gone"
                                     << "unreachable";
    }

    void refusalsKeepTheCurrentList() {
        QFETCH(QString, damage);
        QFETCH(QString, outcome);
        QCOMPARE(sync::toString(syncOnce().outcome), QStringLiteral("applied"));
        const tickets::ListState before = m_store->state();

        issuer::SyntheticList list = syntheticList(500);
        publishDelta(101, {issuer::recordLine(list.ticket(1000))});
        const QString deltaPath =
            QDir(m_stationDir).filePath(m_writer->manifest().deltas.last().path);
        if (damage == QLatin1String("corrupt"))
            rewrite(deltaPath, [](QByteArray &bytes) { bytes[bytes.size() / 2] ^= 0x55; });
        else if (damage == QLatin1String("grow"))
            rewrite(deltaPath, [](QByteArray &bytes) { bytes.append('x'); });
        else if (damage == QLatin1String("shrink"))
            rewrite(deltaPath, [](QByteArray &bytes) { bytes.chop(1); });
        else if (damage == QLatin1String("foreign-signature"))
            republishWith(issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519));
        else if (damage == QLatin1String("station")) {
            m_writer->manifest().station = QStringLiteral("AOH");
            republishWith(m_rootKey);
        } else if (damage == QLatin1String("rollback"))
            publishSnapshot(50, syntheticList(10));
        else if (damage == QLatin1String("gap")) {
            // 100 -> 101 and 102 -> 103: a store at 100 cannot reach 103.
            m_writer->manifest().seq = 102;
            publishDelta(103, {issuer::recordLine(list.ticket(1001))});
        } else if (damage == QLatin1String("bad-record"))
            publishDelta(102, {issuer::recordLine(list.ticket(1002)), "{\"t\":\"ticket\"}"});
        else if (damage == QLatin1String("bad-manifest")) {
            const QByteArray garbage = "{\"format\":\"gate-ticketlist/2\",\"seq\":\"lots\"}";
            writeFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json")), garbage);
            writeFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json.sig")),
                      m_rootKey.sign(garbage));
        } else if (damage == QLatin1String("version-1")) {
            QByteArray manifest = issuer::TicketListWriter::manifestJson(m_writer->manifest());
            manifest.replace("gate-ticketlist/2", "gate-ticketlist/1");
            writeFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json")), manifest);
            writeFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json.sig")),
                      m_rootKey.sign(manifest));
        } else if (damage == QLatin1String("keys")) {
            QString error;
            QVERIFY(m_writer->writeKeys(R"({"format":"gate-keys/1","keys":[ ]})", &error));
            QVERIFY(m_writer->publish(&error));
            writeFile(QDir(m_stationDir).filePath(QStringLiteral("keys.json")), "{}");
        } else if (damage == QLatin1String("server-gone"))
            m_nginx.stop();

        const sync::SyncResult result = syncOnce();
        if (damage == QLatin1String("server-gone")) {
            QString error;
            QVERIFY2(m_nginx.start(&error), qPrintable(error));
        }
        QCOMPARE(toString(result.outcome), outcome);
        QVERIFY(result.isRefusal());
        const tickets::ListState after = m_store->state();
        QCOMPARE(after.seq, before.seq);
        QCOMPARE(after.etag, before.etag);
        QCOMPARE(m_store->ticketCount(), 500);
    }

    void serverKilledMidTransfer() {
        publishSnapshot(200, syntheticList(30'000));
        const QFileInfo snapshot(QDir(m_stationDir).filePath(m_writer->manifest().snapshot.path));
        QVERIFY2(snapshot.size() > 512 * 1024, "snapshot too small to be cut in the middle");

        sync::TicketListPuller puller(source(QStringLiteral("slow/VNP")), *m_store);
        QSignalSpy finished(&puller, &sync::TicketListPuller::finished);
        puller.syncNow();
        QTest::qWait(1000); // a quarter of the file at the slow location's rate
        QVERIFY(finished.isEmpty());
        m_nginx.kill();
        QVERIFY(finished.wait(30'000));
        const auto result = finished.first().first().value<sync::SyncResult>();
        QString error;
        QVERIFY2(m_nginx.start(&error), qPrintable(error));
        QCOMPARE(toString(result.outcome), QStringLiteral("unreachable"));
        QCOMPARE(m_store->state().seq, 0);
        QCOMPARE(m_store->ticketCount(), 0);
    }

    void gatectlSyncAndLookup() {
        QJsonObject sync = runGatectl(
            {QStringLiteral("tickets"), QStringLiteral("sync"),
             m_nginx.url(QStringLiteral("VNP")).toString(), QStringLiteral("--db"), m_dbPath,
             QStringLiteral("--root-key"), QString::fromLatin1(m_rootKey.rawPublicKey().toBase64()),
             QStringLiteral("--device-key"), m_deviceKeyFile});
        QCOMPARE(sync.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QCOMPARE(sync.value(QStringLiteral("seq")).toInteger(), 100);
        QCOMPARE(sync.value(QStringLiteral("tickets")).toInteger(), 500);

        const QString identity = issuer::SyntheticList::identity(3);
        QByteArray output;
        const QJsonObject lookup =
            runGatectl({QStringLiteral("tickets"), QStringLiteral("lookup"), QStringLiteral("--db"),
                        m_dbPath, QStringLiteral("--doc"), QStringLiteral("-")},
                       0, &output, identity.toLatin1() + '\n');
        QCOMPARE(lookup.value(QStringLiteral("found")).toInteger(), 1);
        QVERIFY(!output.contains(identity.toLatin1()));
        QVERIFY(!output.contains("T00000003"));
        // An identity on the command line is refused, and not echoed.
        runGatectl({QStringLiteral("tickets"), QStringLiteral("lookup"), QStringLiteral("--db"),
                    m_dbPath, QStringLiteral("--doc"), identity},
                   2, &output);
        QVERIFY(!output.contains(identity.toLatin1()));

        const QJsonObject byTid =
            runGatectl({QStringLiteral("tickets"), QStringLiteral("lookup"), QStringLiteral("--db"),
                        m_dbPath, QStringLiteral("--tid"), QStringLiteral("E0000000003")});
        QCOMPARE(byTid.value(QStringLiteral("found")).toInteger(), 1);

        m_writer->manifest().station = QStringLiteral("AOH");
        republishWith(m_rootKey);
        sync = runGatectl({QStringLiteral("tickets"), QStringLiteral("sync"),
                           m_nginx.url(QStringLiteral("VNP")).toString(), QStringLiteral("--db"),
                           m_dbPath, QStringLiteral("--root-key"),
                           QString::fromLatin1(m_rootKey.rawPublicKey().toBase64()),
                           QStringLiteral("--device-key"), m_deviceKeyFile},
                          1);
        QCOMPARE(sync.value(QStringLiteral("outcome")).toString(), QStringLiteral("wrong_station"));
    }

    void serviceSyncsAndWatchesStaleness() {
        ManualClock clock(firstDay + 3600 + 1800); // at expires + grace: not stale yet
        sync::TicketListSyncSettings settings;
        settings.source = source(QStringLiteral("VNP"));
        settings.databasePath = m_work.filePath(QStringLiteral("service.db"));
        sync::TicketListSyncService service(settings, clock);
        QSignalSpy synced(&service, &sync::TicketListSyncService::synced);
        QSignalSpy age(&service, &sync::TicketListSyncService::listAgeChanged);
        service.start();
        QVERIFY(synced.wait(30'000));
        QCOMPARE(sync::toString(synced.first().first().value<sync::SyncResult>().outcome),
                 QStringLiteral("applied"));
        // No list yet, then the applied list: fresh.
        QTRY_COMPARE_WITH_TIMEOUT(age.size(), 2, 10'000);
        QCOMPARE(toString(age.at(0).first().value<ListAge>()), QStringLiteral("no_list"));
        QCOMPARE(toString(age.at(1).first().value<ListAge>()), QStringLiteral("fresh"));
    }

    // A hanging sync (a server that drips) ends at its deadline, and staff's
    // "sync now" asked for meanwhile runs right after it.
    void syncNowAfterAHangingSync() {
        ManualClock clock(firstDay);
        sync::TicketListSyncSettings settings;
        settings.source = source(QStringLiteral("drip/VNP"));
        settings.source.syncDeadlineMs = 1500;
        settings.databasePath = m_work.filePath(QStringLiteral("hanging.db"));
        settings.intervalSecs = 3600;
        sync::TicketListSyncService service(settings, clock);
        QSignalSpy synced(&service, &sync::TicketListSyncService::synced);
        service.start();
        service.syncNow();
        QVERIFY(synced.wait(30'000));
        QCOMPARE(sync::toString(synced.at(0).first().value<sync::SyncResult>().outcome),
                 QStringLiteral("timeout"));
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 2, 30'000);
        QCOMPARE(sync::toString(synced.at(1).first().value<sync::SyncResult>().outcome),
                 QStringLiteral("timeout"));
    }

    // A sync process killed at random moments of a large apply leaves the
    // previous list or the new one, and a database that passes its check.
    void killedApplyLeavesOldOrNew() {
        QCOMPARE(sync::toString(syncOnce().outcome), QStringLiteral("applied"));
        m_store.reset(); // closes and checkpoints: the baseline is one file
        const QString baseline = m_work.filePath(QStringLiteral("baseline.db"));
        QFile::remove(baseline);
        QVERIFY(QFile::copy(m_dbPath, baseline));
        publishSnapshot(300, syntheticList(40'000));

        const QStringList args{QStringLiteral("tickets"),
                               QStringLiteral("sync"),
                               m_nginx.url(QStringLiteral("VNP")).toString(),
                               QStringLiteral("--db"),
                               m_dbPath,
                               QStringLiteral("--root-key"),
                               QString::fromLatin1(m_rootKey.rawPublicKey().toBase64()),
                               QStringLiteral("--device-key"),
                               m_deviceKeyFile};
        QElapsedTimer fullRun;
        fullRun.start();
        runGatectl(args);
        const int fullMs = int(fullRun.elapsed());

        int sawOld = 0;
        int sawNew = 0;
        for (int round = 0; round < 8; ++round) {
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(m_dbPath + suffix);
            QVERIFY(QFile::copy(baseline, m_dbPath));
            QProcess child;
            child.start(gatectlPath(), args);
            QVERIFY(child.waitForStarted());
            QThread::msleep(QRandomGenerator::global()->bounded(fullMs + 1));
            child.kill();
            child.waitForFinished();

            QCOMPARE(integrityOf(m_dbPath), QStringLiteral("ok"));
            QString error;
            const auto reader = tickets::TicketStoreReader::open(m_dbPath, &error);
            QVERIFY2(reader, qPrintable(error));
            const qint64 seq = reader->state().seq;
            QVERIFY2(seq == 100 || seq == 300, qPrintable(QString::number(seq)));
            QCOMPARE(reader->ticketCount(), seq == 100 ? 500 : 40'000);
            ++(seq == 100 ? sawOld : sawNew);
        }
        qInfo("killed applies: %d left the previous list, %d the new one", sawOld, sawNew);
    }

private:
    sync::SyncResult syncOnce() {
        sync::TicketListPuller puller(source(QStringLiteral("VNP")), *m_store);
        QSignalSpy finished(&puller, &sync::TicketListPuller::finished);
        puller.syncNow();
        if (!finished.wait(60'000))
            return {};
        return finished.first().first().value<sync::SyncResult>();
    }

    void publishSnapshot(qint64 seq, const issuer::SyntheticList &list) {
        m_writer = std::make_unique<issuer::TicketListWriter>(m_stationDir, m_rootKey);
        tickets::Manifest &manifest = m_writer->manifest();
        manifest.station = QStringLiteral("VNP");
        manifest.generated = firstDay;
        manifest.expires = firstDay + 3600;
        m_writer->keys() = {{7, listKey}, {{3, QByteArray(32, 'B')}}};
        m_writer->enrolledGates() = {m_deviceKey->publicKey()};
        QString error;
        QVERIFY2(m_writer->writeKeys(m_keysJson, &error), qPrintable(error));
        QVERIFY2(m_writer->writeSnapshot(seq, list.records(), &error), qPrintable(error));
        QVERIFY2(m_writer->publish(&error), qPrintable(error));
    }

    void publishDelta(qint64 toSeq, const QList<QByteArray> &lines) {
        QString error;
        QVERIFY2(m_writer->writeDelta(toSeq, issuer::recordsFrom(lines), &error),
                 qPrintable(error));
        QVERIFY2(m_writer->publish(&error), qPrintable(error));
    }

    void republishWith(const issuer::SigningKey &key) {
        const tickets::Manifest manifest = m_writer->manifest();
        issuer::TicketListWriter other(m_stationDir, key);
        other.manifest() = manifest;
        other.keys() = m_writer->keys();
        other.enrolledGates() = m_writer->enrolledGates();
        QString error;
        QVERIFY2(other.publish(&error), qPrintable(error));
        // nginx's ETag is mtime-size: a manifest of the same size rewritten
        // within the same second would otherwise look unchanged.
        QFile manifestFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadWrite));
        QVERIFY(manifestFile.setFileTime(QDateTime::currentDateTime().addSecs(++m_mtimeShift),
                                         QFileDevice::FileModificationTime));
    }

    static void writeFile(const QString &path, const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    static void rewrite(const QString &path, const std::function<void(QByteArray &)> &change) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        change(bytes);
        writeFile(path, bytes);
    }

    sync::TicketListSource source(const QString &path) const {
        sync::TicketListSource source{m_nginx.url(path), m_rootKey.rawPublicKey(),
                                      QStringLiteral("VNP")};
        source.deviceKey = m_deviceKey;
        return source;
    }

    static QString gatectlPath() {
        return QDir(qEnvironmentVariable("GATE_BIN_DIR", QStringLiteral(GATE_BINARY_DIR "/bin")))
            .filePath(QStringLiteral("gatectl"));
    }

    static QJsonObject runGatectl(const QStringList &args, int expectedExit = 0,
                                  QByteArray *output = nullptr, const QByteArray &input = {}) {
        QProcess process;
        process.start(gatectlPath(), args);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60'000))
            return {};
        const QByteArray out = process.readAllStandardOutput();
        if (output)
            *output = out + process.readAllStandardError();
        if (process.exitCode() != expectedExit)
            qWarning("gatectl exited %d: %s", process.exitCode(), out.constData());
        return QJsonDocument::fromJson(out).object();
    }

    test::NginxFixture m_nginx;
    QTemporaryDir m_work;
    issuer::SigningKey m_rootKey;
    std::optional<tickets::DeviceKey> m_deviceKey;
    QString m_deviceKeyFile;
    QString m_stationDir;
    QString m_dbPath;
    int m_dbCounter = 0;
    int m_mtimeShift = 0;
    QByteArray m_keysJson = R"({"format":"gate-keys/1","keys":[]})";
    std::unique_ptr<issuer::TicketListWriter> m_writer;
    std::unique_ptr<tickets::TicketStoreWriter> m_store;
};

QTEST_GUILESS_MAIN(TestTicketSync)
#include "tst_ticketsync.moc"
