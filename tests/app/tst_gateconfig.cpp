// Configuration validation, data-driven over tests/app/config-samples:
// valid/*.json must load; invalid/NAME.json must fail with a message that
// contains the line of invalid/NAME.expected and names the file.
#include "core/config/commissioning.h"
#include "core/config/gateconfig.h"
#include "hal/configfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using gate::GateConfig;

namespace {

const QString samples = QStringLiteral(GATE_SOURCE_DIR "/tests/app/config-samples");

const QString shippedConfig = QStringLiteral(GATE_BINARY_DIR "/share/station-gate/config");
// RFC 8032, test 1: a valid Ed25519 public key.
const QString aRootKey = QStringLiteral("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList gapItems(const QList<gate::CommissioningGap> &gaps) {
    QStringList items;
    for (const auto &gap : gaps)
        items.append(gap.item + u'=' + gap.key);
    return items;
}

// The codes of languages, as the configuration writes them: QCOMPARE prints these.
QStringList codes(const QList<gate::Language> &languages) {
    QStringList out;
    for (const gate::Language language : languages)
        out << gate::toString(language);
    return out;
}

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
        QVERIFY(config->direction == gate::LaneContext::Direction::Entry);
        QCOMPARE(config->devices.size(), 1);
        QCOMPARE(config->devices.first().settings.value(gate::hal::kConfigDirsSetting).toArray(),
                 QJsonArray({samples + "/valid", shippedConfig}));
        QCOMPARE(config->tickets.database, QStringLiteral("/var/lib/station-gate/tickets.db"));
        QCOMPARE(config->audit.database, QStringLiteral("/var/lib/station-gate/audit.db"));
        QCOMPARE(config->tickets.staleGraceSecs, 1800);
        QCOMPARE(config->tickets.intervalSecs, 5);
        QCOMPARE(config->tickets.staffKinds, QStringList{QStringLiteral("disabled_military")});
        QVERIFY(config->tickets.partyPassage == gate::PartyPassage::Gate);
        QCOMPARE(gate::toString(config->ui.language), QStringLiteral("zh"));
        QCOMPARE(codes(config->ui.languages), (QStringList{"zh", "en"}));
    }

    void readsTheLanguagesTheButtonCyclesThrough() {
        QStringList errors;
        const auto config = GateConfig::load(samples + "/valid/languages.json", &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QCOMPARE(gate::toString(config->ui.language), QStringLiteral("en"));
        QCOMPARE(codes(config->ui.languages), (QStringList{"en", "zh", "ko", "ja", "ru"}));
    }

    void readsTheStationsRailwayRules() {
        QStringList errors;
        const auto config = GateConfig::load(samples + "/valid/railway-rules.json", &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QCOMPARE(config->tickets.staffKinds,
                 (QStringList{QStringLiteral("disabled_military"), QStringLiteral("student")}));
        QVERIFY(config->tickets.partyPassage == gate::PartyPassage::Staff);
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

    // The package installs gate.json to /etc/station-gate and the profiles
    // under /usr/share: a relative profile is looked for in both, the
    // configuration's own folder first.
    void findsAFileNextToTheConfigurationFirstThenTheShippedOne() {
        QTemporaryDir etc;
        QVERIFY(QDir(etc.path()).mkdir(QStringLiteral("lanes")));
        QVERIFY(writeFile(etc.filePath(QStringLiteral("lanes/coil-relay.json")), "{}"));
        const QJsonObject settings{
            {gate::hal::kConfigDirsSetting, gate::hal::configSearchPath(etc.path())}};
        QString error;
        QCOMPARE(
            gate::hal::findConfigFile(settings, QStringLiteral("lanes/coil-relay.json"), &error),
            etc.filePath(QStringLiteral("lanes/coil-relay.json")));
        QCOMPARE(gate::hal::findConfigFile(settings, QStringLiteral("lanes/default.json"), &error),
                 shippedConfig + QStringLiteral("/lanes/default.json"));
        QVERIFY(error.isEmpty());
    }

    void aFileFoundNowhereNamesEveryPlaceLooked() {
        QTemporaryDir etc;
        const QJsonObject settings{
            {gate::hal::kConfigDirsSetting, gate::hal::configSearchPath(etc.path())}};
        QString error;
        QVERIFY(gate::hal::findConfigFile(settings, QStringLiteral("lanes/nowhere.json"), &error)
                    .isEmpty());
        QVERIFY2(error.contains(etc.filePath(QStringLiteral("lanes/nowhere.json"))),
                 qPrintable(error));
        QVERIFY2(error.contains(shippedConfig + QStringLiteral("/lanes/nowhere.json")),
                 qPrintable(error));
        error.clear();
        QVERIFY(gate::hal::findConfigFile(settings, QStringLiteral("/nonexistent/p.json"), &error)
                    .isEmpty());
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/p.json does not exist")),
                 qPrintable(error));
    }

    void theShippedConfigurationIsNotCommissioned() {
        QStringList errors;
        const auto config =
            GateConfig::load(QStringLiteral(GATE_SOURCE_DIR "/config/gate.json"), &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        // Its device key would be /var/lib/station-gate/device.key: moved to a
        // folder where it surely does not exist yet.
        QTemporaryDir state;
        auto shipped = *config;
        shipped.tickets.deviceKey = state.filePath(QStringLiteral("device.key"));
        QCOMPARE(gapItems(gate::commissioningGaps(shipped)),
                 QStringList({QStringLiteral("root_key=tickets.root_key"),
                              QStringLiteral("device_key=tickets.device_key"),
                              QStringLiteral("lane_address=devices[2].settings.url")}));
        QCOMPARE(gate::describeGaps(gate::commissioningGaps(shipped)),
                 QStringLiteral("root key (tickets.root_key), device key (tickets.device_key), "
                                "lane address (devices[2].settings.url)"));
    }

    void aCommissionedConfigurationHasNoGaps() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("device.key")), "key"));
        const QJsonObject json{
            {"gate", QJsonObject{{"id", "X"}, {"station", "VNP"}, {"gate_group", "A2"}}},
            {"devices", QJsonArray{QJsonObject{{"name", "lane"},
                                               {"plugin", "modbus-lane"},
                                               {"role", "lane"},
                                               {"settings", QJsonObject{{"url", "tcp://h:502"}}}}}},
            {"tickets", QJsonObject{{"root_key", aRootKey}, {"device_key", "device.key"}}}};
        QStringList errors;
        const auto config =
            GateConfig::parse(QJsonDocument(json).toJson(),
                              dir.filePath(QStringLiteral("gate.json")), dir.path(), &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QVERIFY(gate::commissioningGaps(*config).isEmpty());
        // Each item is its own gap.
        auto withoutKeyFile = *config;
        withoutKeyFile.tickets.deviceKey = dir.filePath(QStringLiteral("other.key"));
        QCOMPARE(gapItems(gate::commissioningGaps(withoutKeyFile)),
                 QStringList{QStringLiteral("device_key=tickets.device_key")});
        auto withoutRootKey = *config;
        withoutRootKey.tickets.rootKey.clear();
        QCOMPARE(gapItems(gate::commissioningGaps(withoutRootKey)),
                 QStringList{QStringLiteral("root_key=tickets.root_key")});
    }
};

QTEST_GUILESS_MAIN(GateConfigTest)
#include "tst_gateconfig.moc"
