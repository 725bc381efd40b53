// The pairing rules of the two-step passage, alone: what is kept, for how
// long, and what a pair is made of.
#include "core/passage/holderdocumentpairing.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gate::Credential;
using gate::HolderDocumentPairing;

namespace {

constexpr qint64 second = 1'000'000'000;

Credential boundCode(const QString &tid) {
    gate::TicketClaims claims;
    claims.tid = tid;
    claims.holderBinding = QByteArray(8, 'h');
    claims.bindingKey = 1;
    Credential code = Credential::fromTicket(claims);
    code.source = u"camera"_s;
    code.availableNs = 10;
    return code;
}

Credential card(qint64 availableNs) {
    gate::IdentityDocument document;
    document.kind = gate::DocumentKind::ResidentId;
    document.number = u"110105198503020011"_s;
    document.numberValid = true;
    Credential credential = Credential::fromDocument(document);
    credential.source = u"idreader"_s;
    credential.availableNs = availableNs;
    return credential;
}

} // namespace

class HolderDocumentPairingTest : public QObject {
    Q_OBJECT

private slots:
    void onlyCodesWithABindingAreHeld() {
        QVERIFY(HolderDocumentPairing::isBoundCode(boundCode(u"E1"_s)));
        gate::TicketClaims bearer;
        bearer.tid = u"E2"_s;
        QVERIFY(!HolderDocumentPairing::isBoundCode(Credential::fromTicket(bearer)));
        QVERIFY(!HolderDocumentPairing::isBoundCode(card(0)));
    }

    void aKeptDocumentLastsTheWindowAndIsTakenOnce() {
        HolderDocumentPairing pairing(20 * second);
        pairing.keepDocument(card(0), 100 * second);
        QVERIFY(pairing.takeDocument(120 * second)); // the window's last instant
        QVERIFY(!pairing.takeDocument(120 * second));
        pairing.keepDocument(card(0), 100 * second);
        QVERIFY(!pairing.takeDocument(120 * second + 1)); // past it: gone
        pairing.keepDocument(card(0), 100 * second);
        pairing.forgetDocument();
        QVERIFY(!pairing.takeDocument(100 * second));
    }

    void aHeldCodeIsTakenOnce() {
        HolderDocumentPairing pairing(20 * second);
        QVERIFY(!pairing.holdsCode());
        pairing.holdCode(boundCode(u"E1"_s));
        QVERIFY(pairing.holdsCode());
        const std::optional<Credential> code = pairing.takeCode();
        QVERIFY(code);
        QCOMPARE(code->ticket->tid, u"E1"_s);
        QVERIFY(!pairing.holdsCode());
        QVERIFY(!pairing.takeCode());
    }

    void aPairIsTheCodeWithTheDocumentDatedByTheLaterRead() {
        const Credential pair =
            HolderDocumentPairing::paired(boundCode(u"E1"_s), card(500), card(500));
        QCOMPARE(pair.kind, Credential::Kind::ETicket);
        QCOMPARE(pair.ticket->tid, u"E1"_s);
        QVERIFY(pair.document);
        QCOMPARE(pair.source, u"idreader"_s);
        QCOMPARE(pair.availableNs, 500);
    }
};

QTEST_GUILESS_MAIN(HolderDocumentPairingTest)
#include "tst_holderdocumentpairing.moc"
