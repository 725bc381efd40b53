#include "modbuslanefactory.h"

#include "coillane.h"
#include "laneprofile.h"
#include "registerlane.h"

#include "hal/configfiles.h"

namespace gate::modbuslane {

std::unique_ptr<hal::LaneActuator> createModbusLane(const QString &deviceName,
                                                    const QJsonObject &settings, QString *error) {
    static const QStringList known{QStringLiteral("url"), QStringLiteral("profile"),
                                   QStringLiteral("unit"), QStringLiteral("supervise"),
                                   QString(hal::kConfigDirsSetting)};
    for (const QString &key : settings.keys()) {
        if (!known.contains(key)) {
            *error = QStringLiteral("settings.%1: is not a modbus-lane setting").arg(key);
            return nullptr;
        }
    }
    QString reason;
    const auto endpoint =
        hal::ModbusEndpoint::parse(settings.value(QStringLiteral("url")).toString(), &reason);
    if (!endpoint) {
        *error = QStringLiteral("settings.url: %1").arg(reason);
        return nullptr;
    }
    LaneProfile profile;
    const QJsonValue profileSetting = settings.value(QStringLiteral("profile"));
    if (!profileSetting.isUndefined()) {
        if (!profileSetting.isString() || profileSetting.toString().isEmpty()) {
            *error = QStringLiteral("settings.profile: must be a file name");
            return nullptr;
        }
        const QString path = hal::findConfigFile(settings, profileSetting.toString(), &reason);
        if (path.isEmpty()) {
            *error = QStringLiteral("settings.profile: %1").arg(reason);
            return nullptr;
        }
        auto loaded = LaneProfile::fromFile(path, &reason);
        if (!loaded) {
            *error = QStringLiteral("settings.profile: %1").arg(reason);
            return nullptr;
        }
        profile = *loaded;
    }
    const QJsonValue unit = settings.value(QStringLiteral("unit"));
    if (!unit.isUndefined()) {
        const int id = unit.toInt(-1);
        if (!unit.isDouble() || id < 1 || id > 247 || unit.toDouble() != id) {
            *error = QStringLiteral("settings.unit: must be a Modbus unit id from 1 to 247");
            return nullptr;
        }
        profile.unit = id;
    }
    const QJsonValue supervise = settings.value(QStringLiteral("supervise"));
    if (!supervise.isUndefined() && !supervise.isBool()) {
        *error = QStringLiteral("settings.supervise: must be true or false");
        return nullptr;
    }
    if (profile.kind == LaneProfile::Kind::Coils)
        return std::make_unique<CoilLane>(deviceName, *endpoint, profile, supervise.toBool(true));
    return std::make_unique<RegisterLane>(deviceName, *endpoint, profile, supervise.toBool(true));
}

} // namespace gate::modbuslane
