// gate-issuer relay's parts: passage records to `used` records, repeats
// dropped, the collector file followed across partial lines, rotation and
// truncation, old deltas merged so that every gate still finds its chain,
// and one round of the relay program over a folder and a collector file.
#include "core/tickets/gziplinereader.h"
#include "core/tickets/manifest.h"
#include "relay_collectorfile.h"
#include "relay_passages.h"
#include "signingkey.h"
#include "station_secrets.h"
#include "support/gatetools.h"
#include "ticketlist_writer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gate;
using namespace Qt::StringLiterals;

namespace {

QByteArray passageLine(const QString &gate, qint64 seq, const QJsonObject &fields) {
    return QJsonDocument(QJsonObject{{u"gate"_s, gate},
                                     {u"seq"_s, seq},
                                     {u"type"_s, u"passage"_s},
                                     {u"at"_s, 1763717000 + seq},
                                     {u"fields"_s, fields}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject passedFields(const QString &tid, const QString &direction = u"entry"_s) {
    return {{u"passage"_s, 1},
            {u"tid"_s, tid},
            {u"outcome"_s, u"passed"_s},
            {u"direction"_s, direction}};
}

bool append(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

QList<QByteArray> recordLinesOf(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray compressed = file.readAll();
    tickets::GzipLineReader reader(compressed, tickets::maxRecordLineBytes);
    QList<QByteArray> lines;
    QByteArray line;
    while (reader.nextLine(&line))
        lines << line;
    return lines;
}

QByteArray usedLine(int i) {
    return QStringLiteral(R"({"t":"used","tid":"E%1","dir":"in","at":1763717000,"gate":"A1"})")
        .arg(i)
        .toLatin1();
}

} // namespace

class RelayTest : public QObject {
    Q_OBJECT

private slots:
    void passagesBecomeUsedRecords() {
        QString error;
        const auto one = issuer::parseCollectedRecord(
            passageLine(u"VNP-A1-01"_s, 7, passedFields(u"E1"_s)), &error);
        QVERIFY2(one, qPrintable(error));
        const auto used = issuer::usedRecordsOf(*one, &error);
        QVERIFY(used && used->size() == 1);
        QCOMPARE(used->first().tid, u"E1"_s);
        QCOMPARE(used->first().dir, u"in"_s);
        QCOMPARE(used->first().at, 1763717007);
        QCOMPARE(used->first().gate, u"VNP-A1-01"_s);

        QJsonObject party = passedFields(u"E2"_s, u"exit"_s);
        party.insert(u"tids"_s, QJsonArray::fromStringList({u"E2"_s, u"E3"_s, u"E4"_s}));
        const auto partyUsed = issuer::usedRecordsOf(
            *issuer::parseCollectedRecord(passageLine(u"G"_s, 8, party), &error), &error);
        QVERIFY(partyUsed && partyUsed->size() == 3);
        QCOMPARE(partyUsed->at(2).tid, u"E4"_s);
        QCOMPARE(partyUsed->at(2).dir, u"out"_s);

        // A pass not taken keeps the ticket used at every gate, as at its own.
        QJsonObject notTaken = passedFields(u"E5"_s);
        notTaken.insert(u"outcome"_s, u"not_taken"_s);
        QCOMPARE(
            issuer::usedRecordsOf(
                *issuer::parseCollectedRecord(passageLine(u"G"_s, 9, notTaken), &error), &error)
                ->size(),
            1);

        // A staff opening names no ticket: nothing to publish.
        QJsonObject noTicket = passedFields(QString());
        QVERIFY(
            issuer::usedRecordsOf(
                *issuer::parseCollectedRecord(passageLine(u"G"_s, 10, noTicket), &error), &error)
                ->isEmpty());

        QJsonObject noDirection = passedFields(u"E6"_s);
        noDirection.remove(u"direction"_s);
        QVERIFY(!issuer::usedRecordsOf(
            *issuer::parseCollectedRecord(passageLine(u"G"_s, 11, noDirection), &error), &error));
        QVERIFY(error.contains(u"direction"_s));
    }

    void notAGateRecordIsRefused_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("not JSON") << QByteArray("GATE_PASSAGE [gate@32473 ...]");
        QTest::newRow("an array") << QByteArray("[1,2]");
        QTest::newRow("no gate") << QByteArray(R"({"seq":1,"type":"passage","at":1})");
        QTest::newRow("seq zero") << QByteArray(R"({"gate":"G","seq":0,"type":"passage","at":1})");
        QTest::newRow("seq as text")
            << QByteArray(R"({"gate":"G","seq":"1","type":"passage","at":1})");
        QTest::newRow("no time") << QByteArray(R"({"gate":"G","seq":1,"type":"passage"})");
    }

    void notAGateRecordIsRefused() {
        QFETCH(QByteArray, line);
        QString error;
        QVERIFY(!issuer::parseCollectedRecord(line, &error));
        QVERIFY(!error.isEmpty());
    }

    void repeatsAreDroppedByGateAndSeq() {
        issuer::SeenRecords seen;
        QVERIFY(seen.admit(u"A"_s, 5));
        QVERIFY(!seen.admit(u"A"_s, 5));
        QVERIFY(!seen.admit(u"A"_s, 3));
        QVERIFY(seen.admit(u"B"_s, 3));
        QVERIFY(seen.admit(u"A"_s, 6));
    }

    void theCollectorFileIsFollowedLineByLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"passages.jsonl"_s);
        const QString statePath = dir.filePath(u"state.json"_s);
        const issuer::CollectorFile collector(path);
        issuer::RelayPosition position;
        int oversized = 0;
        QString error;
        QCOMPARE(collector.readNewLines(&position, &oversized, &error)->size(), 0); // no file yet

        QVERIFY(append(path, "one\ntwo\nthr"));
        QCOMPARE(*collector.readNewLines(&position, &oversized, &error),
                 (QByteArrayList{"one", "two"}));
        QCOMPARE(position.offset, 8);
        // The line being written is read once whole.
        QVERIFY(append(path, "ee\n" + QByteArray(issuer::CollectorFile::maxLineBytes + 1, 'x') +
                                 "\nfour\n"));
        QCOMPARE(*collector.readNewLines(&position, &oversized, &error),
                 (QByteArrayList{"three", "four"}));
        QCOMPARE(oversized, 1);

        // The place survives a restart of the relay.
        position.seen.admit(u"VNP-A1-01"_s, 42);
        QVERIFY2(position.save(statePath, &error), qPrintable(error));
        auto restarted = issuer::RelayPosition::load(statePath, &error);
        QVERIFY2(restarted, qPrintable(error));
        QCOMPARE(restarted->offset, position.offset);
        QVERIFY(!restarted->seen.admit(u"VNP-A1-01"_s, 42));
        QVERIFY(collector.readNewLines(&*restarted, &oversized, &error)->isEmpty());

        // Truncated: read again from its start.
        QFile truncated(path);
        QVERIFY(truncated.open(QIODevice::WriteOnly | QIODevice::Truncate));
        truncated.write("five\n");
        truncated.close();
        QCOMPARE(*collector.readNewLines(&*restarted, &oversized, &error), QByteArrayList{"five"});

        // Rotated: another file under the name, read from its start even if longer.
        QVERIFY(QFile::rename(path, path + u".1"_s));
        QVERIFY(append(path, "six\nseven\n"));
        QCOMPARE(*collector.readNewLines(&*restarted, &oversized, &error),
                 (QByteArrayList{"six", "seven"}));

        QVERIFY(append(statePath + u".bad"_s, "{\"offset\":-4}"));
        QVERIFY(!issuer::RelayPosition::load(statePath + u".bad"_s, &error));
    }

    void mergedDeltasKeepEveryChainWhole() {
        QTemporaryDir dir;
        const auto rootKey = issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519);
        issuer::TicketListWriter writer(dir.path(), rootKey);
        writer.manifest().station = u"VNP"_s;
        QString error;
        QVERIFY2(writer.writeSnapshot(100, issuer::recordsFrom({usedLine(0)}), &error),
                 qPrintable(error));
        for (int i = 1; i <= 70; ++i)
            QVERIFY2(writer.writeDelta(100 + i, issuer::recordsFrom({usedLine(i)}), &error),
                     qPrintable(error));
        QVERIFY2(writer.compactDeltas(24, &error), qPrintable(error));

        const tickets::Manifest &manifest = writer.manifest();
        QCOMPARE(manifest.deltas.size(), 25);
        QCOMPARE(manifest.deltas.first().from, 100);
        QCOMPARE(manifest.deltas.first().to, 146);
        QCOMPARE(manifest.seq, 170);
        // A gate at the snapshot, or at any of the newest deltas, has a chain.
        QVERIFY(tickets::deltaChainFrom(manifest, 100));
        for (qint64 from = 146; from < 170; ++from)
            QVERIFY(tickets::deltaChainFrom(manifest, from));
        QVERIFY(!tickets::deltaChainFrom(manifest, 120)); // merged away: the snapshot
        QList<QByteArray> expected;
        for (int i = 1; i <= 46; ++i)
            expected << usedLine(i);
        QCOMPARE(recordLinesOf(dir.filePath(manifest.deltas.first().path)), expected);

        // Merging again folds the merged delta in with the next ones.
        for (int i = 71; i <= 100; ++i)
            QVERIFY(writer.writeDelta(100 + i, issuer::recordsFrom({usedLine(i)}), &error));
        QVERIFY2(writer.compactDeltas(24, &error), qPrintable(error));
        QCOMPARE(manifest.deltas.first().to, 176);
        QCOMPARE(recordLinesOf(dir.filePath(manifest.deltas.first().path)).size(), 76);
        QVERIFY(tickets::deltaChainFrom(manifest, 100));
    }

