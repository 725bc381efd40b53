// Data-driven: every samples/valid/*.bin and samples/invalid/*.bin answer frame
// against its golden .json (the object of `gatectl idcard parse` without
// "file"). On a mismatch the actual object is written to <build>/idcard-samples/
// NAME.json.fail and both are printed.
#include "core/credentials/idcard/idcardreading.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace gate::idcard;

class IdCardSamplesTest : public QObject {
    Q_OBJECT
private slots:
    void sample_data();
    void sample();
    void everyGoldenHasItsFrame();
};

namespace {

QDir samplesDir() {
    return QDir(QStringLiteral(GATE_SOURCE_DIR "/tests/idcard/samples"));
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

void IdCardSamplesTest::sample_data() {
    QTest::addColumn<QString>("framePath");
    QTest::addColumn<QString>("goldenPath");
    for (const QString &folder : {QStringLiteral("valid"), QStringLiteral("invalid")}) {
        const QDir dir(samplesDir().filePath(folder));
        const QStringList frames = dir.entryList({QStringLiteral("*.bin")}, QDir::Files);
        QVERIFY2(!frames.isEmpty(), qPrintable(dir.path()));
        for (const QString &frame : frames) {
            const QString base = frame.chopped(4);
            QTest::newRow(qPrintable(folder + QLatin1Char('/') + base))
                << dir.filePath(frame) << dir.filePath(base + QStringLiteral(".json"));
        }
    }
}

void IdCardSamplesTest::sample() {
    QFETCH(QString, framePath);
    QFETCH(QString, goldenPath);
    QVERIFY2(QFile::exists(goldenPath), qPrintable(goldenPath + QStringLiteral(" is missing")));
    QJsonParseError parseError;
    const QJsonObject expected = QJsonDocument::fromJson(readAll(goldenPath), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    const QJsonObject actual = toJson(readIdCardAnswer(readAll(framePath)));
    if (actual != expected) {
        const QDir failDir(QStringLiteral(GATE_BINARY_DIR "/idcard-samples"));
        failDir.mkpath(QStringLiteral("."));
        QFile fail(failDir.filePath(QFileInfo(goldenPath).fileName() + QStringLiteral(".fail")));
        const QByteArray actualText = QJsonDocument(actual).toJson();
        if (fail.open(QIODevice::WriteOnly))
            fail.write(actualText);
        qWarning().noquote() << "expected:" << QJsonDocument(expected).toJson()
                             << "actual:" << actualText << "written to" << fail.fileName();
    }
    QCOMPARE(actual, expected);
}

void IdCardSamplesTest::everyGoldenHasItsFrame() {
    for (const QString &folder : {QStringLiteral("valid"), QStringLiteral("invalid")}) {
        const QDir dir(samplesDir().filePath(folder));
        for (const QString &golden : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const QString frame = dir.filePath(golden.chopped(5) + QStringLiteral(".bin"));
            QVERIFY2(QFile::exists(frame), qPrintable(frame + QStringLiteral(" is missing")));
        }
    }
}

QTEST_GUILESS_MAIN(IdCardSamplesTest)
#include "tst_idcardsamples.moc"
