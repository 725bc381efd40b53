#include "modbuslanefactory.h"

#include "coillane.h"
#include "laneprofile.h"
#include "registerlane.h"

#include "hal/configfiles.h"
#include "hal/jsonfields.h"

namespace gate::modbuslane {

std::unique_ptr<hal::LaneActuator> createModbusLane(const QString &deviceName,
                                                    const QJsonObject &settings, QString *error) {
    QStringList errors;
    const JsonFields fields(settings, QStringLiteral("settings"), &errors);
    // config_dirs is added by the configuration loader for every device.
    fields.rejectUnknown({QStringLiteral("url"), QStringLiteral("profile"), QStringLiteral("unit"),
                          QStringLiteral("supervise"), hal::kConfigDirsSetting});
    QString reason;
    const auto endpoint =
        hal::ModbusEndpoint::parse(fields.requiredString(QStringLiteral("url")), &reason);
    if (!endpoint && fields.has(QStringLiteral("url")))
        fields.error(QStringLiteral("url"), reason);
    LaneProfile profile;
    if (fields.has(QStringLiteral("profile"))) {
        const QString path = hal::findConfigFile(
            settings, fields.requiredString(QStringLiteral("profile")), &reason);
        std::optional<LaneProfile> loaded =
            path.isEmpty() ? std::nullopt : LaneProfile::fromFile(path, &reason);
        if (loaded)
            profile = *loaded;
        else
            fields.error(QStringLiteral("profile"), reason);
    }
    // The unit, when given, replaces the profile's (spec/gate-modbus.md).
    profile.unit = int(fields.integer(QStringLiteral("unit"), profile.unit, 1, 247));
    const bool supervise = fields.boolean(QStringLiteral("supervise"), true);
    if (!errors.isEmpty()) {
        *error = errors.join(u'\n');
        return nullptr;
    }
    if (profile.kind == LaneProfile::Kind::Coils)
        return std::make_unique<CoilLane>(deviceName, *endpoint, profile, supervise);
    return std::make_unique<RegisterLane>(deviceName, *endpoint, profile, supervise);
}

} // namespace gate::modbuslane
