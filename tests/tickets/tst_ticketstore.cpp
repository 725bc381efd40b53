#include "core/sqlite/sqlitestatement.h"
#include "core/tickets/gziplinereader.h"
#include "core/tickets/manifest.h"
#include "core/tickets/storeschema.h"
#include "core/tickets/ticketrecord.h"
#include "core/tickets/ticketstorereader.h"
#include "core/tickets/ticketstorewriter.h"
#include "recordfiles.h"
#include "ticketlist_records.h"
#include "ticketlist_writer.h"

#include <QTemporaryDir>

#include <QTest>
#include <sqlite3.h>

using namespace gate;
using namespace gate::tickets;

namespace {

const char validTicket[] =
    R"({"t":"ticket","tid":"E0012345678","trn":"G1234","dep":"VNP","arr":"AOH","dpt":1763718000,)"
    R"("car":5,"seat":"12A","cls":"2","holder":"AAAAAAAAAAAAAAAAAAAAAA","status":"valid","nm":"ZHANG*"})";

ListState stateAt(qint64 seq) {
    ListState state;
    state.station = QStringLiteral("VNP");
    state.seq = seq;
    state.generated = 1763712000;
    state.expires = 1763715600;
    state.listKey = {7, QByteArray(32, 'K')};
    state.bindKeys = {{3, QByteArray(32, 'B')}, {4, QByteArray(32, 'C')}};
    state.keysJson = R"({"format":"gate-keys/1","keys":[]})";
    state.etag = "\"abc-123\"";
    return state;
}

TicketRecord ticket(const QString &tid, const QString &holder, const char *status = "valid") {
    TicketRecord record;
    record.tid = tid;
    record.train = QStringLiteral("G1");
    record.dep = QStringLiteral("VNP");
    record.arr = QStringLiteral("AOH");
    record.departure = 1763718000;
    record.holder = holder;
    record.status = QLatin1String(status);
    return record;
}

const QString holderA = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
const QString holderB = QStringLiteral("BBBBBBBBBBBBBBBBBBBBBB");

} // namespace

