#include "core/credentials/holderkey.h"
#include "core/decision/decisionengine.h"
#include "core/decision/passengermessage.h"
#include "core/tickets/ticketstorereader.h"
#include "recordfiles.h"
#include "specimenpassport.h"
#include "ticketlist_records.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gate;

namespace {

// 2025-11-21 09:40 UTC, 17:40 in Beijing.
constexpr qint64 T = 1763718000;
constexpr qint64 generated = T - 7200;
constexpr qint64 expires = T + 3600;
const QByteArray listKey(32, 'L');
const QByteArray bindKey(32, 'B');
constexpr quint32 bindKeyId = 3;

// Specimen FPR numbers (reference/idcard-sam.md): the 2023 card and its
// rebuilt 2017 number.
const QString fprNumber = QStringLiteral("931586198001010028");
const QString fprPrevious = QStringLiteral("PAK310080010103");

QString holder(const QString &identity) {
    return holderKey(listKey, identity);
}
QString passport(const QString &label) {
    return QStringLiteral("PP:UTO:") + label;
}

tickets::TrainRecord train(const char *trn, qint64 dpt, const char *gate,
                           const char *status = "normal") {
    return {QLatin1String(trn),   dpt, dpt - 1800, dpt - 300, {QLatin1String(gate)},
            QLatin1String(status)};
}

tickets::TicketRecord ticket(const char *tid, const char *trn, qint64 dpt, const QString &holderOf,
                             const char *status = "valid", const char *dep = "VNP",
                             const char *arr = "AOH") {
    tickets::TicketRecord record;
    record.tid = QLatin1String(tid);
    record.train = QLatin1String(trn);
    record.dep = QLatin1String(dep);
    record.arr = QLatin1String(arr);
    record.departure = dpt;
    record.car = 5;
    record.seat = QStringLiteral("12A");
    record.seatClass = QStringLiteral("2");
    record.holder = holder(holderOf);
    record.status = QLatin1String(status);
    record.maskedName = QStringLiteral("ZHANG*");
    return record;
}

QList<QByteArray> stationRecords() {
    using issuer::recordLine;
    return {
        recordLine(train("G1", T, "A1")),
        recordLine(train("G2", T + 3600, "B2")),
        recordLine(train("G3", T, "A1", "cancelled")),
        recordLine(train("G4", T + 5400, "A1")),
        recordLine(train("G5", T + 7200, "A1")),
        recordLine(ticket("E1", "G1", T, passport("A1"))),
        recordLine(ticket("E2", "G1", T, passport("A2"), "refunded")),
        recordLine(ticket("E3", "G1", T, passport("A3"), "changed")),
        recordLine(ticket("E4", "G2", T + 3600, passport("A4"))),
        recordLine(ticket("E5", "G3", T, passport("A5"))),
        recordLine(ticket("E6", "G1", T, passport("A6"))),
        recordLine(tickets::UsedRecord{QStringLiteral("E6"), QStringLiteral("in"), T - 1500,
                                       QStringLiteral("A2")}),
        recordLine(ticket("E7", "G9", T - 7200, passport("A7"), "valid", "AOH", "VNP")),
        recordLine(ticket("E8", "G1", T, passport("A8"), "valid", "SHH", "AOH")),
        recordLine(ticket("E9", "G7", T, passport("A9"))),
        // One document, several tickets.
        recordLine(ticket("E10", "G2", T + 3600, passport("M"))),
        recordLine(ticket("E11", "G1", T, passport("M"))),
        recordLine(ticket("E12", "G1", T, passport("N"))),
        recordLine(tickets::UsedRecord{QStringLiteral("E12"), QStringLiteral("in"), T - 1500,
                                       QStringLiteral("A2")}),
        recordLine(ticket("E13", "G4", T + 5400, passport("N"))),
        // Bought with the 2017 card's number.
        recordLine(ticket("E14", "G1", T, QStringLiteral("FPR:") + fprPrevious)),
        recordLine(ticket("E15", "G1", T, passport("B1"))),
        recordLine(ticket("E16", "G5", T + 7200, passport("A16"))),
        recordLine(tickets::DeleteRecord{QStringLiteral("E99")}),
    };
}

IdentityDocument document(const QString &label) {
    IdentityDocument document = testing::specimenPassport(label);
    if (label == QLatin1String("EXPIRED")) {
        document.number = QStringLiteral("A1");
        document.validTo = QDate(2024, 1, 1);
    } else if (label == QLatin1String("INVALID")) {
        document.numberValid = false;
    } else if (label == QLatin1String("FPR")) {
        document.kind = DocumentKind::Fpr2023;
        document.number = fprNumber;
        document.previousNumber = fprPrevious;
    }
    return document;
}

TicketClaims claims(const QString &tid, const QString &trn, qint64 iat) {
    TicketClaims claims;
    claims.iss = QStringLiteral("CR");
    claims.iat = iat;
    claims.exp = T + 86400;
    claims.tid = tid;
    claims.train = trn;
    claims.dep = QStringLiteral("VNP");
    claims.arr = QStringLiteral("AOH");
    claims.departure = T;
    return claims;
}

// "doc:A1", "code:E1", "code:E15+doc:B1", "code-bound:E15+doc:A1",
// "code-badkey:E15+doc:B1", "code-new:X1:G1", "code-old:X1:G1", "fail:REASON".
Credential credentialFrom(const QString &text) {
    const QStringList parts = text.split(u'+');
    Credential credential;
    for (const QString &part : parts) {
        const QStringList fields = part.split(u':');
        const QString kind = fields.value(0);
        if (kind == QLatin1String("doc")) {
            if (credential.kind == Credential::Kind::Failure)
                credential = Credential::fromDocument(document(fields.value(1)));
            else
                credential.document = document(fields.value(1));
        } else if (kind == QLatin1String("fail")) {
            // "fail:" alone: a failure the credential layer gave no reason for.
            const std::optional<Reason> reason = reasonFromCode(fields.value(1));
            if (!reason && !fields.value(1).isEmpty())
                qFatal("no reason code %s", qPrintable(fields.value(1)));
            credential = reason ? Credential::failed(*reason) : Credential{};
        } else if (kind == QLatin1String("code")) {
            credential = Credential::fromTicket(
                claims(fields.value(1), QStringLiteral("G1"), generated - 600));
        } else if (kind == QLatin1String("code-bound") || kind == QLatin1String("code-badkey")) {
            TicketClaims bound = claims(fields.value(1), QStringLiteral("G1"), generated - 600);
            bound.holderBinding = bindingTag(bindKey, passport(QStringLiteral("B1")), bound.tid);
            bound.bindingKey = kind == QLatin1String("code-bound") ? bindKeyId : 99;
            credential = Credential::fromTicket(bound);
        } else if (kind == QLatin1String("code-new") || kind == QLatin1String("code-old")) {
            const qint64 iat = kind == QLatin1String("code-new") ? generated + 60 : generated - 60;
            credential = Credential::fromTicket(claims(fields.value(1), fields.value(2), iat));
        }
    }
    return credential;
}

class LocalPassages final : public PassageHistory {
public:
    QString usedTid;
    std::optional<qint64> localUseAt(const QString &tid, LaneContext::Direction) const override {
        if (tid == usedTid)
            return T - 900;
        return std::nullopt;
    }
};

} // namespace

