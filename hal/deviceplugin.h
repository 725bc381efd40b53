#pragma once

#include "hal/credentialsource.h"
#include "hal/laneactuator.h"

#include <QJsonObject>
#include <QtPlugin>

#include <memory>

namespace gate::hal {

// What a device plugin may create. The plugin's JSON metadata names the
// plugin ("name") and what it provides ("provides": ["credential-source",
// "lane"]); the gate picks plugins by name from its configuration.
// A factory returns nullptr and sets `error` when the settings are unusable:
// the message names the setting and what is wrong with it.
class DevicePlugin {
public:
    virtual ~DevicePlugin() = default;
    virtual std::unique_ptr<CredentialSource>
    createCredentialSource(const QString &deviceName, const QJsonObject &settings, QString *error);
    virtual std::unique_ptr<LaneActuator>
    createLaneActuator(const QString &deviceName, const QJsonObject &settings, QString *error);
};

} // namespace gate::hal

#define GateDevicePlugin_iid "org.stationgate.DevicePlugin/1"
Q_DECLARE_INTERFACE(gate::hal::DevicePlugin, GateDevicePlugin_iid)
