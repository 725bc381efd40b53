#pragma once

#include "hal/deviceplugin.h"

#include <QObject>

namespace gate::emrtdreader {

// Passport chips on a PC/SC contactless reader (docs/emrtd.md).
class EmrtdReaderPlugin final : public QObject, public hal::DevicePlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GateDevicePlugin_iid FILE "emrtd-reader.json")
    Q_INTERFACES(gate::hal::DevicePlugin)
public:
    std::unique_ptr<hal::CredentialSource> createCredentialSource(const QString &deviceName,
                                                                  const QJsonObject &settings,
                                                                  QString *error) override;
};

} // namespace gate::emrtdreader
