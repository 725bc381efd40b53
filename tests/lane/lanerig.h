#pragma once

#include "lanetestsupport.h"
#include "peerprocess.h"

#include "core/lane/lanecontroller.h"

#include <QTemporaryDir>

#include <memory>

// The whole lane under test: the simulator as a child process, the
// modbus-lane driver on its bus thread, and the controller over it.
class LaneRig {
public:
    enum class Transport { Tcp, Rtu };

    // `simArguments` are added to short door and walk times; `profile`
    // overrides the fast test profile.
    bool start(Transport transport, const QStringList &simArguments = {},
               const QJsonObject &profile = {});
    void stop();
    // Stops the controller and the driver, leaving the simulator running.
    void stopGate();

    PeerProcess &sim() { return m_sim; }
    gate::LaneController &controller() { return *m_controller; }
    gate::hal::LaneActuatorThread &lane() { return *m_lane; }
    QString url() const { return m_url; }
    QString profilePath() const { return m_profilePath; }
    QString error() const { return m_error; }
    const QTemporaryDir &dir() const { return m_dir; }

private:
    QTemporaryDir m_dir;
    PeerProcess m_sim;
    std::unique_ptr<gate::hal::LaneActuatorThread> m_lane;
    std::unique_ptr<gate::LaneController> m_controller;
    QString m_url;
    QString m_profilePath;
    QString m_error;
};
