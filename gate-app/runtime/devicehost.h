#pragma once

#include "core/config/gateconfig.h"
#include "hal/chipreader.h"
#include "hal/credentialsource.h"
#include "hal/laneactuator.h"
#include "hal/plugincatalog.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

namespace gate {

class ThreadLiveness;

// Creates the configured devices through their plugins and gives each one a
// thread of its own (DESIGN: each device owns its thread), so that a slow
// serial port or camera never holds up another device or a decision, and an
// exception in one never ends the gate (DeviceThread).
class DeviceHost : public QObject {
    Q_OBJECT
public:
    explicit DeviceHost(QObject *parent = nullptr);
    ~DeviceHost() override;

    // Creates every device but those at the indices in `leaveOut` (devices a
    // configuration check cannot try yet: not commissioned). On failure
    // nothing runs and `errors` names the file, the device's dotted key and
    // the problem ("gate.json: devices[2].settings.profile: ...").
    bool create(const GateConfig &config, hal::PluginCatalog &catalog, QStringList *errors,
                const QList<qsizetype> &leaveOut = {});
    void startAll();
    void stopAll();
    // Each device's thread must show progress for the gate to count as alive.
    void watchProgress(ThreadLiveness &liveness) const;

    QList<hal::CredentialSource *> credentialSources() const { return m_sources; }
    hal::LaneActuator *lane() const { return m_lane; }
    // The passport chip reader among the credential sources, if any.
    hal::ChipReader *chipReader() const;

signals:
    // An exception escaped a device's slot; its thread runs on after a backoff.
    void deviceFailed(const gate::hal::DeviceHealth &health);

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
