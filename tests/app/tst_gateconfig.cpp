#include "core/config/gateconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gate::GateConfig;

class GateConfigTest : public QObject {
    Q_OBJECT

private:
    static QByteArray minimal() {
        return R"({
            "gate": {"id": "VNP-A2-01", "station": "VNP", "gate_group": "A2", "direction": "entry"},
            "state_dir": "/var/lib/station-gate",
            "devices": [
                {"name": "lane", "plugin": "modbus-lane", "role": "lane",
                 "settings": {"url": "tcp://127.0.0.1:1502"}}
            ]
        })";
    }

private slots:
    void readsAMinimalConfigurationWithDefaults() {
        QStringList errors;
        const auto config = GateConfig::parse(minimal(), QStringLiteral("gate.json"),
                                              QStringLiteral("/etc/station-gate"), &errors);
        QVERIFY2(config, qPrintable(errors.join(u'\n')));
        QCOMPARE(config->gateId, QStringLiteral("VNP-A2-01"));
        QCOMPARE(config->direction, QStringLiteral("entry"));
        QCOMPARE(config->devices.size(), 1);
        QCOMPARE(config->devices.first().settings.value(QStringLiteral("config_dir")).toString(),
                 QStringLiteral("/etc/station-gate"));
        QCOMPARE(config->tickets.database, QStringLiteral("/var/lib/station-gate/tickets.db"));
        QCOMPARE(config->audit.database, QStringLiteral("/var/lib/station-gate/audit.db"));
        QCOMPARE(config->tickets.staleGraceSecs, 1800);
        QCOMPARE(config->ui.language, QStringLiteral("zh_CN"));
    }

    void namesTheKeyOfEveryProblem_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("station")
            << QByteArray(R"({"gate": {"id": "X", "station": "vn", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}]})")
            << QStringLiteral("gate.station: must be a 3-letter station telecode (got \"vn\")");
        QTest::newRow("unknown key")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}], "tickts": {}})")
            << QStringLiteral("tickts: unknown key");
        QTest::newRow("no lane")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"}})")
            << QStringLiteral("devices: one device with \"role\": \"lane\" is required");
        QTest::newRow("range")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}], "tickets": {"interval_s": 1}})")
            << QStringLiteral("tickets.interval_s: must be between 5 and 86400 (got 1)");
        QTest::newRow("type")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}], "ui": {"result_s": "4"}})")
            << QStringLiteral("ui.result_s: must be a whole number, not a string");
        QTest::newRow("root key")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}], "tickets": {"source": "http://x/VNP", "root_key": "AAAA"}})")
            << QStringLiteral("tickets.root_key: must be the base64 of the 32-byte");
        QTest::newRow("duplicate device")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}, {"name": "lane", "plugin": "q"}]})")
            << QStringLiteral("devices[1].name: \"lane\" is used by another device");
        QTest::newRow("pin hash")
            << QByteArray(R"({"gate": {"id": "X", "station": "VNP", "gate_group": "A2"},
            "devices": [{"name": "lane", "plugin": "p", "role": "lane"}], "service": {"staff": [{"id": "M1", "pin_hash": "1234"}]}})")
            << QStringLiteral("service.staff[0].pin_hash: must be a PIN hash");
        QTest::newRow("syntax") << QByteArray("{\n  \"gate\": {,\n}")
                                << QStringLiteral("gate.json:2:");
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("the configuration must be a JSON object");
    }

    void namesTheKeyOfEveryProblem() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QStringList errors;
        const auto config =
            GateConfig::parse(json, QStringLiteral("gate.json"), QStringLiteral("/etc"), &errors);
        QVERIFY(!config);
        const QString all = errors.join(u'\n');
        QVERIFY2(all.contains(expected), qPrintable(all));
        for (const QString &error : std::as_const(errors))
            QVERIFY2(error.startsWith(QStringLiteral("gate.json")), qPrintable(error));
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
