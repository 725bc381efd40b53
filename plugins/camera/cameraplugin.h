#pragma once

#include "hal/deviceplugin.h"

#include <QObject>

namespace gate::camera {

// A camera read by the gate's own vision: e-ticket codes on phones and
// paper, and (with "mrz": true) passport MRZ lines.
class CameraPlugin final : public QObject, public hal::DevicePlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GateDevicePlugin_iid FILE "camera.json")
    Q_INTERFACES(gate::hal::DevicePlugin)
public:
    std::unique_ptr<hal::CredentialSource> createCredentialSource(const QString &deviceName,
                                                                  const QJsonObject &settings,
                                                                  QString *error) override;
};

} // namespace gate::camera
