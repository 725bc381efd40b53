// Codes bound to their holder (spec/eticket-qr.md, the two-step passage)
// through the whole gate: gate-app with its plugins, the lane simulator, the
// demo station's list. A screenshot of someone's code opens nothing: alone it
// is refused once the window is over, with another document it is refused at
// once; only the holder's document, before or after the code, admits.
#include "gaterig.h"
#include "support/gatetools.h"

#include "core/audit/auditstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class HolderBindingTest : public QObject {
    Q_OBJECT

private:
    GateRig m_rig;
    QByteArray m_gateOutput;
    int m_gateExitCode = -1;

    // A step of the demo's script, with a pause after it instead of the interval.
    QJsonObject step(const QString &label, int pauseMs = -1) const {
        QJsonObject step = m_rig.demoStep(label);
        if (pauseMs >= 0)
            step.insert(u"pause_ms"_s, pauseMs);
        return step;
    }

    // A code for G101 signed with the station's real ticket key and bound to
    // a holder with a binding key the list does not carry.
    QJsonObject codeWithUnknownBindingKey() const {
        const QJsonObject station = m_rig.station();
        const qint64 now = station.value(u"now"_s).toInteger();
        QProcess issuer;
        issuer.start(gate::test::gateBinary(u"gate-issuer"_s),
                     {u"code"_s,
                      u"--key"_s,
                      m_rig.path("station/ticket-key.pem"),
                      u"--tid"_s,
                      u"E1001"_s,
                      u"--trn"_s,
                      u"G101"_s,
                      u"--dep"_s,
                      u"VNP"_s,
                      u"--arr"_s,
                      u"AOH"_s,
                      u"--dpt"_s,
                      QString::number(now + 25 * 60),
                      u"--iat"_s,
                      QString::number(now - 3600),
                      u"--exp"_s,
                      QString::number(now + 86400),
                      u"--hb-identity"_s,
                      u"ID:360426199101010071"_s,
                      u"--bind-key"_s,
                      QString::fromLatin1(QByteArray(32, 'K').toBase64()),
                      u"--kb"_s,
                      u"7"_s});
        issuer.waitForFinished(60'000);
        return {{u"label"_s, u"code bound with binding key 7"_s},
                {u"kind"_s, u"barcode"_s},
                {u"text"_s, QString::fromLatin1(issuer.readAllStandardOutput().trimmed())}};
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_rig.prepareStation(&error), qPrintable(error));
        QVERIFY2(m_rig.startLane(&error), qPrintable(error));
        const QString code = u"e-ticket bound to its holder, G101"_s;
        const QString holderCard = u"then the holder's resident ID card"_s;
        const QJsonObject unknownKey = codeWithUnknownBindingKey();
        QVERIFY2(unknownKey.value(u"text"_s).toString().startsWith(u"RT1:"_s),
                 "gate-issuer code failed");
        // Binding window 2 s, one step every 0.7 s unless a step pauses.
        const QJsonArray script{
            // A screenshot of the code alone: asked for the document, then
            // refused when the window is over.
            step(code, 3000),
            // The same code with another person's card.
            step(code),
            step(u"resident ID card without a ticket"_s),
            unknownKey,
            // The holder: code, then card.
            step(code),
            step(holderCard),
            // Another holder: card first (its ticket is not on the list yet),
            // then the code bound to it.
            step(u"resident ID card of a ticket bought after the list"_s),
            step(u"then the e-ticket bound to that card, G101"_s),
        };
        QProcess gate;
        m_rig.startGate(gate,
                        m_rig.writeConfig(
                            script, {{u"eticket"_s, QJsonObject{{u"binding_window_s"_s, 2}}}}, 700),
                        6);
        QVERIFY(gate.waitForStarted());
        QVERIFY(gate.waitForFinished(120'000));
        m_gateExitCode = gate.exitCode();
        m_gateOutput = gate.readAllStandardOutput();
        m_rig.stopLane();
    }

    void onlyTheHoldersDocumentAdmits() {
        QCOMPARE(m_gateExitCode, 0);
        QCOMPARE(GateRig::decisionReasons(m_gateOutput),
                 (QStringList{u"holder_document_required"_s, u"holder_mismatch"_s,
                              u"binding_key_unknown"_s, u"ok"_s, u"no_ticket"_s, u"ok"_s}));
    }

    void passengersReadWhyInBothLanguages() {
        const QString output = QString::fromUtf8(m_gateOutput);
        for (const QString &text :
             {u"This e-ticket is valid only with its holder's document"_s, u"该车票属于其他证件"_s,
              u"This ticket belongs to another document"_s})
            QVERIFY2(output.contains(text), qPrintable(text));
    }

    void theLaneOpenedForTheHoldersOnly() {
        int opens = 0;
        for (const QByteArray &line : m_rig.laneOutput().split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            opens += object.value(u"code"_s).toInt() == 1 && object.contains(u"command"_s);
        }
        QCOMPARE(opens, 2);
    }

    void theAuditHoldsOneRecordPerDecision() {
        gate::AuditStore audit;
        QString error;
        QVERIFY2(audit.open(m_rig.path("audit.db"), u"TEST-A1-01"_s, &error), qPrintable(error));
        const QList<gate::AuditEvent> decisions =
            audit.recentEvents(gate::AuditEventType::Decision, 100);
        QStringList credentials;
        for (auto it = decisions.crbegin(); it != decisions.crend(); ++it)
            credentials << it->fields.value(u"credential"_s).toString();
        QCOMPARE(credentials,
                 (QStringList{u"eticket"_s, u"eticket+resident"_s, u"eticket"_s,
                              u"eticket+resident"_s, u"resident"_s, u"eticket+resident"_s}));
        QVERIFY(audit.localUseAt(u"E1010"_s, true).has_value());
        QVERIFY(audit.localUseAt(u"E1011"_s, true).has_value());
        QVERIFY(!audit.localUseAt(u"E1001"_s, true).has_value());
    }
};

QTEST_GUILESS_MAIN(HolderBindingTest)
#include "tst_holderbinding.moc"
