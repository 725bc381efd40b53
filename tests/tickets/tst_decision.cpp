// The deciding engine's view of the list itself: no list, and a list growing
// old. The rules of each decision are data: tests/tickets/decisions/*.json,
// run by tst_decisioncases.
#include "core/decision/decisionengine.h"
#include "core/tickets/ticketstorereader.h"
#include "recordfiles.h"
#include "specimenpassport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gate;

namespace {

// 2025-11-21 09:40 UTC, 17:40 in Beijing.
constexpr qint64 T = 1763718000;
constexpr qint64 expires = T + 3600;

class NoLocalPassages final : public PassageHistory {
public:
    std::optional<qint64> localUseAt(const QString &, LaneContext::Direction) const override {
        return std::nullopt;
    }
};

} // namespace

class TestDecision : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("tickets.db"));
        tickets::ListState state;
        state.station = QStringLiteral("VNP");
        state.seq = 10;
        state.generated = T - 7200;
        state.expires = expires;
        state.listKey = {7, QByteArray(32, 'L')};
        QVERIFY(testing::buildStore(path, {}, state));
        QString error;
        m_store = tickets::TicketStoreReader::open(path, &error);
        QVERIFY2(m_store, qPrintable(error));
    }

    void listUnavailable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.db"));
        QVERIFY(testing::buildStore(path, {}, tickets::ListState{}));
        QString error;
        const auto store = tickets::TicketStoreReader::open(path, &error);
        QVERIFY(store);
        ManualClock clock(T);
        const DecisionEngine engine(*store, clock);
        QVERIFY(engine.listIsStale());
        const Decision decision =
            engine.decide(Credential::fromDocument(testing::specimenPassport(QStringLiteral("A1"))),
                          LaneContext{QStringLiteral("VNP")}, NoLocalPassages());
        QCOMPARE(toString(decision.reason), QStringLiteral("list_unavailable"));
        QVERIFY(!decision.admit);
    }

    void staleness() {
        ManualClock clock(expires + 1800);
        const DecisionEngine engine(*m_store, clock);
        QVERIFY(!engine.listIsStale());
        QCOMPARE(toString(engine.listAge()), QStringLiteral("fresh"));
        clock.advance(1);
        QVERIFY(engine.listIsStale());
        QCOMPARE(toString(engine.listAge()), QStringLiteral("past_grace"));
        clock.set(expires + 86400);
        QCOMPARE(toString(engine.listAge()), QStringLiteral("past_grace"));
        clock.advance(1);
        QCOMPARE(toString(engine.listAge()), QStringLiteral("past_hard_limit"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<tickets::TicketStoreReader> m_store;
};

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