class TestDecision : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tickets.db"));
        tickets::ListState state;
        state.station = QStringLiteral("VNP");
        state.seq = 10;
        state.generated = generated;
        state.expires = expires;
        state.listKey = {7, listKey};
        state.bindKeys = {{bindKeyId, bindKey}};
        QVERIFY(testing::buildStore(m_path, stationRecords(), state));
        QString error;
        m_store = tickets::TicketStoreReader::open(m_path, &error);
        QVERIFY2(m_store, qPrintable(error));
    }

    void rules_data() {
        QTest::addColumn<QString>("credential");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("exit");
        QTest::addColumn<QString>("localUse");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("tid");

        const qint64 inWindow = T - 1000;
        const auto row = [](const char *name, const char *credential, qint64 now, bool exit,
                            const char *localUse, const char *reason, const char *tid) {
            QTest::newRow(name) << QString::fromLatin1(credential) << now << exit
                                << QString::fromLatin1(localUse) << QString::fromLatin1(reason)
                                << QString::fromLatin1(tid);
        };
        row("document admitted", "doc:A1", inWindow, false, "", "ok", "E1");
        row("too early", "doc:A1", T - 2000, false, "", "too_early", "E1");
        row("too late", "doc:A1", T - 200, false, "", "too_late", "E1");
        row("refunded", "doc:A2", inWindow, false, "", "ticket_refunded", "E2");
        row("changed", "doc:A3", inWindow, false, "", "ticket_changed", "E3");
        row("wrong gate", "doc:A4", T + 2600, false, "", "wrong_gate", "E4");
        row("cancelled", "doc:A5", inWindow, false, "", "train_cancelled", "E5");
        row("used at another gate", "doc:A6", inWindow, false, "", "already_used", "E6");
        row("used at this gate", "doc:A1", inWindow, false, "E1", "already_used", "E1");
        row("exit admitted", "doc:A7", T - 3600, true, "", "ok", "E7");
        row("exit before departure", "doc:A7", T - 9000, true, "", "too_early", "E7");
        row("arrival ticket at entry", "doc:A7", inWindow, false, "", "wrong_station", "E7");
        row("departure ticket at exit", "doc:A1", inWindow, true, "", "wrong_station", "E1");
        row("other station", "doc:A8", inWindow, false, "", "wrong_station", "E8");
        row("train not listed", "doc:A9", inWindow, false, "", "train_unknown", "E9");
        row("several tickets, one fits", "doc:M", inWindow, false, "", "ok", "E11");
        row("several tickets, none fits", "doc:N", inWindow, false, "", "too_early", "E13");
        row("no ticket", "doc:Z9", inWindow, false, "", "no_ticket", "");
        row("expired document", "doc:EXPIRED", inWindow, false, "", "document_expired", "");
        row("number not verified", "doc:INVALID", inWindow, false, "", "document_invalid", "");
        row("renewed FPR card", "doc:FPR", inWindow, false, "", "ok", "E14");
        row("stale list, document", "doc:A16", T + 6300, false, "", "list_stale", "");
        row("stale list, code", "code:E16", T + 6300, false, "", "ok", "E16");
        // Past expires + 24 h nothing admits: a frozen list must not keep the gate open.
        row("at the hard limit, code", "code:E16", expires + 86400, false, "", "too_late", "E16");
        row("past the hard limit, code", "code:E16", expires + 86401, false, "", "list_stale", "");
        row("past the hard limit, code newer than list", "code-new:X1:G1", expires + 86401, false,
            "", "list_stale", "");
        row("past the hard limit, document", "doc:A16", expires + 86401, false, "", "list_stale",
            "");
        row("code admitted", "code:E1", inWindow, false, "", "ok", "E1");
        row("code, refunded", "code:E2", inWindow, false, "", "ticket_refunded", "E2");
        row("code newer than list", "code-new:X1:G1", inWindow, false, "", "ok", "X1");
        row("code newer, unlisted train", "code-new:X2:G8", inWindow, false, "", "ok", "X2");
        row("code newer, unlisted train, late", "code-new:X2:G8", T - 100, false, "", "too_late",
            "X2");
        row("code older than list, unknown", "code-old:X3:G1", inWindow, false, "",
            "ticket_unknown", "X3");
        row("binding matches", "code-bound:E15+doc:B1", inWindow, false, "", "ok", "E15");
        row("binding mismatch", "code-bound:E15+doc:A1", inWindow, false, "", "holder_mismatch",
            "");
        row("binding key unknown", "code-badkey:E15+doc:B1", inWindow, false, "",
            "binding_key_unknown", "");
        // A bound code alone is no bearer ticket: it waits for its holder's
        // document, unless it is refused anyway.
        row("bound code alone", "code-bound:E15", inWindow, false, "", "holder_document_required",
            "E15");
        row("bound code alone, key unknown", "code-badkey:E15", inWindow, false, "",
            "binding_key_unknown", "");
        row("bound code alone, refunded", "code-bound:E2", inWindow, false, "", "ticket_refunded",
            "E2");
        row("code with another's document", "code:E1+doc:A2", inWindow, false, "",
            "holder_mismatch", "");
        row("code with its document", "code:E1+doc:A1", inWindow, false, "", "ok", "E1");
        row("credential failure", "fail:ticket_bad_signature", inWindow, false, "",
            "ticket_bad_signature", "");
        row("unreadable", "fail:", inWindow, false, "", "credential_unreadable", "");
    }

    void rules() {
        QFETCH(QString, credential);
        QFETCH(qint64, now);
        QFETCH(bool, exit);
        QFETCH(QString, localUse);
        QFETCH(QString, reason);
        QFETCH(QString, tid);

        ManualClock clock(now);
        const DecisionEngine engine(*m_store, clock);
        const LaneContext lane{QStringLiteral("VNP"), QStringLiteral("A1-03"), QStringLiteral("A1"),
                               exit ? LaneContext::Direction::Exit : LaneContext::Direction::Entry};
        LocalPassages history;
        history.usedTid = localUse;

        const Decision decision = engine.decide(credentialFrom(credential), lane, history);
        QCOMPARE(toString(decision.reason), reason);
        QCOMPARE(decision.admit, reason == QLatin1String("ok"));
        QCOMPARE(decision.decidedAt, now);
        if (!tid.isEmpty()) {
            QVERIFY(decision.ticket);
            QCOMPARE(decision.ticket->tid, tid);
        }
        const PassengerMessage message = passengerMessage(decision, Language::English);
        // Every placeholder of the reason's texts is filled in.
        QVERIFY2(!message.headline.contains(u'%') && !message.advice.contains(u'%'),
                 qPrintable(message.headline + QStringLiteral(" / ") + message.advice));
        // The identity kind is recorded, never a document number.
        for (const QString &number : {fprNumber, fprPrevious})
            QVERIFY(!decision.details.values().contains(number));
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
            engine.decide(Credential::fromDocument(document("A1")),
                          LaneContext{QStringLiteral("VNP")}, LocalPassages());
        QCOMPARE(toString(decision.reason), QStringLiteral("list_unavailable"));
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

    void hardLimitIsConfigurable() {
        ManualClock clock(expires + 3601);
        DecisionSettings settings;
        settings.listAge = {600, 3600};
        const DecisionEngine engine(*m_store, clock, settings);
        QCOMPARE(toString(engine.listAge()), QStringLiteral("past_hard_limit"));
        const Decision decision =
            engine.decide(credentialFrom(QStringLiteral("code:E1")),
                          LaneContext{QStringLiteral("VNP")}, LocalPassages());
        QCOMPARE(toString(decision.reason), QStringLiteral("list_stale"));
    }

    // A passport's chip (docs/emrtd.md): forged is refused before anything
    // else; without proof it is refused only when the configuration requires
    // a chip; other documents have no chip rule.
    void chipRules_data() {
        QTest::addColumn<QString>("credential");
        QTest::addColumn<int>("chip");
        QTest::addColumn<bool>("requireChip");
        QTest::addColumn<QString>("reason");
        using State = ChipProof::State;
        QTest::newRow("verified") << "doc:A1" << int(State::Verified) << false << "ok";
        QTest::newRow("verified, chip required")
            << "doc:A1" << int(State::Verified) << true << "ok";
        QTest::newRow("unverified") << "doc:A1" << int(State::Unverified) << false << "ok";
        QTest::newRow("unverified, chip required")
            << "doc:A1" << int(State::Unverified) << true << "chip_required";
        QTest::newRow("forged") << "doc:A1" << int(State::Forged) << false << "document_forged";
        QTest::newRow("forged and expired")
            << "doc:EXPIRED" << int(State::Forged) << false << "document_forged";
        QTest::newRow("forged, ambiguous page")
            << "fail:mrz_ambiguous" << int(State::Forged) << false << "document_forged";
        QTest::newRow("ID card, chip required")
            << "doc:FPR" << int(State::NotApplicable) << true << "ok";
    }

    void chipRules() {
        QFETCH(QString, credential);
        QFETCH(int, chip);
        QFETCH(bool, requireChip);
        QFETCH(QString, reason);
        ManualClock clock(T - 1000);
        DecisionSettings settings;
        settings.requireChip = requireChip;
        const DecisionEngine engine(*m_store, clock, settings);
        Credential presented = credentialFrom(credential);
        presented.chip.state = ChipProof::State(chip);
        const Decision decision = engine.decide(
            presented,
            LaneContext{QStringLiteral("VNP"), QStringLiteral("A1-03"), QStringLiteral("A1")},
            LocalPassages());
        QCOMPARE(toString(decision.reason), reason);
        QVERIFY(!passengerMessage(decision, Language::English).headline.isEmpty());
    }

    void messagesInBeijingTime() {
        ManualClock clock(T - 2000);
        const DecisionEngine engine(*m_store, clock);
        const LaneContext lane{QStringLiteral("VNP"), QStringLiteral("A1-03"),
                               QStringLiteral("A1")};
        Decision decision =
            engine.decide(Credential::fromDocument(document("A1")), lane, LocalPassages());
        QCOMPARE(passengerMessage(decision, Language::English).headline,
                 QStringLiteral("Check-in for G1 opens at 17:10"));

        clock.set(T + 2600);
        decision = engine.decide(Credential::fromDocument(document("A4")), lane, LocalPassages());
        QCOMPARE(passengerMessage(decision, Language::English).advice,
                 QStringLiteral("Please go to gate B2"));

        clock.set(T - 1000);
        decision = engine.decide(Credential::fromDocument(document("A1")), lane, LocalPassages());
        QCOMPARE(passengerMessage(decision, Language::English).advice,
                 QStringLiteral("Train G1, coach 5, seat 12A"));
        QCOMPARE(decision.identityKind, QStringLiteral("mrz"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<tickets::TicketStoreReader> m_store;
};

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
