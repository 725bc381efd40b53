#include "gaterig.h"

#include "support/gatetools.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

GateRig::GateRig() = default;

GateRig::~GateRig() {
    stopLane();
}

QStringList GateRig::decisionReasons(const QByteArray &gateOutput) {
    static const QRegularExpression decision(
        QStringLiteral("#\\d+ (ADMIT|DENY) .* reason=([a-z_]+)"));
    QStringList reasons;
    for (const QByteArray &line : gateOutput.split('\n')) {
        const auto match = decision.match(QString::fromUtf8(line));
        if (match.hasMatch())
            reasons.append(match.captured(2));
    }
    return reasons;
}

bool GateRig::prepareStation(QString *error) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    if (!m_station.commission(m_dir.path(), error))
        return false;
    QFile script(station().value(QStringLiteral("script")).toString());
    if (!script.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("gate-issuer demo-station wrote no passenger script");
        return false;
    }
    m_steps = QJsonDocument::fromJson(script.readAll()).array();
    return m_station.syncInto(path("tickets.db"), error);
}

QJsonObject GateRig::demoStep(const QString &label) const {
    for (const QJsonValue &step : m_steps) {
        if (step.toObject().value(QStringLiteral("label")).toString() == label)
            return step.toObject();
    }
    qFatal("the demo station has no step \"%s\"", qPrintable(label));
}

bool GateRig::startLane(QString *error) {
    m_lane.start(gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
                 {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--passengers"), QStringLiteral("auto")});
    if (!m_lane.waitForStarted() || !m_lane.waitForReadyRead(10'000)) {
        *error = QStringLiteral("gate-lane-sim did not start");
        return false;
    }
    while (!m_lane.canReadLine() && m_lane.waitForReadyRead(10'000)) {
    }
    m_laneAddress =
        QJsonDocument::fromJson(m_lane.readLine()).object().value(QStringLiteral("tcp")).toString();
    if (m_laneAddress.isEmpty()) {
        *error = QStringLiteral("gate-lane-sim did not say its address");
        return false;
    }
    QObject::connect(&m_lane, &QProcess::readyReadStandardOutput, &m_lane,
                     [this] { m_laneOutput += m_lane.readAllStandardOutput(); });
    return true;
}

void GateRig::stopLane() {
    if (m_lane.state() == QProcess::NotRunning)
        return;
    m_lane.terminate();
    m_lane.waitForFinished();
    m_laneOutput += m_lane.readAllStandardOutput();
}

QString GateRig::writeConfig(const QJsonArray &script, const QJsonObject &extra,
                             int intervalMs) const {
    QFile scriptFile(path("script.json"));
    if (!scriptFile.open(QIODevice::WriteOnly) ||
        scriptFile.write(QJsonDocument(script).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(scriptFile.fileName()));
    QJsonObject config{
        {"gate", QJsonObject{{"id", "TEST-A1-01"},
                             {"station", "VNP"},
                             {"gate_group", "A1"},
                             {"direction", "entry"}}},
        {"state_dir", m_dir.path()},
        {"devices",
         QJsonArray{QJsonObject{{"name", "passengers"},
                                {"plugin", "sim"},
                                {"role", "credential-source"},
                                {"settings", QJsonObject{{"script", scriptFile.fileName()},
                                                         {"first_delay_ms", 300},
                                                         {"interval_ms", intervalMs}}}},
                    QJsonObject{{"name", "lane"},
                                {"plugin", "modbus-lane"},
                                {"role", "lane"},
                                {"settings", QJsonObject{{"url", "tcp://" + m_laneAddress}}}}}},
        {"tickets", m_station.ticketsConfig()},
        {"status_socket", path("status.sock")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        config.insert(it.key(), it.value());
    QFile configFile(path("gate.json"));
    if (!configFile.open(QIODevice::WriteOnly) ||
        configFile.write(QJsonDocument(config).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(configFile.fileName()));
    return configFile.fileName();
}

void GateRig::startGate(QProcess &gate, const QString &config, int decisions) const {
    gate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral("--config"), config};
    if (decisions > 0)
        arguments << QStringLiteral("--exit-after") << QString::number(decisions);
    gate.start(gate::test::gateBinary(QStringLiteral("gate-app")), arguments);
}

QJsonObject GateRig::status() const {
    return gate::test::runGateTool(
        QStringLiteral("gatectl"),
        {QStringLiteral("status"), QStringLiteral("--socket"), path("status.sock")});
}
