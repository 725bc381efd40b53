// Reading and checking passport chips against a real PC/SC stack: pcscd, the
// vsmartcard vpcd reader and an ePassport emulated by vsmartcard-vpicc (written
// independently of this project), with chip files and PKI made at test time.
#include "chipspecimen.h"
#include "chipstack.h"

#include "emrtd/chipcheck.h"
#include "emrtd/pcsc/pcscchannel.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>

using namespace gate::emrtd;

namespace {

// Passes commands through, and runs `beforeCommand` with each command's
// ordinal first: the test pulls the chip away in the middle of a read.
class InterruptingChannel : public ChipChannel {
public:
    InterruptingChannel(ChipChannel &inner, std::function<void(int)> beforeCommand)
        : inner_(inner)
        , beforeCommand_(std::move(beforeCommand)) {}
    std::optional<Bytes> transmit(const Bytes &command) override {
        beforeCommand_(++count_);
        return inner_.transmit(command);
    }
    std::string lastError() const override { return inner_.lastError(); }
    bool extendedLength() const override { return inner_.extendedLength(); }
    int count() const { return count_; }

private:
    ChipChannel &inner_;
    std::function<void(int)> beforeCommand_;
    int count_ = 0;
};

// A chip that forgets its secure messaging session: the first `times`
// protected commands (CLA 0C) are answered 6988 without reaching it, as a
// chip reset in the field answers.
class ForgettingChannel : public ChipChannel {
public:
    ForgettingChannel(ChipChannel &inner, int times)
        : inner_(inner)
        , times_(times) {}
    std::optional<Bytes> transmit(const Bytes &command) override {
        if (!command.empty() && command[0] == 0x0C && forgotten_ < times_) {
            ++forgotten_;
            return Bytes{0x69, 0x88};
        }
        return inner_.transmit(command);
    }
    std::string lastError() const override { return inner_.lastError(); }
    bool extendedLength() const override { return inner_.extendedLength(); }
    int forgotten() const { return forgotten_; }

private:
    ChipChannel &inner_;
    int times_;
    int forgotten_ = 0;
};

} // namespace

