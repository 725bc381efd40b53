#include "core/audit/auditstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gate;

namespace {

AuditEvent decision(qint64 at, const QString &outcome = QStringLiteral("allow")) {
    return {0, AuditEventType::Decision, at,
            QJsonObject{{QStringLiteral("outcome"), outcome},
                        {QStringLiteral("holder_key"), QStringLiteral("hk-synthetic")}}};
}

} // namespace

class AuditStoreTest : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("audit-%1.db").arg(++m_counter));
    }

    void appendAssignsIncreasingSequence() {
        AuditStore store;
        QString error;
        QVERIFY2(store.open(m_path, QStringLiteral("VNP-A2-01"), &error), qPrintable(error));
        for (qint64 expected = 1; expected <= 5; ++expected) {
            const auto seq = store.append(decision(1000 + expected), &error);
            QVERIFY2(seq, qPrintable(error));
            QCOMPARE(*seq, expected);
        }
        store.close();

        // The sequence goes on across a reopen, also after records were pruned.
        AuditStore::Options options;
        options.retainedShippedRows = 1;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error));
        QVERIFY(store.acknowledge(5, &error));
        QCOMPARE(store.pending(store.shippedSeq(), 10).size(), 0);
        QCOMPARE(store.recentEvents(AuditEventType::Decision, 10).size(), 1);
        QCOMPARE(*store.append(decision(2000), &error), 6);
    }

    void ticketUseIsRecordedWithItsPassage() {
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        QVERIFY(!store.localUseAt(QStringLiteral("E0012345678"), true));
        const AuditEvent passage{0, AuditEventType::Passage, 1763700000,
                                 QJsonObject{{QStringLiteral("tid"), "E0012345678"}}};
        QVERIFY(store.append(passage, &error,
                             {TicketUse{QStringLiteral("E0012345678"), true, 1763700000}}));
        QCOMPARE(store.localUseAt(QStringLiteral("E0012345678"), true), 1763700000);
        QVERIFY(!store.localUseAt(QStringLiteral("E0012345678"), false));

        // A refused record leaves no ticket use behind: one transaction.
        const AuditEvent tooBig{0, AuditEventType::Passage, 1763700100,
                                QJsonObject{{QStringLiteral("blob"), QString(20000, u'x')}}};
        QVERIFY(!store.append(tooBig, &error,
                              {TicketUse{QStringLiteral("E0099999999"), false, 1763700100}}));
        QVERIFY(error.contains(QLatin1String("bytes")));
        QVERIFY(!store.localUseAt(QStringLiteral("E0099999999"), false));
    }

    void refusesDocumentNumbers() {
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        const AuditEvent leaky{0, AuditEventType::Decision, 1,
                               QJsonObject{{QStringLiteral("number"), "L898902C3"}}};
        QVERIFY(!store.append(leaky, &error));
        QVERIFY(error.contains(QLatin1String("holder key")));
        QCOMPARE(store.backlog().rows, 0);
    }

    void recentEventsNewestFirstByType() {
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        store.append(decision(1, QStringLiteral("deny")), &error);
        store.append({0, AuditEventType::Alarm, 2, {{QStringLiteral("reason"), "fire"}}}, &error);
        store.append(decision(3, QStringLiteral("allow")), &error);
        const QList<AuditEvent> recent = store.recentEvents(AuditEventType::Decision, 10);
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).seq, 3);
        QCOMPARE(recent.at(0).fields.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("allow"));
        QCOMPARE(recent.at(1).seq, 1);
        QCOMPARE(store.recentEvents(AuditEventType::Alarm, 1).first().at, 2);
    }

    void outboxCursorMovesOnlyOnAcknowledgement() {
        AuditStore recorder;
        AuditStore shipper;
        QString error;
        QVERIFY(recorder.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        QVERIFY(shipper.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        for (int i = 0; i < 10; ++i)
            QVERIFY(recorder.append(decision(100 + i), &error));
        QCOMPARE(shipper.backlog().rows, 10);
        QCOMPARE(shipper.backlog().oldestAt, 100);

        const QList<AuditEvent> first = shipper.pending(shipper.shippedSeq(), 4);
        QCOMPARE(first.size(), 4);
        QCOMPARE(first.first().seq, 1);
        QCOMPARE(first.last().seq, 4);
        QCOMPARE(shipper.shippedSeq(), 0); // reading is not acknowledging
        QVERIFY(shipper.acknowledge(4, &error));
        QCOMPARE(recorder.shippedSeq(), 4);
        QCOMPARE(recorder.backlog().rows, 6);
        QCOMPARE(recorder.backlog().oldestAt, 104);
        QVERIFY(shipper.acknowledge(2, &error)); // never backwards
        QCOMPARE(shipper.shippedSeq(), 4);
        QCOMPARE(shipper.pending(4, 100).first().seq, 5);
        QVERIFY(shipper.acknowledge(10, &error));
        QCOMPARE(recorder.backlog().rows, 0);
        QCOMPARE(recorder.backlog().bytes, 0);
        QVERIFY(!recorder.backlog().oldestAt);
    }

    void alarmsBeforeTheOutboxFillsAndReportsFull() {
        AuditStore::Options options;
        options.maxRows = 10;
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error));
        for (int i = 0; i < 7; ++i)
            QVERIFY(store.append(decision(i), &error));
        QVERIFY(!store.nearlyFull());
        QVERIFY(store.recentEvents(AuditEventType::Alarm, 1).isEmpty());
        QVERIFY(store.append(decision(7), &error)); // the 8th record reaches 80 %
        QVERIFY(store.nearlyFull());
        const QList<AuditEvent> alarms = store.recentEvents(AuditEventType::Alarm, 5);
        QCOMPARE(alarms.size(), 1);
        QCOMPARE(alarms.first().fields.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("outbox_nearly_full"));
        QVERIFY(!store.full());
        QVERIFY(store.append(decision(8), &error));
        QVERIFY(store.full());
        // Full refuses admissions, never records: what happens is still written.
        QVERIFY(
            store.append({0, AuditEventType::Alarm, 9, {{QStringLiteral("reason"), "x"}}}, &error));
        QCOMPARE(store.backlog().rows, 11);
        QVERIFY(store.acknowledge(6, &error));
        QVERIFY(!store.full());
    }

    // Full: what the coordinator does not write is counted in the store, one
    // alarm says so, and the counts become one record once there is room.
    void aFullOutboxCountsWhatItDoesNotWrite() {
        AuditStore::Options options;
        options.maxRows = 10;
        QString error;
        qint64 rowsWhenFull = 0;
        {
            AuditStore store;
            QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error));
            for (int i = 0; !store.full(); ++i)
                QVERIFY(store.append(decision(i), &error));
            rowsWhenFull = store.backlog().rows;
            for (int i = 0; i < 3; ++i)
                QVERIFY2(store.countUnrecorded(AuditEventType::Decision, 50, &error),
                         qPrintable(error));
            QVERIFY(store.countUnrecorded(AuditEventType::Alarm, 51, &error));
            // One row more: the alarm, written with the first count only.
            QCOMPARE(store.backlog().rows, rowsWhenFull + 1);
            const AuditEvent alarm = store.recentEvents(AuditEventType::Alarm, 1).first();
            QCOMPARE(alarm.fields.value(QStringLiteral("reason")).toString(),
                     QStringLiteral("outbox_full"));
            QCOMPARE(alarm.at, 50);
        }
        AuditStore store; // the counts survive a restart
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error));
        const QJsonObject counts{{QStringLiteral("decision"), 3}, {QStringLiteral("alarm"), 1}};
        QCOMPARE(store.unrecorded(), counts);
        QVERIFY(store.writeUnrecordedCount(60, &error)); // still full: nothing yet
        QCOMPARE(store.backlog().rows, rowsWhenFull + 1);

        QVERIFY(store.acknowledge(rowsWhenFull + 1, &error));
        QVERIFY(!store.full());
        const auto seq = store.append(decision(99), &error);
        QVERIFY(seq);
        const QList<AuditEvent> written = store.pending(rowsWhenFull + 1, 10);
        QCOMPARE(written.size(), 2);
        QCOMPARE(written.at(0).type, AuditEventType::System);
        QCOMPARE(written.at(0).fields.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("outbox_recovered"));
        QCOMPARE(written.at(0).fields.value(QStringLiteral("unrecorded")).toObject(), counts);
        QCOMPARE(written.at(1).seq, *seq);
        QVERIFY(store.unrecorded().isEmpty());
    }

    void theByteLimitFillsTheOutboxToo() {
        AuditStore::Options options;
        options.maxRows = 1000;
        options.maxBytes = 4000;
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error));
        const AuditEvent bulky{0, AuditEventType::Decision, 1,
                               QJsonObject{{QStringLiteral("note"), QString(480, u'n')}}};
        int written = 0;
        while (!store.full()) {
            QVERIFY(store.append(bulky, &error));
            QVERIFY(++written < 100);
        }
        QVERIFY(store.backlog().bytes >= options.maxBytes);
        QVERIFY(store.backlog().rows < 20);
    }

    void fullDiskGivesClearErrorAndFull() {
        AuditStore::Options options;
        options.maxDatabaseBytes = 64 * 1024; // the "disk" of this test
        AuditStore store;
        QString error;
        QVERIFY2(store.open(m_path, QStringLiteral("VNP-A2-01"), options, &error),
                 qPrintable(error));
        const AuditEvent bulky{0, AuditEventType::Decision, 1,
                               QJsonObject{{QStringLiteral("note"), QString(2000, u'n')}}};
        std::optional<qint64> seq;
        int written = 0;
        while ((seq = store.append(bulky, &error)))
            QVERIFY(++written < 1000);
        QVERIFY2(error.contains(QLatin1String("storage is full")), qPrintable(error));
        QVERIFY(store.full());
        // What was committed before is intact and readable.
        QCOMPARE(store.pending(0, 1000).size(), written);
        QCOMPARE(store.pending(0, 1000).last().seq, written);
    }

    void unwritableFolderIsAClearError() {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders");
        const QString folder = m_dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        AuditStore store;
        QString error;
        QVERIFY(!store.open(folder + QStringLiteral("/audit.db"), QStringLiteral("G"), &error));
        QVERIFY2(error.contains(QLatin1String("not writable")), qPrintable(error));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void corruptFileIsAClearError() {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'z'));
        file.close();
        AuditStore store;
        QString error;
        QVERIFY(!store.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        QVERIFY2(error.contains(QLatin1String("corrupt")), qPrintable(error));
        QVERIFY(!store.isOpen());
    }

    void fileOfAnotherGateIsRefused() {
        AuditStore store;
        QString error;
        QVERIFY(store.open(m_path, QStringLiteral("VNP-A2-01"), &error));
        store.close();
        QVERIFY(!store.open(m_path, QStringLiteral("VNP-A2-02"), &error));
        QVERIFY2(error.contains(QLatin1String("VNP-A2-01")), qPrintable(error));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(AuditStoreTest)
#include "tst_auditstore.moc"
