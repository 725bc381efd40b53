// Runs every RT1 vector of tests/eticket/vectors through the verifier. On a
// mismatch the actual result is written next to the build as <case>.fail.

#include "core/credentials/eticket/claimsjson.h"
#include "core/credentials/eticket/verifier.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gate::eticket;

class TestEticketVectors : public QObject {
    Q_OBJECT
private slots:
    void vectors_data();
    void vectors();
    void everyOutcomeCovered();
};

void TestEticketVectors::vectors_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(GATE_SOURCE_DIR "/tests/eticket/vectors"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, "the vector folder is missing or thin");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file.chopped(5))) << dir.filePath(file);
}

void TestEticketVectors::vectors() {
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject vector = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject context = vector.value(QStringLiteral("TESTCTX")).toObject();
    const QJsonObject expected = vector.value(QStringLiteral("EXPECTEDRESULTS")).toObject();
    QString error;
    const std::optional<TrustList> trust = TrustList::parse(
        QJsonDocument(context.value(QStringLiteral("KEYS")).toObject()).toJson(), &error);
    // A trust list with a small-order key is refused when it is loaded.
    if (expected.value(QStringLiteral("TRUSTLIST")).toString() == QLatin1String("refused")) {
        QVERIFY2(!trust, "a trust list with a small-order key was accepted");
        QVERIFY2(error.contains(QStringLiteral("\"pub\"")), qPrintable(error));
        return;
    }
    QVERIFY2(trust, qPrintable(error));

    const Verification result = verify(vector.value(QStringLiteral("PREFIX")).toString(), *trust,
                                       context.value(QStringLiteral("VALIDATIONCLOCK")).toInteger(),
                                       context.value(QStringLiteral("SKEW")).toInt());
    const QString expectedOutcome = expected.value(QStringLiteral("OUTCOME")).toString();
    const bool expectClaims = expected.value(QStringLiteral("EXPECTEDCLAIMS")).toBool();
    const QJsonObject actualClaims = result.claims ? toJson(*result.claims) : QJsonObject();
    const bool matches =
        toString(result.outcome) == expectedOutcome &&
        (!expectClaims || actualClaims == vector.value(QStringLiteral("JSON")).toObject());
    if (!matches) {
        QFile fail(QStringLiteral(GATE_BINARY_DIR "/tests/eticket/") +
                   QFileInfo(path).completeBaseName() + QStringLiteral(".fail"));
        if (fail.open(QIODevice::WriteOnly))
            fail.write(
                QJsonDocument(QJsonObject{{QStringLiteral("OUTCOME"), toString(result.outcome)},
                                          {QStringLiteral("DETAIL"), result.detail},
                                          {QStringLiteral("JSON"), actualClaims}})
                    .toJson());
    }
    QCOMPARE(toString(result.outcome), expectedOutcome);
    if (expectClaims)
        QCOMPARE(actualClaims, vector.value(QStringLiteral("JSON")).toObject());
}

// The vector set must exercise every row of the spec's outcome table.
void TestEticketVectors::everyOutcomeCovered() {
    const QDir dir(QStringLiteral(GATE_SOURCE_DIR "/tests/eticket/vectors"));
    QSet<QString> seen;
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        seen << QJsonDocument::fromJson(f.readAll())
                    .object()
                    .value(QStringLiteral("EXPECTEDRESULTS"))
                    .toObject()
                    .value(QStringLiteral("OUTCOME"))
                    .toString();
    }
    for (int i = int(Outcome::Malformed); i <= int(Outcome::Valid); ++i)
        QVERIFY2(seen.contains(toString(Outcome(i))), qPrintable(toString(Outcome(i))));
}

QTEST_GUILESS_MAIN(TestEticketVectors)
#include "tst_eticketvectors.moc"