class TestEmrtdChip : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ChipStack> stack;

    ChipReport
    readPassport(const QString &name, const QStringList &makeOptions,
                 const std::vector<std::vector<std::string>> &candidates,
                 const QString &cscaFolder = QStringLiteral("csca"),
                 PcscChannel::ExtendedLength extended = PcscChannel::ExtendedLength::Auto,
                 const test::ChipEmulator &emulator = {}) {
        return stack->readPassport(name, test::kSpecimenMrz, makeOptions, candidates, cscaFolder,
                                   extended, emulator);
    }

    // A passport with an Active Authentication key (`algorithm`: "rsa" or
    // "ecdsa"), served by chip_with_aa.py with `emulatorOptions`.
    ChipReport readAaPassport(const QString &name, const QString &algorithm,
                              const QStringList &emulatorOptions) {
        return readPassport(name, {QStringLiteral("--aa"), algorithm},
                            {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
                            PcscChannel::ExtendedLength::Auto,
                            {.ownProtocols = true, .options = emulatorOptions});
    }

private slots:
    void initTestCase() {
        REQUIRE_PEER(test::ChipStack::missingPeer());
        stack = std::make_unique<test::ChipStack>();
        QString error;
        QVERIFY2(stack->start(&error), qPrintable(error));
    }

    void goodChipVerifies() {
        const ChipReport report =
            readPassport(QStringLiteral("good"), {}, {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.access, std::string("BAC"));
        QCOMPARE(report.mrz, test::mrzLines(test::kSpecimenMrz));
        QVERIFY(report.dg1MatchesMrz);
        QVERIFY(report.sod);
        QCOMPARE(report.sod->signature, std::string("ok"));
        QCOMPARE(report.sod->chain, std::string("ok"));
        QCOMPARE(report.sod->hashes, std::string("ok"));
        QCOMPARE(report.sod->csca, std::string("CN=CSCA Utopia,O=Test State UT,C=UT"));
        QVERIFY(report.face);
        QCOMPARE(report.face->format, std::string("jpeg"));
        QCOMPARE(report.face->width, 480);
        QCOMPARE(report.chipAuth, std::string("none"));
    }

    void activeAuthenticationVerifies_data() {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QStringList>("emulatorOptions");
        QTest::newRow("rsa, sha-1 trailer BC") << QStringLiteral("rsa") << QStringList{};
        QTest::newRow("rsa, sha-256 trailer 34CC")
            << QStringLiteral("rsa")
            << QStringList{QStringLiteral("--rsa-hash"), QStringLiteral("sha256")};
        QTest::newRow("ecdsa p-256, sha-256 from dg14") << QStringLiteral("ecdsa") << QStringList{};
    }

    void activeAuthenticationVerifies() {
        QFETCH(QString, algorithm);
        QFETCH(QStringList, emulatorOptions);
        const ChipReport report =
            readAaPassport(QStringLiteral("aa-") + algorithm, algorithm, emulatorOptions);
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.chipAuth, std::string("active_authentication"));
        QVERIFY(std::find(report.dataGroups.begin(), report.dataGroups.end(), 15) !=
                report.dataGroups.end());
        QCOMPARE(report.sod->hashes, std::string("ok")); // DG15 (and DG14) among the hashed groups
    }

    void clonedChipIsForged_data() {
        QTest::addColumn<QString>("protocol"); // make_passport.py's --aa or --ca
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("why");
        QTest::addColumn<int>("restarts");
        QTest::newRow("active authentication, rsa")
            << QStringLiteral("--aa") << QStringLiteral("rsa")
            << QStringLiteral("Active Authentication") << 0;
        QTest::newRow("active authentication, ecdsa")
            << QStringLiteral("--aa") << QStringLiteral("ecdsa")
            << QStringLiteral("Active Authentication") << 0;
        // 6988 under the agreed keys: opened again once (as a genuine chip
        // reset at that moment would be), then a forgery.
        QTest::newRow("chip authentication, ecdh")
            << QStringLiteral("--ca") << QStringLiteral("ecdh")
            << QStringLiteral("chip authentication failed") << 1;
    }

    // The genuine chip's files, DG14 or DG15 and SOD included, on a chip
    // holding a key of the cloner's own: everything passive authentication
    // sees holds, but the chip cannot sign with, or agree keys with, the key
    // the SOD vouches for.
    void clonedChipIsForged() {
        QFETCH(QString, protocol);
        QFETCH(QString, algorithm);
        QFETCH(QString, why);
        QFETCH(int, restarts);
        const QString keySource = QStringLiteral("clone-key") + protocol + algorithm;
        QString error;
        QVERIFY2(stack->makePassport(keySource, test::kSpecimenMrz, {protocol, algorithm}, &error),
                 qPrintable(error));
        const QString keyFile = stack->passportDir(keySource) + QStringLiteral("/chip/") +
                                protocol.mid(2) + QStringLiteral("-key.pem");
        const ChipReport report = readPassport(
            QStringLiteral("cloned") + protocol + algorithm, {protocol, algorithm},
            {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
            PcscChannel::ExtendedLength::Auto,
            {.ownProtocols = true, .options = {protocol + QStringLiteral("-key"), keyFile}});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.chipAuth, std::string("failed"));
        QCOMPARE(report.sod->signature, std::string("ok"));
        QCOMPARE(report.sod->chain, std::string("ok"));
        QCOMPARE(report.sod->hashes, std::string("ok"));
        QVERIFY(report.dg1MatchesMrz);
        QCOMPARE(report.sessionRestarts, restarts);
        QVERIFY2(report.error.find(why.toStdString()) != std::string::npos, report.error.c_str());
    }

    void chipWithDg15RefusingInternalAuthenticateIsForged() {
        const ChipReport report =
            readAaPassport(QStringLiteral("aa-refused"), QStringLiteral("rsa"),
                           {QStringLiteral("--answer"), QStringLiteral("refuse")});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.chipAuth, std::string("failed"));
        QVERIFY2(report.error.find("refused INTERNAL AUTHENTICATE (status 6D00)") !=
                     std::string::npos,
                 report.error.c_str());
    }

    void malformedActiveAuthenticationAnswerIsForged_data() {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("why");
        QTest::newRow("rsa, one byte short") << QStringLiteral("rsa") << QStringLiteral("short")
                                             << QStringLiteral("not one signature long");
        QTest::newRow("rsa, header 4A") << QStringLiteral("rsa") << QStringLiteral("corrupt")
                                        << QStringLiteral("no ISO/IEC 9796-2 header");
        QTest::newRow("ecdsa, one byte short") << QStringLiteral("ecdsa") << QStringLiteral("short")
                                               << QStringLiteral("not one signature long");
        QTest::newRow("ecdsa, r changed") << QStringLiteral("ecdsa") << QStringLiteral("corrupt")
                                          << QStringLiteral("ECDSA signature does not verify");
    }

    // A genuine chip always answers with one well-formed signature: anything
    // else would let a cloned chip turn "forged" into "no proof".
    void malformedActiveAuthenticationAnswerIsForged() {
        QFETCH(QString, algorithm);
        QFETCH(QString, answer);
        QFETCH(QString, why);
        const ChipReport report = readAaPassport(QStringLiteral("aa-bad-") + answer + algorithm,
                                                 algorithm, {QStringLiteral("--answer"), answer});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.chipAuth, std::string("failed"));
        QVERIFY2(report.error.find(why.toStdString()) != std::string::npos, report.error.c_str());
    }

    void keyFileWithoutSodIsNotAuthenticated_data() {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("dg15, active authentication")
            << QStringLiteral("--aa") << QStringLiteral("rsa");
        QTest::newRow("dg14, chip authentication")
            << QStringLiteral("--ca") << QStringLiteral("ecdh");
    }

    // Without an SOD nothing vouches for DG14's or DG15's key: the chip's
    // proof with it would prove nothing.
    void keyFileWithoutSodIsNotAuthenticated() {
        QFETCH(QString, protocol);
        QFETCH(QString, algorithm);
        const ChipReport report = readPassport(
            QStringLiteral("nosod") + protocol, {protocol, algorithm, QStringLiteral("--no-sod")},
            {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
            PcscChannel::ExtendedLength::Auto, {.ownProtocols = true});
        COMPARE_OUTCOME(report, "unverified");
        QCOMPARE(report.chipAuth, std::string("not_run"));
    }

    void chipAuthenticationVerifies_data() {
        QTest::addColumn<QStringList>("makeOptions");
        QTest::newRow("dg14 alone") << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh")};
        // Both offered: Chip Authentication runs, not Active Authentication.
        QTest::newRow("dg14 and dg15")
            << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh"), QStringLiteral("--aa"),
                           QStringLiteral("rsa")};
        // After BAC's 3DES session, AES keys.
        QTest::newRow("dg14, aes-128")
            << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh-aes128")};
    }

    void chipAuthenticationVerifies() {
        QFETCH(QStringList, makeOptions);
        const ChipReport report =
            readPassport(QStringLiteral("ca-") + makeOptions.join(QString()), makeOptions,
                         {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
                         PcscChannel::ExtendedLength::Auto, {.ownProtocols = true});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.chipAuth, std::string("chip_authentication"));
        QCOMPARE(report.sessionRestarts, 0);
        QVERIFY(std::find(report.dataGroups.begin(), report.dataGroups.end(), 14) !=
                report.dataGroups.end());
        QCOMPARE(report.sod->hashes, std::string("ok")); // DG14 among the hashed groups
    }

    void chipRefusingMseSetKatIsForged() {
        const ChipReport report = readPassport(
            QStringLiteral("ca-refused"), {QStringLiteral("--ca"), QStringLiteral("ecdh")},
            {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
            PcscChannel::ExtendedLength::Auto,
            {.ownProtocols = true,
             .options = {QStringLiteral("--answer"), QStringLiteral("refuse")}});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.chipAuth, std::string("failed"));
        QVERIFY2(report.error.find("refused MSE:Set KAT (status 6D00)") != std::string::npos,
                 report.error.c_str());
    }

    // A chip that agrees the keys but cannot answer soundly under them: no
    // second chance, as a reset chip would get (it answers 6987/6988 instead).
    void chipAnsweringWithABadMacUnderTheNewKeysIsForged() {
        const ChipReport report = readPassport(
            QStringLiteral("ca-badmac"), {QStringLiteral("--ca"), QStringLiteral("ecdh")},
            {test::mrzLines(test::kSpecimenMrz)}, QStringLiteral("csca"),
            PcscChannel::ExtendedLength::Auto,
            {.ownProtocols = true,
             .options = {QStringLiteral("--answer"), QStringLiteral("corrupt")}});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.chipAuth, std::string("failed"));
        QCOMPARE(report.sessionRestarts, 0);
        QVERIFY2(report.error.find("no sound answer under the new keys") != std::string::npos,
                 report.error.c_str());
    }

    void extendedLengthReadsInFewerExchanges() {
        const ChipReport shortReads =
            readPassport(QStringLiteral("short"), {}, {test::mrzLines(test::kSpecimenMrz)},
                         QStringLiteral("csca"), PcscChannel::ExtendedLength::Off);
        const ChipReport longReads =
            readPassport(QStringLiteral("long"), {}, {test::mrzLines(test::kSpecimenMrz)},
                         QStringLiteral("csca"), PcscChannel::ExtendedLength::On);
        COMPARE_OUTCOME(shortReads, "verified");
        COMPARE_OUTCOME(longReads, "verified");
        QVERIFY2(
            longReads.exchanges < shortReads.exchanges,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(longReads.exchanges).arg(shortReads.exchanges)));
    }

    void dg1ChangedAfterSigningIsForged() {
        const ChipReport report =
            readPassport(QStringLiteral("dg1"), {QStringLiteral("--tamper"), QStringLiteral("dg1")},
                         {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.sod->hashes, std::string("mismatch"));
        QCOMPARE(report.sod->mismatchedGroups, std::vector<int>{1});
        QVERIFY(!report.dg1MatchesMrz); // the chip's MRZ names someone else
    }

    void dg1ChangedMatchingAReprintedPageIsForged() {
        // The forger reprints the page to match the altered chip: only the hash tells.
        QStringList reprinted = test::kSpecimenMrz;
        reprinted[0].replace(QStringLiteral("<<ANNA"), QStringLiteral("<<HANS"));
        const ChipReport report = readPassport(QStringLiteral("dg1page"),
                                               {QStringLiteral("--tamper"), QStringLiteral("dg1")},
                                               {test::mrzLines(reprinted)});
        COMPARE_OUTCOME(report, "forged");
        QVERIFY(report.dg1MatchesMrz);
        QCOMPARE(report.sod->mismatchedGroups, std::vector<int>{1});
    }

    void dg2ChangedAfterSigningIsForged() {
        const ChipReport report =
            readPassport(QStringLiteral("dg2"), {QStringLiteral("--tamper"), QStringLiteral("dg2")},
                         {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.sod->mismatchedGroups, std::vector<int>{2});
        QVERIFY(report.dg1MatchesMrz);
    }

    void unknownDscIsForged() {
        const ChipReport report = readPassport(QStringLiteral("rogue"),
                                               {QStringLiteral("--dsc"), QStringLiteral("unknown")},
                                               {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "forged");
        QCOMPARE(report.sod->signature, std::string("ok"));
        QCOMPARE(report.sod->chain, std::string("unknown_dsc"));
        QCOMPARE(report.sod->hashes, std::string("ok"));
    }

    void expiredDscIsUnverified() {
        const ChipReport report = readPassport(QStringLiteral("expired"),
                                               {QStringLiteral("--dsc"), QStringLiteral("expired")},
                                               {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "unverified");
        QCOMPARE(report.sod->chain, std::string("expired"));
    }

    void issuerWithoutInstalledCscaIsUnverified() {
        const ChipReport report =
            readPassport(QStringLiteral("nocsca"), {}, {test::mrzLines(test::kSpecimenMrz)},
                         QStringLiteral("other-csca"));
        COMPARE_OUTCOME(report, "unverified");
        QCOMPARE(report.sod->chain, std::string("no_csca"));
        QCOMPARE(report.sod->hashes, std::string("ok"));
    }

    void chipWithoutSodIsUnverified() {
        const ChipReport report =
            readPassport(QStringLiteral("nosod"), {QStringLiteral("--no-sod")},
                         {test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "unverified");
        QVERIFY(!report.sod);
    }

    void wrongMrzIsRefusedByBac() {
        QStringList wrong = test::kSpecimenMrz;
        wrong[1] = QStringLiteral("L898902C<7UTO7408122F1204159ZE184226B<<<<<16"); // another number
        const ChipReport report =
            readPassport(QStringLiteral("wrongmrz"), {}, {test::mrzLines(wrong)});
        COMPARE_OUTCOME(report, "access_denied");
        QVERIFY(report.mrz.empty());
    }

    void chipResolvesAmbiguousCameraReading() {
        // The camera could not tell 0 from O in the number: the chip opens for the true one only.
        std::vector<std::string> misread = test::mrzLines(test::kSpecimenMrz);
        misread[1] = "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10";
        const ChipReport report = readPassport(QStringLiteral("ambiguous"), {},
                                               {misread, test::mrzLines(test::kSpecimenMrz)});
        COMPARE_OUTCOME(report, "verified");
        QCOMPARE(report.openedBy, 1);
        QCOMPARE(report.mrz, test::mrzLines(test::kSpecimenMrz));
    }

    void chipRemovedMidReadIsAReaderError() {
        QString error;
        QVERIFY2(stack->makePassport(QStringLiteral("lifted"), test::kSpecimenMrz, {}, &error),
                 qPrintable(error));
        QVERIFY2(
            stack->insert(stack->passportDir(QStringLiteral("lifted")) + QStringLiteral("/chip"),
                          &error),
            qPrintable(error));
        CscaStore cscas;
        std::string why;
        QVERIFY(cscas.load(
            (stack->passportDir(QStringLiteral("lifted")) + QStringLiteral("/csca")).toStdString(),
            &why));
        PcscChannel pcsc;
        QVERIFY(pcsc.open(&why) && pcsc.connect({}, 5000, &why));
        // Command 10 is inside DG2's reads (select, challenge, authenticate, then EF.COM and DG1).
        InterruptingChannel channel(pcsc, [this](int command) {
            if (command == 10)
                stack->remove();
        });
        const ChipReport report = readAndCheckChip(channel, {test::mrzLines(test::kSpecimenMrz)},
                                                   cscas, QDateTime::currentSecsSinceEpoch());
        COMPARE_OUTCOME(report, "reader_error");
        QVERIFY(channel.count() >= 10);
    }

    void aChipThatForgetsItsSessionIsOpenedAgainOnce_data() {
        QTest::addColumn<int>("forgets");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("once: read again, verified") << 1 << QStringLiteral("verified");
        QTest::newRow("always: a reader error, no loop") << 1000 << QStringLiteral("reader_error");
    }

    void aChipThatForgetsItsSessionIsOpenedAgainOnce() {
        QFETCH(int, forgets);
        QFETCH(QString, outcome);
        QString error;
        QVERIFY2(stack->makePassport(QStringLiteral("forgetful"), test::kSpecimenMrz, {}, &error),
                 qPrintable(error));
        QVERIFY2(
            stack->insert(stack->passportDir(QStringLiteral("forgetful")) + QStringLiteral("/chip"),
                          &error),
            qPrintable(error));
        CscaStore cscas;
        std::string why;
        QVERIFY(
            cscas.load((stack->passportDir(QStringLiteral("forgetful")) + QStringLiteral("/csca"))
                           .toStdString(),
                       &why));
        PcscChannel pcsc;
        QVERIFY(pcsc.open(&why) && pcsc.connect({}, 5000, &why));
        ForgettingChannel channel(pcsc, forgets);
        const ChipReport report = readAndCheckChip(channel, {test::mrzLines(test::kSpecimenMrz)},
                                                   cscas, QDateTime::currentSecsSinceEpoch());
        QCOMPARE(QString::fromLatin1(outcomeName(report.outcome)), outcome);
        QCOMPARE(report.sessionRestarts, 1);
        QCOMPARE(channel.forgotten(), std::min(forgets, 2)); // one per attempt at most
    }

    void malformedFilesAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        // DG2 announcing 16 MiB - 1: refused before anything is read past its header.
        QTest::newRow("oversized dg2")
            << QStringLiteral("dg2") << QByteArray::fromHex("75 83 ff ff ff 00 00 00");
        // EF.COM with a tag list that is cut short.
        QTest::newRow("truncated com")
            << QStringLiteral("com")
            << QByteArray::fromHex("60 10 5f 01 04 30 31 30 37 5c 05 61 75");
        // DG2 whose biometric template runs past its end.
        QTest::newRow("dg2 inner length")
            << QStringLiteral("dg2") << QByteArray::fromHex("75 08 7f 61 05 02 01 01 7f 60 40");
        // An indefinite length in EF.COM.
        QTest::newRow("indefinite com")
            << QStringLiteral("com") << QByteArray::fromHex("60 80 5c 02 61 75 00 00");
    }

    void malformedFilesAreRefused() {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        const QString name =
            QStringLiteral("malformed-") + QString::fromLatin1(QTest::currentDataTag())
                                               .replace(QLatin1Char(' '), QLatin1Char('-'));
        QString error;
        QVERIFY2(stack->makePassport(name, test::kSpecimenMrz, {}, &error), qPrintable(error));
        QFile target(stack->passportDir(name) + QStringLiteral("/chip/") + file);
        QVERIFY(target.open(QIODevice::WriteOnly | QIODevice::Truncate));
        target.write(bytes);
        target.close();
        QVERIFY2(stack->insert(stack->passportDir(name) + QStringLiteral("/chip"), &error),
                 qPrintable(error));
        CscaStore cscas;
        std::string why;
        QVERIFY(
            cscas.load((stack->passportDir(name) + QStringLiteral("/csca")).toStdString(), &why));
        PcscChannel channel;
        QVERIFY(channel.open(&why) && channel.connect({}, 5000, &why));
        const ChipReport report = readAndCheckChip(channel, {test::mrzLines(test::kSpecimenMrz)},
                                                   cscas, QDateTime::currentSecsSinceEpoch());
        COMPARE_OUTCOME(report, "malformed");
    }
};

QTEST_GUILESS_MAIN(TestEmrtdChip)
#include "tst_emrtdchip.moc"
