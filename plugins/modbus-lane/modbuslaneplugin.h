#pragma once

#include "hal/deviceplugin.h"

#include <QObject>

namespace gate::modbuslane {

// Lanes driven over Modbus TCP or RTU through a lane profile.
class ModbusLanePlugin final : public QObject, public hal::DevicePlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GateDevicePlugin_iid FILE "modbus-lane.json")
    Q_INTERFACES(gate::hal::DevicePlugin)
public:
    std::unique_ptr<hal::LaneActuator> createLaneActuator(const QString &deviceName,
                                                          const QJsonObject &settings,
                                                          QString *error) override;
};

} // namespace gate::modbuslane
