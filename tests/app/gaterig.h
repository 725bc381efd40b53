#pragma once

#include "support/demostation.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The whole gate as separate processes, for the integration tests: a demo
// station (gate-issuer demo-station) synced into the gate's ticket store by
// gatectl, the lane simulator as a real Modbus TCP server on loopback, and
// gate-app with its plugins on a configuration written here, all in one
// temporary state folder.
class GateRig {
public:
    GateRig();
    ~GateRig();

    // "#3 DENY ... reason=too_early: ..." lines of the console, in order.
    static QStringList decisionReasons(const QByteArray &gateOutput);

    // Builds the demo station and applies its list to the gate's store.
    bool prepareStation(QString *error);
    bool startLane(QString *error);
    void stopLane();

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QJsonObject station() const { return m_station.issued(); }
    // The demo's passenger script, and one of its steps by label.
    QJsonArray demoSteps() const { return m_steps; }
    QJsonObject demoStep(const QString &label) const;
    QByteArray laneOutput() const { return m_laneOutput; }

    // Writes `script` and a configuration for it (gate TEST-A1-01, the status
    // socket in the state folder); `extra` keys replace the configuration's
    // top-level keys. Returns the configuration's path.
    QString writeConfig(const QJsonArray &script, const QJsonObject &extra = {},
                        int intervalMs = 400) const;
    // Starts gate-app on it; `decisions` > 0: it stops after that many.
    void startGate(QProcess &gate, const QString &config, int decisions = 0) const;
    // The running gate's status over its socket (gatectl status).
    QJsonObject status() const;

private:
    QTemporaryDir m_dir;
    gate::test::DemoStation m_station;
    QJsonArray m_steps;
    QString m_laneAddress;
    QProcess m_lane;
    QByteArray m_laneOutput;
};