    void oneRoundPublishesEachPassageOnce() {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"VNP"_s);
        const QString rootKeyPath = dir.filePath(u"root.pem"_s);
        const QString secretsPath = dir.filePath(u"secrets.json"_s);
        const QString collectorPath = dir.filePath(u"passages.jsonl"_s);
        const QString statePath = dir.filePath(u"relay.json"_s);
        QString error;
        const auto rootKey = issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519);
        QVERIFY2(rootKey.save(rootKeyPath, &error), qPrintable(error));
        QVERIFY(
            !test::runGateTool(u"gate-issuer"_s, {u"ticketlist"_s, u"--out"_s, out, u"--root-key"_s,
                                                  rootKeyPath, u"--secrets"_s, secretsPath,
                                                  u"--seq"_s, u"1"_s, u"--synthetic"_s, u"10"_s})
                 .isEmpty());
        const QStringList relay{u"relay"_s,    u"--out"_s,     out,         u"--root-key"_s,
                                rootKeyPath,   u"--secrets"_s, secretsPath, u"--collector"_s,
                                collectorPath, u"--state"_s,   statePath,   u"--once"_s};

        // A line that is not a record, a repeat, a gate id no gate could
        // have: each skipped, the others published.
        QVERIFY(append(collectorPath,
                       passageLine(u"VNP-A1-01"_s, 1, passedFields(u"E1"_s)) + "\nnot json\n" +
                           passageLine(u"VNP-A1-01"_s, 1, passedFields(u"E1"_s)) + '\n' +
                           passageLine(QString(40, u'G'), 1, passedFields(u"E9"_s)) + '\n' +
                           passageLine(u"VNP-A1-02"_s, 3, passedFields(u"E2"_s)) + '\n'));
        const QJsonObject published = test::runGateTool(u"gate-issuer"_s, relay);
        QCOMPARE(published.value(u"seq"_s).toInt(), 2);
        QCOMPARE(published.value(u"used"_s).toInt(), 2);

        QFile manifestFile(out + u"/manifest.json"_s);
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const auto manifest = tickets::parseManifest(manifestFile.readAll(), &error);
        QVERIFY2(manifest, qPrintable(error));
        QCOMPARE(manifest->deltas.size(), 1);
        const QList<QByteArray> lines = recordLinesOf(out + u"/"_s + manifest->deltas.first().path);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).contains(R"("tid":"E1")"));
        QVERIFY(lines.at(1).contains(R"("tid":"E2")"));

        // The next round has nothing new: no delta, nothing printed.
        QProcess again;
        again.start(test::gateBinary(u"gate-issuer"_s), relay);
        QVERIFY(again.waitForFinished(60'000));
        QCOMPARE(again.exitCode(), 0);
        QVERIFY(again.readAllStandardOutput().isEmpty());
        QVERIFY(manifestFile.seek(0));
        QCOMPARE(tickets::parseManifest(manifestFile.readAll(), &error)->seq, 2);
    }
};

QTEST_GUILESS_MAIN(RelayTest)
#include "tst_relay.moc"
