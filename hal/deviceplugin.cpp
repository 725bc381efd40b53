#include "hal/deviceplugin.h"

namespace gate::hal {

std::unique_ptr<CredentialSource>
DevicePlugin::createCredentialSource(const QString &, const QJsonObject &, QString *error) {
    *error = QStringLiteral("this plugin provides no credential source");
    return nullptr;
}

std::unique_ptr<LaneActuator> DevicePlugin::createLaneActuator(const QString &, const QJsonObject &,
                                                               QString *error) {
    *error = QStringLiteral("this plugin provides no lane");
    return nullptr;
}

} // namespace gate::hal
