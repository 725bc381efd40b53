// Station-wide anti-passback through whole processes: two gate-app of one
// station, each with its lane simulator, nginx serving the station's folder,
// a real rsyslog (imrelp) filing the gates' passage records as the
// documented collector does, and `gate-issuer relay` publishing them as
// `used` records. A ticket used at gate A is refused at gate B; with A's log
// link cut, B learns of the use only from A's backlog, once, when the link
// is back.
#include "core/tickets/gziplinereader.h"
#include "core/tickets/manifest.h"
#include "core/tickets/ticketstorereader.h"
#include "gaterig.h"
#include "peerprocess.h"
#include "rsyslogcollector.h"
#include "support/gatetools.h"
#include "support/nginxfixture.h"
#include "support/testpeer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int listIntervalS = 5; // tickets.interval_s, the default
constexpr int relayIntervalMs = 500;

// One gate of the station: its device key, state folder, lane simulator
// and gate-app process.
struct StationGate {
    QString id;
    QString folder;
    PeerProcess lane;
    QString laneAddress;
    std::unique_ptr<QProcess> app;
    QByteArray output;

    QString deviceKey() const { return folder + u"/device.key"_s; }
    QString ticketStore() const { return folder + u"/tickets.db"_s; }
};

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class StationPassbackTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    gate::test::NginxFixture m_nginx;
    gate::test::RsyslogCollector m_collector;
    QJsonObject m_station; // what gate-issuer demo-station printed
    QJsonArray m_steps;
    QProcess m_relay;
    StationGate m_a;
    StationGate m_b;

    QString listFolder() const {
        return m_dir.filePath(u"station/list/"_s + m_station.value(u"station"_s).toString("VNP"));
    }

    QJsonObject step(const QString &label) const {
        for (const QJsonValue &step : m_steps) {
            if (step.toObject().value(u"label"_s).toString() == label)
                return step.toObject();
        }
        qFatal("the demo station has no step \"%s\"", qPrintable(label));
    }

    bool commissionGate(StationGate &gate, const QString &id, QByteArray *enrolment) {
        gate.id = id;
        gate.folder = m_dir.filePath(id);
        QDir().mkpath(gate.folder);
        const QJsonObject device = gate::test::runGateTool(
            u"gatectl"_s, {u"device-key"_s, u"init"_s, u"--out"_s, gate.deviceKey()});
        *enrolment += QJsonDocument(device).toJson(QJsonDocument::Compact) + '\n';
        return !device.isEmpty();
    }

    static bool startLane(StationGate &gate) {
        gate.laneAddress =
            gate.lane.start(gate::test::gateBinary(u"gate-lane-sim"_s),
                            {u"--tcp"_s, u"127.0.0.1:0"_s, u"--passengers"_s, u"auto"_s}, u"tcp"_s);
        return !gate.laneAddress.isEmpty();
    }

    QJsonObject ticketsConfig(const StationGate &gate) const {
        return {{u"source"_s, m_nginx.url(u"VNP"_s).toString()},
                {u"root_key"_s, m_station.value(u"root_key"_s)},
                {u"device_key"_s, gate.deviceKey()},
                {u"interval_s"_s, listIntervalS}};
    }

    // Starts gate-app on `script`, shipping its records to the collector
    // (retrying often, so that a link that comes back is used at once).
    void startGate(StationGate &gate, const QJsonArray &script, int firstDelayMs) {
        const QString scriptFile = gate.folder + u"/script.json"_s;
        QFile(scriptFile).remove();
        QFile file(scriptFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(script).toJson());
        file.close();
        const QJsonObject config{
            {u"gate"_s, QJsonObject{{u"id"_s, gate.id},
                                    {u"station"_s, u"VNP"_s},
                                    {u"gate_group"_s, u"A1"_s},
                                    {u"direction"_s, u"entry"_s}}},
            {u"state_dir"_s, gate.folder},
            {u"devices"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"passengers"_s},
                                    {u"plugin"_s, u"sim"_s},
                                    {u"role"_s, u"credential-source"_s},
                                    {u"settings"_s, QJsonObject{{u"script"_s, scriptFile},
                                                                {u"first_delay_ms"_s, firstDelayMs},
                                                                {u"interval_ms"_s, 1000}}}},
                        QJsonObject{{u"name"_s, u"lane"_s},
                                    {u"plugin"_s, u"modbus-lane"_s},
                                    {u"role"_s, u"lane"_s},
                                    {u"settings"_s,
                                     QJsonObject{{u"url"_s, u"tcp://"_s + gate.laneAddress}}}}}},
            {u"tickets"_s, ticketsConfig(gate)},
            {u"log_sync"_s,
             QJsonObject{{u"host"_s, u"127.0.0.1"_s},
                         {u"port"_s, m_collector.port()},
                         {u"retry"_s, QJsonObject{{u"min_ms"_s, 200}, {u"max_ms"_s, 1000}}}}},
            {u"status_socket"_s, gate.folder + u"/status.sock"_s}};
        const QString configFile = gate.folder + u"/gate.json"_s;
        QFile configOut(configFile);
        QVERIFY(configOut.open(QIODevice::WriteOnly));
        configOut.write(QJsonDocument(config).toJson());
        configOut.close();

        gate.output.clear();
        gate.app = std::make_unique<QProcess>();
        gate.app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(gate.app.get(), &QProcess::readyReadStandardOutput, gate.app.get(),
                         [&gate] { gate.output += gate.app->readAllStandardOutput(); });
        gate.app->start(gate::test::gateBinary(u"gate-app"_s), {u"--config"_s, configFile});
        QVERIFY(gate.app->waitForStarted());
    }

    static void stopGate(StationGate &gate) {
        if (!gate.app || gate.app->state() == QProcess::NotRunning)
            return;
        gate.app->terminate();
        QVERIFY(gate.app->waitForFinished(30'000));
        gate.output += gate.app->readAllStandardOutput();
    }

    static bool usedAt(const StationGate &gate, const QString &tid) {
        QString error;
        const auto store = gate::tickets::TicketStoreReader::open(gate.ticketStore(), &error);
        return store && !store->uses(tid).isEmpty();
    }

    // How often each ticket is named by a `used` record in the deltas the
    // station's manifest lists now.
    std::map<QString, int> publishedUses() const {
        QString error;
        const auto manifest =
            gate::tickets::parseManifest(readAll(listFolder() + u"/manifest.json"_s), &error);
        std::map<QString, int> uses;
        if (!manifest)
            return uses;
        for (const gate::tickets::BundleFile &delta : manifest->deltas) {
            const QByteArray compressed = readAll(listFolder() + u"/"_s + delta.path);
            gate::tickets::GzipLineReader reader(compressed, gate::tickets::maxRecordLineBytes);
            QByteArray line;
            while (reader.nextLine(&line)) {
                const QJsonObject record = QJsonDocument::fromJson(line).object();
                if (record.value(u"t"_s).toString() == u"used"_s)
                    ++uses[record.value(u"tid"_s).toString()];
            }
        }
        return uses;
    }

    // The tickets of the passage records that gate `gateId` shipped.
    QStringList shippedPassageTids(const QString &gateId) const {
        QStringList tids;
        for (const QByteArray &line : readAll(m_collector.passageFile()).split('\n')) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            if (record.value(u"gate"_s).toString() != gateId)
                continue;
            const QJsonObject fields = record.value(u"fields"_s).toObject();
            for (const QJsonValue &tid : fields.value(u"tids"_s).toArray())
                tids << tid.toString();
            if (!fields.contains(u"tids"_s))
                tids << fields.value(u"tid"_s).toString();
        }
        return tids;
    }

    // Waits for "#N passage passed" on the gate's console.
    static bool waitForPassage(StationGate &gate, int count, int timeoutMs) {
        QElapsedTimer waited;
        waited.start();
        while (gate.output.count(" passage passed") < count && waited.elapsed() < timeoutMs)
            QTest::qWait(20);
        return gate.output.count(" passage passed") >= count;
    }

private slots:
    void initTestCase() {
        GATE_REQUIRE_PEER("nginx");
        GATE_REQUIRE_PEER("rsyslogd");
        GATE_REQUIRE_PEER("imrelp");
        QVERIFY(m_dir.isValid());
        QByteArray enrolment;
        QVERIFY(commissionGate(m_a, u"VNP-A1-01"_s, &enrolment));
        QVERIFY(commissionGate(m_b, u"VNP-A1-02"_s, &enrolment));
        const QString enrolmentFile = m_dir.filePath(u"enrolled-gates.ndjson"_s);
        QFile out(enrolmentFile);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(enrolment) == enrolment.size());
        out.close();
        m_station = gate::test::runGateTool(u"gate-issuer"_s, {u"demo-station"_s, u"--out"_s,
                                                               m_dir.filePath(u"station"_s),
                                                               u"--enrol"_s, enrolmentFile});
        QCOMPARE(m_station.value(u"gates"_s).toInt(), 2);
        m_steps = QJsonDocument::fromJson(readAll(m_station.value(u"script"_s).toString())).array();

        QString error;
        QVERIFY2(m_nginx.start(&error), qPrintable(error));
        QVERIFY(QFile::link(listFolder(), m_nginx.documentRoot() + u"/VNP"_s));
        QVERIFY2(m_collector.start(&error), qPrintable(error));
        for (StationGate *gate : {&m_a, &m_b}) {
            const QJsonObject synced = gate::test::runGateTool(
                u"gatectl"_s,
                {u"tickets"_s, u"sync"_s, m_nginx.url(u"VNP"_s).toString(), u"--db"_s,
                 gate->ticketStore(), u"--root-key"_s, m_station.value(u"root_key"_s).toString(),
                 u"--device-key"_s, gate->deviceKey()});
            QCOMPARE(synced.value(u"outcome"_s).toString(), u"applied"_s);
            QVERIFY(startLane(*gate));
        }

        m_relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_relay.start(gate::test::gateBinary(u"gate-issuer"_s),
                      {u"relay"_s, u"--out"_s, listFolder(), u"--root-key"_s,
                       m_dir.filePath(u"station/root-key.pem"_s), u"--secrets"_s,
                       m_station.value(u"secrets"_s).toString(), u"--collector"_s,
                       m_collector.passageFile(), u"--state"_s,
                       m_dir.filePath(u"relay-state.json"_s), u"--interval-ms"_s,
                       QString::number(relayIntervalMs)});
        QVERIFY(m_relay.waitForStarted());
    }

    void cleanupTestCase() {
        for (StationGate *gate : {&m_a, &m_b}) {
            stopGate(*gate);
            gate->lane.stop();
        }
        m_relay.terminate();
        m_relay.waitForFinished();
    }

    void aTicketUsedAtOneGateIsRefusedAtTheOther() {
        const QJsonObject code = step(u"e-ticket, G101 on time"_s);
        const QString tid = u"E1001"_s;
        startGate(m_a, {code}, 300);
        // B is shown the same code long after A's passage, well past the 10 s
        // the loop is given: passage shipped, filed, relayed, published, polled.
        startGate(m_b, {code}, 30'000);
        QVERIFY2(waitForPassage(m_a, 1, 60'000), m_a.output.constData());
        QElapsedTimer sincePassage;
        sincePassage.start();
        QTRY_VERIFY_WITH_TIMEOUT(usedAt(m_b, tid), 25'000);
        qInfo("passage at %s -> `used` applied at %s: %lld ms", qPrintable(m_a.id),
              qPrintable(m_b.id), sincePassage.elapsed());

        QTRY_COMPARE_WITH_TIMEOUT(GateRig::decisionReasons(m_b.output).size(), 1, 60'000);
        QCOMPARE(GateRig::decisionReasons(m_a.output), QStringList{u"ok"_s});
        QCOMPARE(GateRig::decisionReasons(m_b.output), QStringList{u"already_used"_s});
        QCOMPARE(publishedUses()[tid], 1);
    }

    void aCutLogLinkDelaysTheRefusalAndLosesNothing() {
        stopGate(m_a);
        stopGate(m_b);
        m_collector.stop(); // A's log link is down: its passages stay in its outbox
        const QJsonObject party =
            step(u"resident ID card of a parent with a child, G101: 2 passengers"_s);
        startGate(m_a, {party}, 300);
        startGate(m_b, {party}, 600'000); // B sees nobody yet
        QVERIFY2(waitForPassage(m_a, 1, 60'000), m_a.output.constData());

        // Two polls of B and many rounds of the relay later, nothing: the
        // passage has not left A.
        QTest::qWait(2 * listIntervalS * 1000);
        QCOMPARE(publishedUses().size(), size_t(1));
        const QStringList before = shippedPassageTids(m_a.id);

        QString error;
        QVERIFY2(m_collector.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(shippedPassageTids(m_a.id).size() > before.size(), 30'000);
        const QStringList partyTids = shippedPassageTids(m_a.id).mid(before.size());
        QCOMPARE(partyTids.size(), 2);
        for (const QString &tid : partyTids)
            QTRY_VERIFY_WITH_TIMEOUT(usedAt(m_b, tid), 25'000);

        // Each use published once, although A may have shipped a record twice
        // across the reconnect; the earlier ticket is not published again.
        const std::map<QString, int> uses = publishedUses();
        QCOMPARE(uses.at(u"E1001"_s), 1);
        for (const QString &tid : partyTids)
            QCOMPARE(uses.at(tid), 1);
        QCOMPARE(uses.size(), size_t(3));

        // B refuses the party's card.
        stopGate(m_b);
        startGate(m_b, {party}, 300);
        QTRY_COMPARE_WITH_TIMEOUT(GateRig::decisionReasons(m_b.output).size(), 1, 60'000);
        QCOMPARE(GateRig::decisionReasons(m_b.output), QStringList{u"already_used"_s});
    }
};

QTEST_GUILESS_MAIN(StationPassbackTest)
#include "tst_stationpassback.moc"