class TestTicketStore : public QObject {
    Q_OBJECT

private slots:
    void recordLines_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ticket") << QByteArray(validTicket) << true;
        QTest::newRow("train")
            << QByteArray(R"({"t":"train","trn":"G1234","dpt":1763718000,"open":1763716800,)"
                          R"("close":1763717700,"gates":["A1","A2"],"status":"normal"})")
            << true;
        QTest::newRow("used")
            << QByteArray(
                   R"({"t":"used","tid":"E0012345678","dir":"in","at":1763717000,"gate":"A2"})")
            << true;
        QTest::newRow("del") << QByteArray(R"({"t":"del","tid":"E0012345678"})") << true;
        QTest::newRow("unknown fields ignored")
            << QByteArray(R"({"t":"del","tid":"E1","future":[1,2,3]})") << true;
        QTest::newRow("unknown type") << QByteArray(R"({"t":"coupon","tid":"E1"})") << false;
        QTest::newRow("not JSON") << QByteArray("ticket E1") << false;
        QTest::newRow("array") << QByteArray("[1,2]") << false;
        QTest::newRow("lower-case tid") << QByteArray(R"({"t":"del","tid":"e1"})") << false;
        QTest::newRow("tid too long")
            << QByteArray(R"({"t":"del","tid":")" + QByteArray(33, 'E') + R"("})") << false;
        QTest::newRow("time as string")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"in","at":"noon","gate":"A2"})") << false;
        QTest::newRow("fractional time")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"in","at":1.5,"gate":"A2"})") << false;
        QTest::newRow("negative time")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"in","at":-1,"gate":"A2"})") << false;
        QTest::newRow("bad direction")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"up","at":1,"gate":"A2"})") << false;
        QTest::newRow("used by a gate named by its id")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"in","at":1,"gate":"VNP-A1-01"})")
            << true;
        QTest::newRow("used by a gate id longer than gate.id allows")
            << QByteArray(R"({"t":"used","tid":"E1","dir":"in","at":1,"gate":")" +
                          QByteArray(33, 'G') + R"("})")
            << false;
        QTest::newRow("bad status") << QByteArray(validTicket).replace("valid", "lost") << false;
        QTest::newRow("short holder")
            << QByteArray(validTicket).replace("AAAAAAAAAAAAAAAAAAAAAA", "AAAA") << false;
        QTest::newRow("holder not base64url")
            << QByteArray(validTicket).replace("AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA+/")
            << false;
        QTest::newRow("station of 4 letters")
            << QByteArray(validTicket).replace("\"VNP\"", "\"VNPX\"") << false;
        QTest::newRow("car not a number")
            << QByteArray(validTicket).replace("\"car\":5", "\"car\":\"5\"") << false;
        QTest::newRow("gates not strings")
            << QByteArray(R"({"t":"train","trn":"G1","dpt":1,"open":1,"close":1,)"
                          R"("gates":[1],"status":"normal"})")
            << false;
        QTest::newRow("child ticket")
            << QByteArray(validTicket).replace(R"("nm")", R"("kind":"child","nm")") << true;
        QTest::newRow("student ticket")
            << QByteArray(validTicket)
                   .replace(R"("nm")", R"("kind":"student","eligible_until":1763700000,"nm")")
            << true;
        QTest::newRow("student ticket without its check date")
            << QByteArray(validTicket).replace(R"("nm")", R"("kind":"student","nm")") << false;
        QTest::newRow("unknown kind")
            << QByteArray(validTicket).replace(R"("nm")", R"("kind":"infant","nm")") << false;
        QTest::newRow("check date as string")
            << QByteArray(validTicket)
                   .replace(R"("nm")", R"("kind":"student","eligible_until":"2026","nm")")
            << false;
        QTest::newRow("station")
            << QByteArray(
                   R"({"t":"station","code":"AOH","zh":"上海虹桥","en":"Shanghai Hongqiao"})")
            << true;
        QTest::newRow("station without its Chinese name")
            << QByteArray(R"({"t":"station","code":"AOH","en":"Shanghai Hongqiao"})") << false;
        QTest::newRow("station code in lower case")
            << QByteArray(
                   R"({"t":"station","code":"aoh","zh":"上海虹桥","en":"Shanghai Hongqiao"})")
            << false;
        QTest::newRow("line too long") << QByteArray(R"({"t":"del","tid":"E1","pad":")" +
                                                     QByteArray(maxRecordLineBytes, 'x') + R"("})")
                                       << false;
    }

    void recordLines() {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        QString error;
        const std::optional<Record> record = parseRecordLine(line, &error);
        QCOMPARE(record.has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
    }

    void recordLinesRoundTrip() {
        TicketRecord original = ticket(QStringLiteral("E1"), holderA);
        original.car = 5;
        original.seat = QStringLiteral("12A");
        const auto parsed = parseRecordLine(issuer::recordLine(original), nullptr);
        QVERIFY(parsed && std::holds_alternative<TicketRecord>(*parsed));
        QCOMPARE(std::get<TicketRecord>(*parsed).holder, holderA);
        QCOMPARE(std::get<TicketRecord>(*parsed).car, std::optional<quint32>(5));
        QCOMPARE(std::get<TicketRecord>(*parsed).kind, QStringLiteral("adult"));
    }

    void kindsAndStationsStored() {
        const QString path = m_dir.filePath(QStringLiteral("kinds.db"));
        TicketRecord student = ticket(QStringLiteral("E1"), holderA);
        student.kind = QStringLiteral("student");
        student.eligibleUntil = 1763700000;
        TicketRecord child = ticket(QStringLiteral("E2"), holderA);
        child.kind = QStringLiteral("child");
        QVERIFY(testing::buildStore(
            path,
            {issuer::recordLine(student), issuer::recordLine(child),
             issuer::recordLine(ticket(QStringLiteral("E3"), holderB)),
             issuer::recordLine(StationRecord{QStringLiteral("AOH"), QStringLiteral("上海虹桥"),
                                              QStringLiteral("Shanghai Hongqiao")})},
            stateAt(1)));
        QString error;
        const auto reader = TicketStoreReader::open(path, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(reader->ticket(QStringLiteral("E1"))->kind, QStringLiteral("student"));
        QCOMPARE(reader->ticket(QStringLiteral("E1"))->eligibleUntil,
                 std::optional<qint64>(1763700000));
        QCOMPARE(reader->ticket(QStringLiteral("E2"))->kind, QStringLiteral("child"));
        QVERIFY(!reader->ticket(QStringLiteral("E2"))->eligibleUntil);
        QCOMPARE(reader->ticket(QStringLiteral("E3"))->kind, QStringLiteral("adult"));
        QCOMPARE(reader->station(QStringLiteral("AOH"))->zh, QStringLiteral("上海虹桥"));
        QCOMPARE(reader->station(QStringLiteral("AOH"))->en, QStringLiteral("Shanghai Hongqiao"));
        QVERIFY(!reader->station(QStringLiteral("VNP")));

        // A snapshot replaces the station names too.
        const auto writer = TicketStoreWriter::open(path, &error);
        QVERIFY2(writer, qPrintable(error));
        const QByteArray replacement =
            testing::gzipRecordFile({issuer::recordLine(ticket(QStringLiteral("E7"), holderB))});
        QVERIFY(writer->apply({stateAt(2), true, {QByteArrayView(replacement)}}, &error));
        QVERIFY(!reader->station(QStringLiteral("AOH")));
    }

    void versionTwoStoreGainsKinds() {
        // A store written before kinds existed: its tickets read as adults
        // and the names table appears, without losing the applied list.
        const QString path = m_dir.filePath(QStringLiteral("v2.db"));
        {
            QString error;
            sqlite3 *db =
                openStoreDatabase(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY2(execSql(db,
                             "CREATE TABLE tickets (tid TEXT PRIMARY KEY, trn TEXT NOT NULL, "
                             "dep TEXT NOT NULL, arr TEXT NOT NULL, dpt INTEGER NOT NULL, car "
                             "INTEGER, seat TEXT NOT NULL, cls TEXT NOT NULL, holder TEXT NOT "
                             "NULL, status TEXT NOT NULL, nm TEXT NOT NULL) WITHOUT ROWID; "
                             "INSERT INTO tickets VALUES ('E1', 'G1', 'VNP', 'AOH', 1763718000, "
                             "NULL, '', '', 'AAAAAAAAAAAAAAAAAAAAAA', 'valid', ''); "
                             "PRAGMA user_version = 2",
                             &error),
                     qPrintable(error));
            sqlite3_close(db);
        }
        QString error;
        const auto writer = TicketStoreWriter::open(path, &error);
        QVERIFY2(writer, qPrintable(error));
        const auto reader = TicketStoreReader::open(path, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(reader->ticket(QStringLiteral("E1"))->kind, QStringLiteral("adult"));
        QVERIFY(!reader->station(QStringLiteral("AOH")));
    }

    void manifests() {
        issuer::TicketListWriter writer(m_dir.path(), issuer::SigningKey());
        Manifest &manifest = writer.manifest();
        manifest.station = QStringLiteral("VNP");
        manifest.seq = 1210;
        manifest.sealedKeys = {{QByteArray(8, 'g'), QByteArray(80, 'b')}};
        manifest.keysSha256 = QByteArray(32, '\1');
        manifest.snapshot = {0, 1200, QStringLiteral("snap-1200.ndjson.gz"), QByteArray(32, 2), 9};
        manifest.deltas = {{1200, 1205, QStringLiteral("d1"), QByteArray(32, 3), 5},
                           {1205, 1210, QStringLiteral("d2"), QByteArray(32, 4), 5}};
        const QByteArray json = issuer::TicketListWriter::manifestJson(manifest);
        QString error;
        const auto parsed = parseManifest(json, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->deltas.size(), 2);
        QCOMPARE(parsed->sealedBoxFor(QByteArray(8, 'g')), std::optional(QByteArray(80, 'b')));
        QVERIFY(!parsed->sealedBoxFor(QByteArray(8, 'h')));
        QCOMPARE(deltaChainFrom(*parsed, 1200)->size(), 2);
        QCOMPARE(deltaChainFrom(*parsed, 1205)->size(), 1);
        QCOMPARE(deltaChainFrom(*parsed, 1210)->size(), 0);
        QVERIFY(!deltaChainFrom(*parsed, 1201));
        QVERIFY(!deltaChainFrom(*parsed, 1300));

        Manifest gap = manifest;
        gap.deltas.removeFirst();
        QVERIFY(!deltaChainFrom(*parseManifest(issuer::TicketListWriter::manifestJson(gap), &error),
                                1200));

        for (const QByteArray &bad : {
                 QByteArray("{}"),
                 QByteArray(json).replace("gate-ticketlist/2", "gate-ticketlist/1"),
                 QByteArray(json).replace("Z2dnZ2dnZ2c=", "Z2dn"),
                 QByteArray(json).replace("\"sealed_keys\"", "\"sealed\""),
                 QByteArray(json).replace("snap-1200.ndjson.gz", "../etc/passwd"),
                 QByteArray(json).replace("snap-1200.ndjson.gz", "http:evil.example"),
                 QByteArray(json).replace("snap-1200.ndjson.gz", "snap?x=1"),
                 QByteArray(json).replace("\"seq\": 1210", "\"seq\": -1"),
                 QByteArray(json).replace("\"from\": 1205", "\"from\": 1215"),
                 QByteArray(maxManifestBytes + 1, ' '),
             })
            QVERIFY(!parseManifest(bad, &error));

        bool unsupported = false;
        QVERIFY(!parseManifest(QByteArray(json).replace("gate-ticketlist/2", "gate-ticketlist/1"),
                               &error, &unsupported));
        QVERIFY(unsupported);
        QVERIFY(!parseManifest("{}", &error, &unsupported));
        QVERIFY(unsupported);
        QVERIFY(!parseManifest("[]", &error, &unsupported));
        QVERIFY(!unsupported);
    }

    void gzipLines() {
        const QByteArray file = testing::gzipRecordFile({"one", "", "two"});
        GzipLineReader reader(file, 16);
        QByteArray line;
        QVERIFY(reader.nextLine(&line));
        QCOMPARE(line, QByteArray("one"));
        QVERIFY(reader.nextLine(&line));
        QCOMPARE(line, QByteArray("two"));
        QVERIFY(!reader.nextLine(&line));
        QVERIFY(reader.error().isEmpty());

        GzipLineReader truncated(QByteArrayView(file).first(file.size() - 6), 16);
        while (truncated.nextLine(&line)) {
        }
        QVERIFY(!truncated.error().isEmpty());

        GzipLineReader garbage("not gzip at all", 16);
        QVERIFY(!garbage.nextLine(&line));
        QVERIFY(!garbage.error().isEmpty());

        const QByteArray longLine = testing::gzipRecordFile({QByteArray(100, 'x')});
        GzipLineReader limited(longLine, 16);
        QVERIFY(!limited.nextLine(&line));
        QVERIFY(!limited.error().isEmpty());
    }

    void applyAndLookup() {
        const QString path = m_dir.filePath(QStringLiteral("apply.db"));
        const QList<QByteArray> snapshot{
            issuer::recordLine(ticket(QStringLiteral("E1"), holderA)),
            issuer::recordLine(ticket(QStringLiteral("E2"), holderA)),
            issuer::recordLine(ticket(QStringLiteral("E3"), holderB)),
            issuer::recordLine(TrainRecord{QStringLiteral("G1"),
                                           1763718000,
                                           1763716800,
                                           1763717700,
                                           {QStringLiteral("A1")},
                                           QStringLiteral("normal")}),
        };
        QVERIFY(testing::buildStore(path, snapshot, stateAt(100)));

        QString error;
        const auto writer = TicketStoreWriter::open(path, &error);
        const auto reader = TicketStoreReader::open(path, &error);
        QVERIFY2(writer && reader, qPrintable(error));
        QCOMPARE(reader->state().seq, 100);
        QCOMPARE(reader->state().bindKey(4), std::optional<QByteArray>(QByteArray(32, 'C')));
        QCOMPARE(reader->state().etag, QByteArray("\"abc-123\""));
        QCOMPARE(reader->ticketsOfHolder(holderA).size(), 2);
        QCOMPARE(reader->train(QStringLiteral("G1"), 1763718000)->gates,
                 QStringList{QStringLiteral("A1")});
        QVERIFY(!reader->train(QStringLiteral("G1"), 1));

        const QByteArray delta = testing::gzipRecordFile({
            issuer::recordLine(ticket(QStringLiteral("E1"), holderA, "refunded")),
            issuer::recordLine(DeleteRecord{QStringLiteral("E2")}),
            issuer::recordLine(
                UsedRecord{QStringLiteral("E3"), QStringLiteral("in"), 5, QStringLiteral("A2")}),
            issuer::recordLine(
                UsedRecord{QStringLiteral("E3"), QStringLiteral("in"), 6, QStringLiteral("A3")}),
        });
        {
            // A decision in progress keeps its view while the delta commits.
            const TicketStoreReader::Snapshot view(*reader);
            QCOMPARE(reader->ticket(QStringLiteral("E1"))->status, QStringLiteral("valid"));
            const auto stats =
                writer->apply({stateAt(101), false, {QByteArrayView(delta)}}, &error);
            QVERIFY2(stats, qPrintable(error));
            QCOMPARE(stats->tickets, 2);
            QCOMPARE(reader->ticket(QStringLiteral("E1"))->status, QStringLiteral("valid"));
            QVERIFY(reader->ticket(QStringLiteral("E2")));
        }
        QCOMPARE(reader->state().seq, 101);
        QCOMPARE(reader->ticket(QStringLiteral("E1"))->status, QStringLiteral("refunded"));
        QVERIFY(!reader->ticket(QStringLiteral("E2")));
        const QList<UsedRecord> uses = reader->uses(QStringLiteral("E3"));
        QCOMPARE(uses.size(), 1);
        QCOMPARE(uses.first().gate, QStringLiteral("A3"));

        // A bad record anywhere: nothing of the update is applied.
        const QByteArray bad = testing::gzipRecordFile({
            issuer::recordLine(DeleteRecord{QStringLiteral("E1")}),
            R"({"t":"ticket","tid":"E9"})",
        });
        QVERIFY(!writer->apply({stateAt(102), false, {QByteArrayView(bad)}}, &error));
        QVERIFY(error.contains(QLatin1String("line 2")));
        QCOMPARE(reader->state().seq, 101);
        QVERIFY(reader->ticket(QStringLiteral("E1")));

        // A snapshot replaces everything.
        const QByteArray replacement =
            testing::gzipRecordFile({issuer::recordLine(ticket(QStringLiteral("E7"), holderB))});
        QVERIFY(writer->apply({stateAt(200), true, {QByteArrayView(replacement)}}, &error));
        QCOMPARE(reader->ticketCount(), 1);
        QVERIFY(reader->uses(QStringLiteral("E3")).isEmpty());
        QCOMPARE(reader->ticketsOfHolder(holderB).first().tid, QStringLiteral("E7"));
    }

    void notAStore() {
        QString error;
        QVERIFY(!TicketStoreReader::open(m_dir.filePath(QStringLiteral("missing.db")), &error));
        QVERIFY(!error.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestTicketStore)
#include "tst_ticketstore.moc"
