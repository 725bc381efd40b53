// `gatectl idcard parse FILE` as spec/gatectl.md describes it: one JSON object
// per file on stdout, exit 0 whatever the verdict, 2 on bad usage or an
// unreadable file.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class GatectlIdCardTest : public QObject {
    Q_OBJECT
private slots:
    void parsesSample_data();
    void parsesSample();
    void badUsage_data();
    void badUsage();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
    };
    Run gatectl(const QStringList &args);
};

GatectlIdCardTest::Run GatectlIdCardTest::gatectl(const QStringList &args) {
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/gatectl"),
                  QStringList{QStringLiteral("idcard"), QStringLiteral("parse")} + args);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput()};
}

void GatectlIdCardTest::parsesSample_data() {
    QTest::addColumn<QString>("frame");
    const QDir samples(QStringLiteral(GATE_SOURCE_DIR "/tests/idcard/samples"));
    for (const char *sample :
         {"valid/fpr2023-renewed", "valid/resident-long-term", "valid/fpr2017", "valid/hmt-expired",
          "valid/resident-bad-check-digit", "invalid/bad-checksum", "invalid/status-41-read-failed",
          "invalid/truncated-text", "invalid/bad-text-birth-date", "invalid/empty"})
        QTest::newRow(sample) << samples.filePath(QLatin1String(sample));
}

void GatectlIdCardTest::parsesSample() {
    QFETCH(QString, frame);
    QFile goldenFile(frame + QStringLiteral(".json"));
    QVERIFY(goldenFile.open(QIODevice::ReadOnly));
    QJsonObject expected = QJsonDocument::fromJson(goldenFile.readAll()).object();
    expected.insert(QStringLiteral("file"), frame + QStringLiteral(".bin"));

    const Run run = gatectl({frame + QStringLiteral(".bin")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.endsWith('\n'));
    QCOMPARE(run.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonObject actual = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(actual, expected);
}

void GatectlIdCardTest::badUsage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no file") << QStringList{};
    QTest::newRow("two files") << QStringList{QStringLiteral("a.bin"), QStringLiteral("b.bin")};
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/answer.bin")};
    QTest::newRow("a folder") << QStringList{QStringLiteral(GATE_SOURCE_DIR "/tests/idcard")};
}

void GatectlIdCardTest::badUsage() {
    QFETCH(QStringList, args);
    const Run run = gatectl(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(GatectlIdCardTest)
#include "tst_gatectlidcard.moc"
