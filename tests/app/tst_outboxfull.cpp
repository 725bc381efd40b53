// A full audit outbox through the whole gate: the collector is unreachable
// and the outbox already holds its limit. Every passenger is refused
// gate_out_of_service without a record; one alarm says why; the refusals are
// counted in the store and written as one record once there is room again.
// Nothing that was recorded is dropped.
#include "gaterig.h"

#include "core/audit/auditstore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 outboxRows = 100;
const QString gateId = u"TEST-A1-01"_s;

} // namespace

class OutboxFullTest : public QObject {
    Q_OBJECT

private:
    GateRig m_rig;
    qint64 m_filledSeq = 0; // the last record before the gate ran (the filler and its alarm)

    QJsonObject logSync() const {
        // Port 1 on loopback: nothing listens, nothing is ever shipped.
        return {{u"host"_s, u"127.0.0.1"_s},
                {u"port"_s, 1},
                {u"outbox_limit"_s, QJsonObject{{u"rows"_s, outboxRows}}}};
    }

    QStringList runGate(const QJsonArray &script, int decisions) {
        QProcess gate;
        m_rig.startGate(gate, m_rig.writeConfig(script, {{u"log_sync"_s, logSync()}}), decisions);
        if (!gate.waitForStarted() || !gate.waitForFinished(120'000) || gate.exitCode() != 0)
            return {};
        return GateRig::decisionReasons(gate.readAllStandardOutput());
    }

    static QList<gate::AuditEvent> allRecords(gate::AuditStore &audit) {
        return audit.pending(0, 1000);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_rig.prepareStation(&error), qPrintable(error));
        QVERIFY2(m_rig.startLane(&error), qPrintable(error));
        gate::AuditStore audit;
        gate::AuditStore::Options options;
        options.maxRows = outboxRows;
        QVERIFY2(audit.open(m_rig.path("audit.db"), gateId, options, &error), qPrintable(error));
        for (qint64 i = 0; i < outboxRows; ++i)
            QVERIFY2(audit.append({0, gate::AuditEventType::System, 1'700'000'000 + i,
                                   QJsonObject{{u"filler"_s, i}}},
                                  &error),
                     qPrintable(error));
        QVERIFY(audit.full());
        m_filledSeq = audit.backlog().lastSeq;
    }

    void aFullOutboxRefusesWithoutARecordAndCounts() {
        const QJsonArray script{m_rig.demoStep(u"e-ticket, G101 on time"_s),
                                m_rig.demoStep(u"resident ID card, G101"_s),
                                m_rig.demoStep(u"refunded e-ticket"_s)};
        QCOMPARE(runGate(script, 3),
                 (QStringList{u"gate_out_of_service"_s, u"gate_out_of_service"_s,
                              u"gate_out_of_service"_s}));

        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig.path("audit.db"), gateId, &error), qPrintable(error));
        const QList<gate::AuditEvent> records = allRecords(audit);
        // The filler, then exactly one record more: the alarm.
        QCOMPARE(records.size(), m_filledSeq + 1);
        QCOMPARE(records.last().type, gate::AuditEventType::Alarm);
        QCOMPARE(records.last().fields.value(u"reason"_s).toString(), u"outbox_full"_s);
        QVERIFY(audit.recentEvents(gate::AuditEventType::Decision, 10).isEmpty());
        QCOMPARE(audit.unrecorded(), (QJsonObject{{u"decision"_s, 3}}));
        QVERIFY(!audit.localUseAt(u"E1001"_s, true).has_value());
    }

    void theCountIsRecordedOnceThereIsRoom() {
        {
            // The collector caught up with the filler.
            gate::AuditStore audit;
            QString error;
            QVERIFY2(audit.open(m_rig.path("audit.db"), gateId, &error), qPrintable(error));
            QVERIFY2(audit.acknowledge(m_filledSeq, &error), qPrintable(error));
        }
        QCOMPARE(runGate({m_rig.demoStep(u"e-ticket, G101 on time"_s)}, 1), QStringList{u"ok"_s});

        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig.path("audit.db"), gateId, &error), qPrintable(error));
        const QList<gate::AuditEvent> records = audit.pending(m_filledSeq, 100);
        QVERIFY(records.size() >= 3);
        QCOMPARE(records.at(0).fields.value(u"reason"_s).toString(), u"outbox_full"_s);
        QCOMPARE(records.at(1).type, gate::AuditEventType::System);
        QCOMPARE(records.at(1).fields.value(u"reason"_s).toString(), u"outbox_recovered"_s);
        QCOMPARE(records.at(1).fields.value(u"unrecorded"_s).toObject(),
                 (QJsonObject{{u"decision"_s, 3}}));
        QCOMPARE(records.at(2).type, gate::AuditEventType::Decision);
        QVERIFY(audit.unrecorded().isEmpty());
        QVERIFY(audit.localUseAt(u"E1001"_s, true).has_value());
    }
};

QTEST_GUILESS_MAIN(OutboxFullTest)
#include "tst_outboxfull.moc"
