// Configuration validation, data-driven over tests/app/config-samples:
// valid/*.json must load; invalid/NAME.json must fail with a message that
// contains the line of invalid/NAME.expected and names the file.
#include "core/config/gateconfig.h"

#include <QDir>
#include <QFile>
#include <QTest>

using gate::GateConfig;

namespace {

const QString samples = QStringLiteral(GATE_SOURCE_DIR "/tests/app/config-samples");

QString readLine(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

class GateConfigTest : public QObject {
    Q_OBJECT

private slots:
    void readsAMinimalConfigurationWithDefaults() {
        QStringList errors;
        const auto config = GateConfig::load(samples + "/valid/minimal.json", &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QCOMPARE(config->gateId, QStringLiteral("VNP-A2-01"));
        QCOMPARE(config->direction, QStringLiteral("entry"));
        QCOMPARE(config->devices.size(), 1);
        QCOMPARE(config->devices.first().settings.value(QStringLiteral("config_dir")).toString(),
                 samples + "/valid");
        QCOMPARE(config->tickets.database, QStringLiteral("/var/lib/station-gate/tickets.db"));
        QCOMPARE(config->audit.database, QStringLiteral("/var/lib/station-gate/audit.db"));
        QCOMPARE(config->tickets.staleGraceSecs, 1800);
        QCOMPARE(config->tickets.intervalSecs, 5);
        QCOMPARE(config->tickets.staffKinds, QStringList{QStringLiteral("disabled_military")});
        QCOMPARE(config->tickets.partyPassage, QStringLiteral("gate"));
        QCOMPARE(config->ui.language, QStringLiteral("zh_CN"));
    }

    void readsTheStationsRailwayRules() {
        QStringList errors;
        const auto config = GateConfig::load(samples + "/valid/railway-rules.json", &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QCOMPARE(config->tickets.staffKinds,
                 (QStringList{QStringLiteral("disabled_military"), QStringLiteral("student")}));
        QCOMPARE(config->tickets.partyPassage, QStringLiteral("staff"));
    }

    void namesTheKeyOfEveryProblem_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QDir dir(samples + "/invalid");
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            const QString path = dir.absoluteFilePath(file);
            QTest::newRow(qPrintable(file))
                << path << readLine(path.chopped(5) + QStringLiteral(".expected"));
        }
    }

    void namesTheKeyOfEveryProblem() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QVERIFY2(!expected.isEmpty(), "every invalid sample needs its .expected line");
        QStringList errors;
        QVERIFY(!GateConfig::load(path, &errors));
        const QString all = errors.join(u'\n');
        QVERIFY2(all.contains(expected), qPrintable(all));
        for (const QString &error : std::as_const(errors))
            QVERIFY2(error.startsWith(path), qPrintable(error));
    }

    void reportsAnUnreadableFile() {
        QStringList errors;
        QVERIFY(!GateConfig::load(QStringLiteral("/nonexistent/gate.json"), &errors));
        QVERIFY2(errors.join(u'\n').contains(QStringLiteral("/nonexistent/gate.json: cannot read")),
                 qPrintable(errors.join(u'\n')));
    }

    void shippedConfigurationsAreValid() {
        const QDir dir(QStringLiteral(GATE_SOURCE_DIR "/config"));
        const QStringList files = dir.entryList({QStringLiteral("gate*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            QStringList errors;
            QVERIFY2(GateConfig::load(dir.absoluteFilePath(file), &errors),
                     qPrintable(errors.join(u'\n')));
        }
    }
};

QTEST_GUILESS_MAIN(GateConfigTest)
#include "tst_gateconfig.moc"
