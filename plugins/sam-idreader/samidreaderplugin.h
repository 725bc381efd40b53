#pragma once

#include "hal/deviceplugin.h"

#include <QObject>

namespace gate::samreader {

// Chinese ID-card readers with a SAM module on a serial port (GA 467).
class SamIdReaderPlugin final : public QObject, public hal::DevicePlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GateDevicePlugin_iid FILE "sam-idreader.json")
    Q_INTERFACES(gate::hal::DevicePlugin)
public:
    std::unique_ptr<hal::CredentialSource> createCredentialSource(const QString &deviceName,
                                                                  const QJsonObject &settings,
                                                                  QString *error) override;
};

} // namespace gate::samreader
