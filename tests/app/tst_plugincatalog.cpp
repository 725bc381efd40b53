#include "hal/configfiles.h"
#include "hal/plugincatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using gate::hal::PluginCatalog;

class PluginCatalogTest : public QObject {
    Q_OBJECT

private:
    static QString pluginDir() {
        return QStringLiteral(GATE_BINARY_DIR "/lib/station-gate/plugins");
    }

private slots:
    void findsPluginsByTheirMetadataName() {
        PluginCatalog catalog(pluginDir());
        QVERIFY2(catalog.names().contains(QStringLiteral("sim")),
                 qPrintable(catalog.names().join(u',')));
        QString error;
        auto *plugin = catalog.plugin(QStringLiteral("sim"), &error);
        QVERIFY2(plugin, qPrintable(error));
    }

    void aMissingPluginIsAClearError() {
        PluginCatalog catalog(pluginDir());
        QString error;
        QVERIFY(!catalog.plugin(QStringLiteral("no-such-reader"), &error));
        QVERIFY2(error.contains(QStringLiteral("no device plugin named \"no-such-reader\"")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("sim")), qPrintable(error)); // lists what exists
    }

    void pluginsOutsideTheDirectoryAreNeverLoaded() {
        QTemporaryDir empty;
        PluginCatalog catalog(empty.path());
        QVERIFY(catalog.names().isEmpty());
        QString error;
        QVERIFY(!catalog.plugin(QStringLiteral("sim"), &error));
    }

    void aPluginWithoutTheRequestedRoleSaysSo() {
        PluginCatalog catalog(pluginDir());
        QString error;
        auto *plugin = catalog.plugin(QStringLiteral("sim"), &error);
        QVERIFY(plugin);
        QVERIFY(!plugin->createLaneActuator(QStringLiteral("lane"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("provides no lane")), qPrintable(error));
    }

    void simSettingsAreValidated() {
        PluginCatalog catalog(pluginDir());
        QString error;
        auto *plugin = catalog.plugin(QStringLiteral("sim"), &error);
        QVERIFY(plugin);
        QVERIFY(!plugin->createCredentialSource(QStringLiteral("passengers"), {}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("settings.script")), qPrintable(error));

        QTemporaryDir dir;
        QFile script(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(R"([{"kind": "fingerprint"}])");
        script.close();
        error.clear();
        QVERIFY(!plugin->createCredentialSource(
            QStringLiteral("passengers"),
            {{QStringLiteral("script"), script.fileName()},
             {gate::hal::kConfigDirsSetting, QJsonArray{dir.path()}}},
            &error));
        QVERIFY2(error.contains(QStringLiteral("step 0")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(PluginCatalogTest)
#include "tst_plugincatalog.moc"
