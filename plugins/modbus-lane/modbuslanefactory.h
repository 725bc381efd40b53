#pragma once

#include "hal/laneactuator.h"

#include <QJsonObject>

#include <memory>

namespace gate::modbuslane {

// Builds the lane driver from its settings:
//   "url":     "tcp://HOST:PORT" or "rtu:/dev/ttyX[,BAUD[,8N1]]" (required)
//   "profile": a lane profile file; relative ones from "config_dirs"
//              (hal/configfiles.h); the default
//              profile of spec/gate-modbus.md when absent
//   "unit":    Modbus unit id, overriding the profile's
//   "supervise": false for a second master such as gatectl: no watchdog
//              set-up, no heartbeat, coil levels read instead of re-asserted
// nullptr and a message naming the setting when they are unusable. The
// driver must be moved to a thread of its own before start() is invoked.
std::unique_ptr<hal::LaneActuator> createModbusLane(const QString &deviceName,
                                                    const QJsonObject &settings, QString *error);

} // namespace gate::modbuslane
