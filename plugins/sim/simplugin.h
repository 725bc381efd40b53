#pragma once

#include "hal/deviceplugin.h"

#include <QObject>

namespace gate::sim {

// Devices that need no hardware, for the demo and for tests.
class SimPlugin final : public QObject, public hal::DevicePlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GateDevicePlugin_iid FILE "sim.json")
    Q_INTERFACES(gate::hal::DevicePlugin)
public:
    std::unique_ptr<hal::CredentialSource> createCredentialSource(const QString &deviceName,
                                                                  const QJsonObject &settings,
                                                                  QString *error) override;
};

} // namespace gate::sim
