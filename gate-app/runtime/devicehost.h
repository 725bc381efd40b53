#pragma once

#include "core/config/gateconfig.h"
#include "hal/credentialsource.h"
#include "hal/laneactuator.h"
#include "hal/plugincatalog.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

namespace gate {

// Creates the configured devices through their plugins and gives each one a
// thread of its own (DESIGN: each device owns its thread), so that a slow
// serial port or camera never holds up another device or a decision.
class DeviceHost : public QObject {
    Q_OBJECT
public:
    explicit DeviceHost(QObject *parent = nullptr);
    ~DeviceHost() override;

    // Creates every device; on failure nothing runs and `errors` says which
    // device and why.
    bool create(const GateConfig &config, hal::PluginCatalog &catalog, QStringList *errors);
    void startAll();
    void stopAll();

    QList<hal::CredentialSource *> credentialSources() const { return m_sources; }
    hal::LaneActuator *lane() const { return m_lane; }

private:
    struct Device {
        QString name;
        QObject *object = nullptr;
        QThread *thread = nullptr;
    };
    void adopt(const QString &name, QObject *device);

    QList<Device> m_devices;
    QList<hal::CredentialSource *> m_sources;
    hal::LaneActuator *m_lane = nullptr;
    bool m_running = false;
};

} // namespace gate
