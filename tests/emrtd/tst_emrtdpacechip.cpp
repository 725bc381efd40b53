// PACE against a real PC/SC stack: pcscd, the vsmartcard vpcd reader and
// chip_with_aa.py's chip, whose side of PACE (the nonce, the mapping, the
// key agreement, the tokens, AES secure messaging) was written separately
// from the reader's, from the same Doc 9303 part 11. The chip's EF.CardAccess
// names the protocol and curve; BAC stays open unless the chip is PACE-only.
#include "chipspecimen.h"
#include "chipstack.h"

#include "emrtd/chipcheck.h"

#include <QtTest>

using namespace gate::emrtd;

class TestEmrtdPaceChip : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ChipStack> stack;

    // A passport whose EF.CardAccess offers `pace` (make_passport.py's
    // --pace), with `makeOptions` beyond, served with `chipOptions`.
    ChipReport readPacePassport(const QString &name, const QString &pace,
                                const QStringList &makeOptions, const QStringList &chipOptions,
                                const std::vector<std::vector<std::string>> &candidates) {
        return stack->readPassport(
            name, test::kSpecimenMrz, QStringList{QStringLiteral("--pace"), pace} + makeOptions,
            candidates, QStringLiteral("csca"), PcscChannel::ExtendedLength::Auto,
            {.ownProtocols = true, .options = chipOptions});
    }

private slots:
    void initTestCase() {
        REQUIRE_PEER(test::ChipStack::missingPeer());
        stack = std::make_unique<test::ChipStack>();
        QString error;
        QVERIFY2(stack->start(&error), qPrintable(error));
    }

    void paceOpensAndTheChipVerifies_data() {
        QTest::addColumn<QString>("pace");
        QTest::addColumn<QStringList>("makeOptions");
        QTest::addColumn<QStringList>("chipOptions");
        QTest::newRow("aes-128, brainpoolP256r1")
            << QStringLiteral("ecdh-gm-aes128") << QStringList{} << QStringList{};
        QTest::newRow("aes-256, P-256")
            << QStringLiteral("ecdh-gm-aes256")
            << QStringList{QStringLiteral("--pace-curve"), QStringLiteral("P-256")}
            << QStringList{};
        QTest::newRow("3des, brainpoolP256r1")
            << QStringLiteral("ecdh-gm-3des") << QStringList{} << QStringList{};
        QTest::newRow("a PACE-only chip") << QStringLiteral("ecdh-gm-aes128") << QStringList{}
                                          << QStringList{QStringLiteral("--no-bac")};
    }

    void paceOpensAndTheChipVerifies() {
        QFETCH(QString, pace);
        QFETCH(QStringList, makeOptions);
        QFETCH(QStringList, chipOptions);
        const ChipReport report =
            readPacePassport(QStringLiteral("pace-") + pace + makeOptions.join(QString()) +
                                 chipOptions.join(QString()),
                             pace, makeOptions, chipOptions, {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.access, std::string("PACE"));
        QCOMPARE(report.mrz, test::mrzLines(test::kSpecimenMrz));
        QVERIFY(report.face);
        QCOMPARE(report.sod->hashes, std::string("ok"));
    }

    void wrongMrzIsRefusedByPace() {
        QStringList wrong = test::kSpecimenMrz;
        wrong[1] = QStringLiteral("L898902C<7UTO7408122F1204159ZE184226B<<<<<16"); // another number
        const ChipReport report =
            readPacePassport(QStringLiteral("pace-wrongmrz"), QStringLiteral("ecdh-gm-aes128"), {},
                             {QStringLiteral("--no-bac")}, {test::mrzLines(wrong)});
        COMPARE_OUTCOME(report, "access_denied");
        QCOMPARE(report.error, std::string("PACE refused every MRZ offered"));
        QVERIFY(report.mrz.empty());
    }

    void paceResolvesAmbiguousCameraReading() {
        std::vector<std::string> misread = test::mrzLines(test::kSpecimenMrz);
        misread[1] = "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10";
        const ChipReport report = readPacePassport(
            QStringLiteral("pace-ambiguous"), QStringLiteral("ecdh-gm-aes128"), {},
            {QStringLiteral("--no-bac")}, {misread, test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.access, std::string("PACE"));
        QCOMPARE(report.openedBy, 1);
    }

    // A chip whose token does not verify has not shown it knows the MRZ:
    // nothing it sends after would be trusted, so the reader does not go on.
    void chipWithAWrongTokenIsNotOpened() {
        const ChipReport report =
            readPacePassport(QStringLiteral("pace-wrongtoken"), QStringLiteral("ecdh-gm-aes128"),
                             {}, {QStringLiteral("--pace-answer"), QStringLiteral("wrong-token")},
                             {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "access_denied");
        QCOMPARE(report.error, std::string("PACE refused every MRZ offered"));
    }

    void chipRefusingPaceIsOpenedWithBac() {
        const ChipReport report =
            readPacePassport(QStringLiteral("pace-refused"), QStringLiteral("ecdh-gm-aes128"), {},
                             {QStringLiteral("--pace-answer"), QStringLiteral("refuse")},
                             {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.access, std::string("BAC"));
    }

    void paceOnlyChipRefusingPaceCannotBeOpened() {
        const ChipReport report = readPacePassport(
            QStringLiteral("pace-refused-nobac"), QStringLiteral("ecdh-gm-aes128"), {},
            {QStringLiteral("--pace-answer"), QStringLiteral("refuse"), QStringLiteral("--no-bac")},
            {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "access_denied");
        QCOMPARE(report.error,
                 std::string("the chip offers neither BAC nor a PACE this reader runs"));
    }

    void chipAndActiveAuthenticationRunUnderPace_data() {
        QTest::addColumn<QStringList>("makeOptions");
        QTest::addColumn<QString>("chipAuth");
        QTest::newRow("chip authentication, 3des")
            << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh")}
            << QStringLiteral("chip_authentication");
        QTest::newRow("chip authentication, aes-256")
            << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh-aes256")}
            << QStringLiteral("chip_authentication");
        QTest::newRow("active authentication")
            << QStringList{QStringLiteral("--aa"), QStringLiteral("rsa")}
            << QStringLiteral("active_authentication");
    }

    void chipAndActiveAuthenticationRunUnderPace() {
        QFETCH(QStringList, makeOptions);
        QFETCH(QString, chipAuth);
        const ChipReport report = readPacePassport(
            QStringLiteral("pace-") + chipAuth, QStringLiteral("ecdh-gm-aes128"), makeOptions,
            {QStringLiteral("--no-bac")}, {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.access, std::string("PACE"));
        QCOMPARE(report.chipAuth, chipAuth.toStdString());
    }

    void dg1ChangedAfterSigningIsForgedUnderPace() {
        const ChipReport report =
            readPacePassport(QStringLiteral("pace-tampered"), QStringLiteral("ecdh-gm-aes128"),
                             {QStringLiteral("--tamper"), QStringLiteral("dg1")}, {},
                             {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.access, std::string("PACE"));
        QCOMPARE(report.sod->hashes, std::string("mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestEmrtdPaceChip)
#include "tst_emrtdpacechip.moc"
