// `gatectl mrz parse` and `gatectl mrz read` as spec/gatectl.md describes them.
#include "specimenpage.h"
#include "specimens.h"
#include "support/testpeer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

namespace {

struct Run {
    int exitCode = -1;
    QList<QJsonObject> objects;
};

Run gatectl(const QStringList &args) {
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/gatectl"), args);
    if (!process.waitForFinished(60000))
        return {};
    Run run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, {}};
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            run.objects << QJsonDocument::fromJson(line).object();
    }
    return run;
}

QStringList qLines(const std::vector<std::string> &lines) {
    QStringList list;
    for (const auto &line : lines)
        list << QString::fromStdString(line);
    return list;
}

} // namespace

class TestGatectlMrz : public QObject {
    Q_OBJECT

private slots:
    void parseSpecimen() {
        const Run run = gatectl(QStringList{"mrz", "parse"} +
                                qLines(gate::mrztest::icaoSpecimens().front().lines));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.objects.size(), 1);
        const QJsonObject object = run.objects.front();
        QCOMPARE(object.value("format").toString(), QStringLiteral("TD3"));
        QVERIFY(object.value("valid").toBool());
        QVERIFY(!object.contains("file"));
        QVERIFY(!object.contains("ms"));
        const QJsonObject document = object.value("document").toObject();
        QCOMPARE(document.value("type").toString(), QStringLiteral("P"));
        QCOMPARE(document.value("issuer").toString(), QStringLiteral("UTO"));
        QCOMPARE(document.value("number").toString(), QStringLiteral("L898902C3"));
        QCOMPARE(document.value("surname").toString(), QStringLiteral("ERIKSSON"));
        QCOMPARE(document.value("given_names").toString(), QStringLiteral("ANNA MARIA"));
        QCOMPARE(document.value("nationality").toString(), QStringLiteral("UTO"));
        QCOMPARE(document.value("birth").toString(), QStringLiteral("1974-08-12"));
        QCOMPARE(document.value("sex").toString(), QStringLiteral("F"));
        QCOMPARE(document.value("expiry").toString(), QStringLiteral("2012-04-15"));
        QCOMPARE(document.value("optional").toString(), QStringLiteral("ZE184226B"));
    }

    void parseInvalidStillRuns() {
        QStringList lines = qLines(gate::mrztest::icaoSpecimens().front().lines);
        lines[1][0] = QLatin1Char('M');
        const Run run = gatectl(QStringList{"mrz", "parse"} + lines);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.objects.front().value("valid").toBool());
        QVERIFY(run.objects.front().value("failed_checks").toArray().contains("number_check"));
    }

    void parseBadUsage() {
        QCOMPARE(gatectl({"mrz", "parse", "ONLYONE"}).exitCode, 2);
        QCOMPARE(gatectl({"mrz", "parse", "A", "B", "C", "D"}).exitCode, 2);
    }

    void readImages() {
        const auto &lines = gate::mrztest::icaoSpecimens().front().lines;
        const cv::Mat page = gate::mrztest::specimenPage(lines);
        GATE_REQUIRE_PEER("ocr-b-font");
        QVERIFY(!page.empty());
        QTemporaryDir dir;
        const QString passport = dir.filePath("passport.png");
        const QString blank = dir.filePath("blank.png");
        const QString garbage = dir.filePath("garbage.jpg");
        QVERIFY(cv::imwrite(passport.toStdString(), page));
        QVERIFY(cv::imwrite(blank.toStdString(), cv::Mat(300, 400, CV_8UC1, cv::Scalar(255))));
        QFile bytes(garbage);
        QVERIFY(bytes.open(QIODevice::WriteOnly));
        bytes.write("\xff\xd8\xff not really a JPEG");
        bytes.close();

        const Run run = gatectl({"mrz", "read", passport, garbage, blank});
        QCOMPARE(run.exitCode, 2); // one input was unreadable
        QCOMPARE(run.objects.size(), 3);
        const QJsonObject read = run.objects[0];
        QCOMPARE(read.value("file").toString(), passport);
        QVERIFY(read.value("found").toBool());
        QVERIFY(read.value("valid").toBool());
        QCOMPARE(read.value("lines").toArray().toVariantList(), QVariant(qLines(lines)).toList());
        QCOMPARE(read.value("document").toObject().value("number").toString(),
                 QStringLiteral("L898902C3"));
        QVERIFY(read.value("ms").toDouble() > 0);
        QCOMPARE(run.objects[1].value("error").toString(), QStringLiteral("unreadable"));
        QVERIFY(!run.objects[2].value("found").toBool());
        QVERIFY(run.objects[2].contains("ms"));
    }

    void readNeedsAnImage() { QCOMPARE(gatectl({"mrz", "read"}).exitCode, 2); }
};

QTEST_GUILESS_MAIN(TestGatectlMrz)
#include "tst_gatectlmrz.moc"
