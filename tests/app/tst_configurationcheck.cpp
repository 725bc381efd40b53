// gate-app --check-config on configurations written over many lines, as
// integrators write them (tests/app/config-samples/lines): every error names
// the file, the line and the dotted key, whichever reader found it (the
// configuration's, a device plugin's, the log shipper's, a lane profile's in
// its own file).
#include "runtime/configurationcheck.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kSamples = QStringLiteral(GATE_SOURCE_DIR "/tests/app/config-samples/lines/");

QStringList checkSample(const QString &name) {
    gate::hal::PluginCatalog catalog;
    return gate::checkConfiguration(kSamples + name, catalog).errors;
}

void expectError(const QStringList &errors, const QString &expected) {
    QVERIFY2(errors.contains(expected),
             qPrintable(u"expected: "_s + expected + u"\ngot:\n"_s + errors.join(u'\n')));
}

} // namespace

class ConfigurationCheckTest : public QObject {
    Q_OBJECT

private slots:
    void errorsOfTheFileNameTheirLines() {
        const QStringList errors = checkSample(u"file-errors.json"_s);
        const QString file = kSamples + u"file-errors.json"_s;
        QCOMPARE(errors.size(), 3);
        // An unknown key in a nested object.
        expectError(errors, file + u":6: gate.directon: unknown key (known here: id, station, "
                                   u"gate_group, direction)"_s);
        // A missing key: the line of the object that lacks it.
        expectError(errors, file + u":14: devices[1].plugin: is required"_s);
        expectError(errors, file + u":20: ui.result_s: must be between 1 and 60 (got 0)"_s);
    }

    void errorsOfDevicesLogShippingAndLaneProfilesNameTheirLines() {
        const QStringList errors = checkSample(u"device-errors.json"_s);
        const QString file = kSamples + u"device-errors.json"_s;
        QCOMPARE(errors.size(), 3);
        expectError(errors, file + u":25: log_sync.port: must be between 1 and 65535 (got 0)"_s);
        // A wrong value in the settings of the second device, as its plugin reports it.
        QCOMPARE(errors.filter(file + u":19: devices[1].settings.interval_ms: must be between 1 "_s)
                     .size(),
                 1);
        // The profile's own problem names its file and line.
        expectError(errors, file + u":10: devices[0].settings.profile: "_s + kSamples +
                                u"lane-watchdog.json:4: watchdog.time_ms: must be a multiple of "
                                u"100 (device \"lane\", plugin modbus-lane)"_s);
    }

    void aMalformedFileNamesLineAndColumn() {
        const QStringList errors = checkSample(u"malformed.json"_s);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(kSamples + u"malformed.json:4:"_s),
                 qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(u": not valid JSON: "_s), qPrintable(errors.first()));
    }
};

QTEST_GUILESS_MAIN(ConfigurationCheckTest)
#include "tst_configurationcheck.moc"
