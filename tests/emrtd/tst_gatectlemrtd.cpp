// `gatectl emrtd read` (spec/gatectl.md) against pcscd + vsmartcard: the JSON
// object, the exit codes, and the face written only when --dg2-out asks.
#include "chipspecimen.h"
#include "chipstack.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QJsonObject json;
};

} // namespace

class TestGatectlEmrtd : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ChipStack> stack;

    QString gatectl() const {
        return qEnvironmentVariable("GATE_BIN_DIR") + QStringLiteral("/gatectl");
    }

    QString writeMrz(const QString &name, const QString &text) {
        const QString path = stack->workDir() + QLatin1Char('/') + name;
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text.toUtf8());
        return path;
    }

    Run gatectlRead(const QStringList &args) { return gatectlEmrtd(QStringLiteral("read"), args); }

    Run gatectlEmrtd(const QString &verb, const QStringList &args) {
        QProcess process;
        process.setProcessEnvironment(stack->environment());
        process.start(gatectl(), QStringList{QStringLiteral("emrtd"), verb} + args);
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitCode();
        run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        return run;
    }

private slots:
    void initTestCase() {
        REQUIRE_PEER(test::ChipStack::missingPeer());
        if (!QFileInfo::exists(gatectl()))
            QFAIL("gatectl is not built");
        stack = std::make_unique<test::ChipStack>();
        QString error;
        QVERIFY2(stack->start(&error), qPrintable(error));
        QVERIFY2(stack->makePassport(QStringLiteral("p"), test::kSpecimenMrz,
                                     {QStringLiteral("--masterlist")}, &error),
                 qPrintable(error));
    }

    void noChipOnTheReader() {
        const QString csca = stack->passportDir(QStringLiteral("p")) + QStringLiteral("/csca");
        const Run run = gatectlRead(
            {QStringLiteral("--mrz-file"),
             writeMrz(QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n'))),
             QStringLiteral("--csca"), csca});
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("no_chip"));
        QCOMPARE(run.exitCode, 1);
    }

    void verifiedChipPrintsTheSpecObject() {
        QString error;
        QVERIFY2(stack->insert(stack->passportDir(QStringLiteral("p")) + QStringLiteral("/chip"),
                               &error),
                 qPrintable(error));
        const QString face = stack->workDir() + QStringLiteral("/face-out.jpg");
        const QString csca = stack->passportDir(QStringLiteral("p")) + QStringLiteral("/csca");
        const QString mrz = writeMrz(
            QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n')) + QLatin1Char('\n'));

        Run run = gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"), csca});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject &json = run.json;
        QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("verified"));
        QCOMPARE(json.value(QStringLiteral("access")).toString(), QStringLiteral("BAC"));
        QCOMPARE(json.value(QStringLiteral("mrz")).toArray().size(), 2);
        QCOMPARE(json.value(QStringLiteral("mrz")).toArray().at(1).toString(),
                 test::kSpecimenMrz[1]);
        QVERIFY(json.value(QStringLiteral("dg1_matches_mrz")).toBool());
        const QJsonObject sod = json.value(QStringLiteral("sod")).toObject();
        QCOMPARE(sod.value(QStringLiteral("signature")).toString(), QStringLiteral("ok"));
        QCOMPARE(sod.value(QStringLiteral("hashes")).toString(), QStringLiteral("ok"));
        QVERIFY(sod.value(QStringLiteral("dsc")).toString().startsWith(QStringLiteral("CN=")));
        QVERIFY(sod.value(QStringLiteral("csca")).toString().startsWith(QStringLiteral("CN=")));
        QCOMPARE(json.value(QStringLiteral("chip_auth")).toString(), QStringLiteral("none"));
        QCOMPARE(
            json.value(QStringLiteral("dg2")).toObject().value(QStringLiteral("format")).toString(),
            QStringLiteral("jpeg"));
        QVERIFY(json.value(QStringLiteral("ms")).toDouble() > 0);
        QVERIFY2(!QFileInfo::exists(face), "the face is written only when asked");

        run = gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"), csca,
                           QStringLiteral("--dg2-out"), face});
        QCOMPARE(run.exitCode, 0);
        QFile written(face);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.read(3) == QByteArray::fromHex("ffd8ff")); // a JPEG, as DG2 holds it
    }

    void chipAuthenticationInTheSpecObject_data() {
        QTest::addColumn<QStringList>("makeOptions");
        QTest::addColumn<QString>("keyOption"); // chip_with_aa.py's option for another key
        QTest::addColumn<QString>("chipAuth");
        QTest::addColumn<QString>("why");
        QTest::addColumn<QString>("access");
        QTest::newRow("active authentication")
            << QStringList{QStringLiteral("--aa"), QStringLiteral("rsa")} << QStringLiteral("aa")
            << QStringLiteral("active_authentication") << QStringLiteral("Active Authentication")
            << QStringLiteral("BAC");
        QTest::newRow("chip authentication")
            << QStringList{QStringLiteral("--ca"), QStringLiteral("ecdh")} << QStringLiteral("ca")
            << QStringLiteral("chip_authentication") << QStringLiteral("chip authentication failed")
            << QStringLiteral("BAC");
        QTest::newRow("PACE, chip authentication with AES")
            << QStringList{QStringLiteral("--pace"), QStringLiteral("ecdh-gm-aes128"),
                           QStringLiteral("--ca"), QStringLiteral("ecdh-aes128")}
            << QStringLiteral("ca") << QStringLiteral("chip_authentication")
            << QStringLiteral("chip authentication failed") << QStringLiteral("PACE");
    }

    // The spec's chip_auth: active_authentication for a chip that signed the
    // challenge, chip_authentication for one that answered under the agreed
    // keys; a cloned chip (the same files, another key) forged, exit 1. The
    // spec's access: PACE where the chip offers it.
    void chipAuthenticationInTheSpecObject() {
        QFETCH(QStringList, makeOptions);
        QFETCH(QString, keyOption);
        QFETCH(QString, chipAuth);
        QFETCH(QString, why);
        QFETCH(QString, access);
        QString error;
        const QString name = keyOption + access;
        const QString other = name + QStringLiteral("-other");
        for (const QString &passport : {name, other})
            QVERIFY2(stack->makePassport(passport, test::kSpecimenMrz, makeOptions, &error),
                     qPrintable(error));
        const QString chip = stack->passportDir(name) + QStringLiteral("/chip");
        const QStringList args{
            QStringLiteral("--mrz-file"),
            writeMrz(QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n'))),
            QStringLiteral("--csca"), stack->passportDir(name) + QStringLiteral("/csca")};

        QVERIFY2(stack->insert(chip, &error, {.ownProtocols = true}), qPrintable(error));
        Run run = gatectlRead(args);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("verified"));
        QCOMPARE(run.json.value(QStringLiteral("chip_auth")).toString(), chipAuth);
        QCOMPARE(run.json.value(QStringLiteral("access")).toString(), access);
        QCOMPARE(run.exitCode, 0);

        const QString otherKey = stack->passportDir(other) + QStringLiteral("/chip/") + keyOption +
                                 QStringLiteral("-key.pem");
        QVERIFY2(
            stack->insert(
                chip, &error,
                {.ownProtocols = true,
                 .options = {QStringLiteral("--") + keyOption + QStringLiteral("-key"), otherKey}}),
            qPrintable(error));
        run = gatectlRead(args);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("forged"));
        QCOMPARE(run.json.value(QStringLiteral("chip_auth")).toString(), QStringLiteral("failed"));
        QVERIFY(run.json.value(QStringLiteral("error")).toString().contains(why));
        QCOMPARE(run.exitCode, 1);
        // The passport the other cases read goes back on the reader.
        QVERIFY2(stack->insert(stack->passportDir(QStringLiteral("p")) + QStringLiteral("/chip"),
                               &error),
                 qPrintable(error));
    }

    void unverifiedExitsZeroAndRefusalsExitOne() {
        const QString mrz =
            writeMrz(QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n')));
        Run run =
            gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"),
                         stack->passportDir(QStringLiteral("p")) + QStringLiteral("/other-csca")});
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("unverified"));
        QCOMPARE(run.exitCode, 0);

        QStringList wrong = test::kSpecimenMrz;
        wrong[1] = QStringLiteral("L898902C<7UTO7408122F1204159ZE184226B<<<<<16");
        run = gatectlRead({QStringLiteral("--mrz-file"),
                           writeMrz(QStringLiteral("wrong"), wrong.join(QLatin1Char('\n'))),
                           QStringLiteral("--csca"),
                           stack->passportDir(QStringLiteral("p")) + QStringLiteral("/csca")});
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("access_denied"));
        QCOMPARE(run.exitCode, 1);
    }

    void ambiguousCandidatesInTheMrzFile() {
        QStringList misread = test::kSpecimenMrz;
        misread[1].replace(4, 1, QLatin1Char('O'));
        const QString mrz = writeMrz(QStringLiteral("candidates"),
                                     misread.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                                         test::kSpecimenMrz.join(QLatin1Char('\n')));
        const Run run =
            gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"),
                         stack->passportDir(QStringLiteral("p")) + QStringLiteral("/csca")});
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("verified"));
        QCOMPARE(run.json.value(QStringLiteral("mrz_candidate")).toInt(), 1);
    }

    void masterListImportedOrReadDirectly() {
        const QString passport = stack->passportDir(QStringLiteral("p"));
        const QString installed = stack->workDir() + QStringLiteral("/imported");
        Run run = gatectlEmrtd(
            QStringLiteral("import-masterlist"),
            {passport + QStringLiteral("/masterlist.der"), QStringLiteral("--out"), installed});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("imported"));
        QCOMPARE(run.json.value(QStringLiteral("certificates")).toInt(), 2);
        QCOMPARE(QDir(installed).entryList(QDir::Files).size(), 2);

        const QString mrz =
            writeMrz(QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n')));
        for (const QString &csca : {installed, passport + QStringLiteral("/masterlist.der")}) {
            run = gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"), csca});
            QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("verified"));
        }

        // A list whose signer no CSCA in it issued installs nothing.
        const QString refusedOut = stack->workDir() + QStringLiteral("/refused");
        run = gatectlEmrtd(QStringLiteral("import-masterlist"),
                           {passport + QStringLiteral("/masterlist-rogue.der"),
                            QStringLiteral("--out"), refusedOut});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
        QVERIFY(QDir(refusedOut).entryList(QDir::Files).isEmpty());
    }

    void badUsageExitsTwo() {
        QCOMPARE(gatectlRead({QStringLiteral("--csca"), stack->workDir()}).exitCode, 2);
        QCOMPARE(gatectlRead({QStringLiteral("--mrz-file"), QStringLiteral("/nonexistent"),
                              QStringLiteral("--csca"), stack->workDir()})
                     .exitCode,
                 2);
        const QString mrz =
            writeMrz(QStringLiteral("mrz"), test::kSpecimenMrz.join(QLatin1Char('\n')));
        const QString empty = stack->workDir() + QStringLiteral("/empty-csca");
        QDir().mkpath(empty);
        QCOMPARE(gatectlRead({QStringLiteral("--mrz-file"), mrz, QStringLiteral("--csca"), empty})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestGatectlEmrtd)
#include "tst_gatectlemrtd.moc"
