#include "modbuslaneplugin.h"

#include "modbuslanefactory.h"

namespace gate::modbuslane {

std::unique_ptr<hal::LaneActuator> ModbusLanePlugin::createLaneActuator(const QString &deviceName,
                                                                        const QJsonObject &settings,
                                                                        QString *error) {
    return createModbusLane(deviceName, settings, error);
}

} // namespace gate::modbuslane
