// A start that fails after the deciding core was made (here the status
// socket belongs to another running gate) frees the core all the same: its
// audit store closes, and SQLite removes the -wal file as it does when the
// last writing connection to a database closes.
#include "core/clock.h"
#include "core/tickets/devicekey.h"
#include "runtime/gateapplication.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Any valid Ed25519 public key: RFC 8032's first test vector.
const QByteArray kRootKey =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
} // namespace

class FailedStartTest : public QObject {
    Q_OBJECT

private slots:
    void aStartThatFailsLateFreesTheCore() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const auto deviceKey = gate::tickets::DeviceKey::generate(&error);
        QVERIFY2(deviceKey && deviceKey->saveNew(dir.filePath(u"device.key"_s), &error),
                 qPrintable(error));
        QFile script(dir.filePath(u"script.json"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(R"([{"label":"a code","kind":"barcode","text":"RT1:X"}])");
        script.close();
        const QJsonObject config{
            {u"gate"_s, QJsonObject{{u"id"_s, u"TEST-A1-01"_s},
                                    {u"station"_s, u"VNP"_s},
                                    {u"gate_group"_s, u"A1"_s}}},
            {u"state_dir"_s, dir.path()},
            {u"devices"_s,
             QJsonArray{
                 QJsonObject{{u"name"_s, u"passengers"_s},
                             {u"plugin"_s, u"sim"_s},
                             {u"role"_s, u"credential-source"_s},
                             {u"settings"_s, QJsonObject{{u"script"_s, script.fileName()},
                                                         {u"first_delay_ms"_s, 600'000}}}},
                 QJsonObject{{u"name"_s, u"lane"_s},
                             {u"plugin"_s, u"modbus-lane"_s},
                             {u"role"_s, u"lane"_s},
                             {u"settings"_s, QJsonObject{{u"url"_s, u"tcp://127.0.0.1:1"_s}}}}}},
            {u"tickets"_s, QJsonObject{{u"root_key"_s, QString::fromLatin1(kRootKey.toBase64())},
                                       {u"device_key"_s, dir.filePath(u"device.key"_s)}}},
            {u"status_socket"_s, dir.filePath(u"status.sock"_s)}};
        QFile configFile(dir.filePath(u"gate.json"_s));
        QVERIFY(configFile.open(QIODevice::WriteOnly));
        configFile.write(QJsonDocument(config).toJson());
        configFile.close();

        QLocalServer otherGate; // the status socket is taken
        QVERIFY(otherGate.listen(dir.filePath(u"status.sock"_s)));
        {
            gate::SystemClock clock;
            gate::GateApplication gate(clock);
            QStringList errors;
            QVERIFY(!gate.startConfigured(configFile.fileName(), &errors));
            QVERIFY2(errors.join(u' ').contains(u"in use by another running gate"_s),
                     qPrintable(errors.join(u"; "_s)));
            // The core got as far as opening its stores.
            QVERIFY(QFile::exists(dir.filePath(u"audit.db-wal"_s)));
        }
        // (The ticket store's reader is read-only: SQLite leaves its -wal.)
        QVERIFY(!QFile::exists(dir.filePath(u"audit.db-wal"_s)));
    }
};

QTEST_MAIN(FailedStartTest)
#include "tst_failedstart.moc"
