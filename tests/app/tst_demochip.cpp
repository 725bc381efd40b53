// The embedded demo with a passport chip: where the machine has pcscd, the
// vpcd virtual reader and the shared ePassport chip emulator, the demo's chip
// passenger is admitted on a chip that the gate read and verified (the chip
// files and their CSCA made by gate-issuer demo-station, the chip served by an
// emulator written independently of the gate's reader).
#include "core/audit/auditstore.h"
#include "support/gatetools.h"
#include "support/testpeer.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class DemoChipTest : public QObject {
    Q_OBJECT

private slots:
    void theDemosChipPassengerIsAdmittedOnAVerifiedChip() {
        for (const char *peer : {"pcscd", "vpcd", "virtualsmartcard", "pycryptodome", "emrtd-chip"})
            GATE_REQUIRE_PEER(peer);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess gate;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"GATE_DEMO_CHIP_EMULATOR"_s,
                           QStringLiteral(GATE_SHARED_DIR "/tools/emrtd-chip"));
        gate.setProcessEnvironment(environment);
        gate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Every decision of the demo's passengers: the chip passenger is the last.
        gate.start(gate::test::gateBinary(u"gate-app"_s),
                   {u"--state-dir"_s, dir.filePath(u"demo"_s), u"--exit-after"_s, u"19"_s});
        QVERIFY(gate.waitForStarted());
        QVERIFY(gate.waitForFinished(200'000));
        const QString output = QString::fromUtf8(gate.readAllStandardOutput());
        QCOMPARE(gate.exitCode(), 0);
        QVERIFY2(output.contains(u"passport chip is on an emulated reader"_s), qPrintable(output));

        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(dir.filePath(u"demo/audit.db"_s), u"DEMO-A1-01"_s, &error),
                 qPrintable(error));
        QJsonObject chipPassenger;
        for (const gate::AuditEvent &decision :
             audit.recentEvents(gate::AuditEventType::Decision, 100)) {
            if (decision.fields.value(u"tid"_s).toString() == u"E1015"_s)
                chipPassenger = decision.fields;
        }
        QVERIFY2(!chipPassenger.isEmpty(), qPrintable(output));
        QCOMPARE(chipPassenger.value(u"reason"_s).toString(), u"ok"_s);
        QCOMPARE(chipPassenger.value(u"chip"_s).toString(), u"verified"_s);
        QVERIFY(!QJsonDocument(chipPassenger).toJson().contains("C00D2O417"));
    }
};

QTEST_GUILESS_MAIN(DemoChipTest)
#include "tst_demochip.moc"
