// The whole gate reading passport chips: gate-app with the sim camera script,
// the emrtd-reader plugin on a real PC/SC stack (pcscd, vpcd and the vsmartcard
// ePassport), the lane simulator and the demo station's ticket list.
#include "app/gaterig.h"
#include "chipstack.h"
#include "support/gatetools.h"

#include "core/audit/auditstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kChipPassenger = u"passport with a chip, G101"_s;

} // namespace

class GateChipTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ChipStack> m_stack;
    GateRig m_rig;
    QStringList m_page; // the chip passenger's MRZ, as the camera reads it

    enum class Chip { OnReader, Absent };

    // Makes the passport with `makeOptions`, puts its chip on the reader (or
    // leaves the reader empty), shows its page once (the demo's reading of it,
    // or `camera`) to a gate trusting the passport's `cscaFolder`, and returns
    // the decision's reason with the audit record of it. `emulator` says
    // which program serves the chip.
    std::pair<QString, QJsonObject> present(const QString &name, const QStringList &makeOptions,
                                            const QString &cscaFolder, bool requireChip,
                                            Chip chip = Chip::OnReader, QJsonObject camera = {},
                                            const test::ChipEmulator &emulator = {}) {
        QString error;
        m_stack->remove();
        if (!m_stack->makePassport(name, m_page, makeOptions, &error) ||
            (chip == Chip::OnReader &&
             !m_stack->insert(m_stack->passportDir(name) + u"/chip"_s, &error, emulator)))
            qFatal("%s", qPrintable(error));
        // The emulator on a loaded test machine is far slower than a chip.
        const QJsonObject passport{{u"require_chip"_s, requireChip}, {u"chip_wait_ms"_s, 10'000}};
        if (camera.isEmpty())
            camera = m_rig.demoStep(kChipPassenger);
        const QString config = m_rig.writeConfig({camera}, {{u"passport"_s, passport}});
        addChipReader(config, m_stack->passportDir(name) + u'/' + cscaFolder);

        QProcess gate;
        gate.setProcessEnvironment(m_stack->environment());
        m_rig.startGate(gate, config, 1);
        if (!gate.waitForStarted() || !gate.waitForFinished(120'000))
            qFatal("gate-app did not finish");
        const QByteArray output = gate.readAllStandardOutput();
        // The console's decision line says how long the passenger waited.
        for (const QByteArray &line : output.split('\n')) {
            if (line.contains(" reason="))
                qInfo().noquote() << line;
        }
        const QStringList reasons = GateRig::decisionReasons(output);
        gate::AuditStore audit;
        if (!audit.open(m_rig.path("audit.db"), u"TEST-A1-01"_s, &error))
            qFatal("%s", qPrintable(error));
        const QList<gate::AuditEvent> decisions =
            audit.recentEvents(gate::AuditEventType::Decision, 1);
        return {reasons.value(0), decisions.isEmpty() ? QJsonObject() : decisions.first().fields};
    }

    static void addChipReader(const QString &configPath, const QString &csca) {
        QFile file(configPath);
        if (!file.open(QIODevice::ReadWrite))
            qFatal("cannot open %s", qPrintable(configPath));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray devices = config.value(u"devices"_s).toArray();
        devices.append(QJsonObject{
            {u"name"_s, u"chip"_s},
            {u"plugin"_s, u"emrtd-reader"_s},
            {u"role"_s, u"credential-source"_s},
            {u"settings"_s, QJsonObject{{u"csca"_s, csca}, {u"extended_length"_s, u"on"_s}}}});
        config.insert(u"devices"_s, devices);
        file.resize(0);
        file.write(QJsonDocument(config).toJson());
    }

    QList<gate::AuditEvent> alarms() {
        gate::AuditStore audit;
        QString error;
        if (!audit.open(m_rig.path("audit.db"), u"TEST-A1-01"_s, &error))
            qFatal("%s", qPrintable(error));
        return audit.recentEvents(gate::AuditEventType::Alarm, 100);
    }

private slots:
    void initTestCase() {
        REQUIRE_PEER(test::ChipStack::missingPeer());
        m_stack = std::make_unique<test::ChipStack>();
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        QVERIFY2(m_rig.prepareStation(&error), qPrintable(error));
        QVERIFY2(m_rig.startLane(&error), qPrintable(error));
        for (const QJsonValue &line : m_rig.demoStep(kChipPassenger).value(u"lines"_s).toArray())
            m_page << line.toString();
        QCOMPARE(m_page.size(), 2);
    }

    // Denied before the ticket is looked at: these run while the passenger's
    // ticket is still unused.
    // The face was changed after the state signed the chip.
    void aChipChangedAfterSigningIsDeniedWithAnAlarm() {
        const auto [reason, record] =
            present(u"forged"_s, {u"--tamper"_s, u"dg2"_s}, u"csca"_s, false);
        QCOMPARE(reason, u"document_forged"_s);
        QCOMPARE(record.value(u"chip"_s).toString(), u"forged"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), u"hashes_mismatch"_s);
        const QList<gate::AuditEvent> raised = alarms();
        QVERIFY(!raised.isEmpty());
        QCOMPARE(raised.first().fields.value(u"code"_s).toString(), u"document_forged"_s);
        QCOMPARE(raised.first().fields.value(u"chip_detail"_s).toString(), u"hashes_mismatch"_s);
    }

    void aDscNoInstalledCscaIssuedIsForged() {
        const auto [reason, record] =
            present(u"rogue"_s, {u"--dsc"_s, u"unknown"_s}, u"csca"_s, false);
        QCOMPARE(reason, u"document_forged"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), u"unknown_dsc"_s);
    }

    // A faithful copy of a genuine chip's files (DG14 or DG15 and the SOD
    // included) on a chip holding another key: Active or Chip Authentication
    // tells, and the record says which.
    void aClonedChipIsDeniedAsForged_data() {
        QTest::addColumn<QStringList>("makeOptions");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("emulatorOption");
        QTest::addColumn<QString>("detail");
        QTest::newRow("active authentication")
            << QStringList{u"--aa"_s, u"rsa"_s} << u"aa-key.pem"_s << u"--aa-key"_s
            << u"active_authentication_failed"_s;
        QTest::newRow("chip authentication") << QStringList{u"--ca"_s, u"ecdh"_s} << u"ca-key.pem"_s
                                             << u"--ca-key"_s << u"chip_authentication_failed"_s;
    }

    void aClonedChipIsDeniedAsForged() {
        QFETCH(QStringList, makeOptions);
        QFETCH(QString, keyFile);
        QFETCH(QString, emulatorOption);
        QFETCH(QString, detail);
        QString error;
        const QString original = u"clone-key-"_s + keyFile.left(2);
        QVERIFY2(m_stack->makePassport(original, m_page, makeOptions, &error), qPrintable(error));
        const auto [reason, record] = present(
            u"cloned-"_s + keyFile.left(2), makeOptions, u"csca"_s, false, Chip::OnReader, {},
            {.ownProtocols = true,
             .options = {emulatorOption, m_stack->passportDir(original) + u"/chip/"_s + keyFile}});
        QCOMPARE(reason, u"document_forged"_s);
        QCOMPARE(record.value(u"chip"_s).toString(), u"forged"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), detail);
    }

    void withoutACscaForItsIssuerAChipIsRequiredWhenConfigured() {
        const auto [reason, record] = present(u"nocsca"_s, {}, u"other-csca"_s, true);
        QCOMPARE(reason, u"chip_required"_s);
        QCOMPARE(record.value(u"chip"_s).toString(), u"unverified"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), u"no_csca"_s);
    }

    void anEmptyReaderGivesNoProof() {
        const auto [reason, record] = present(u"nochip"_s, {}, u"csca"_s, true, Chip::Absent);
        QCOMPARE(reason, u"chip_required"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), u"no_chip"_s);
    }

    // The camera could not tell 0 from O: of its two readings, only the true
    // one opens the chip, and DG1 gives the passenger's identity.
    void anAmbiguousPageIsResolvedByTheChip() {
        // The same check digit: a reading the camera could not rule out.
        QStringList decoy = m_page;
        decoy[1].replace(0, 9, u"C0OD20417"_s);
        const QJsonObject camera{{u"label"_s, u"ambiguous page"_s},
                                 {u"kind"_s, u"mrz"_s},
                                 {u"candidates"_s, QJsonArray{QJsonArray::fromStringList(decoy),
                                                              QJsonArray::fromStringList(m_page)}}};
        const auto [reason, record] =
            present(u"ambiguous"_s, {}, u"csca"_s, true, Chip::OnReader, camera);
        QCOMPARE(reason, u"ok"_s);
        QCOMPARE(record.value(u"chip"_s).toString(), u"verified"_s);
        QCOMPARE(record.value(u"credential"_s).toString(), u"mrz"_s);
        QCOMPARE(record.value(u"tid"_s).toString(), u"E1015"_s);
        // The record names the proof, never the document.
        QVERIFY(!QJsonDocument(record).toJson().contains("C00D2O417"));
    }

    // The same passenger again, with a newer passport: a PACE-only chip with
    // Chip Authentication in AES. The chip verifies, the ticket is used.
    void aVerifiedChipIsDecidedOnItsTicket() {
        const auto [reason, record] = present(
            u"pace"_s, {u"--pace"_s, u"ecdh-gm-aes128"_s, u"--ca"_s, u"ecdh-aes128"_s}, u"csca"_s,
            true, Chip::OnReader, {}, {.ownProtocols = true, .options = {u"--no-bac"_s}});
        QCOMPARE(reason, u"already_used"_s);
        QCOMPARE(record.value(u"chip"_s).toString(), u"verified"_s);
        QCOMPARE(record.value(u"chip_detail"_s).toString(), u"verified"_s);
    }

    // Every unusable setting of the reader stops the gate, named by its key.
    void badReaderSettingsAreRefused() {
        const QString config =
            m_rig.writeConfig({m_rig.demoStep(kChipPassenger)}, {{u"passport"_s, QJsonObject{}}});
        QFile file(config);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray devices = json.value(u"devices"_s).toArray();
        devices.append(QJsonObject{{u"name"_s, u"chip"_s},
                                   {u"plugin"_s, u"emrtd-reader"_s},
                                   {u"role"_s, u"credential-source"_s},
                                   {u"settings"_s, QJsonObject{{u"extended_length"_s, u"fast"_s},
                                                               {u"card_wait_ms"_s, 9000},
                                                               {u"colour"_s, 1}}}});
        json.insert(u"devices"_s, devices);
        file.resize(0);
        file.write(QJsonDocument(json).toJson());
        file.close();

        QProcess gate;
        gate.start(gate::test::gateBinary(u"gate-app"_s), {u"--config"_s, config});
        QVERIFY(gate.waitForFinished(60'000));
        QVERIFY(gate.exitCode() != 0);
        const QString errors = QString::fromUtf8(gate.readAllStandardError());
        for (const QString &key : {u"settings.csca"_s, u"settings.extended_length"_s,
                                   u"settings.card_wait_ms"_s, u"settings.colour"_s})
            QVERIFY2(errors.contains(key), qPrintable(errors));
    }

    void cleanupTestCase() {
        if (m_stack)
            m_stack->remove();
        m_rig.stopLane();
    }
};

QTEST_GUILESS_MAIN(GateChipTest)
#include "tst_gatechip.moc"
