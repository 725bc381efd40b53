#include "hal/devicehealth.h"

namespace gate::hal {

QString toString(DeviceHealth::State state) {
    switch (state) {
    case DeviceHealth::State::Starting:
        return QStringLiteral("starting");
    case DeviceHealth::State::Ok:
        return QStringLiteral("ok");
    case DeviceHealth::State::Degraded:
        return QStringLiteral("degraded");
    case DeviceHealth::State::Fault:
        return QStringLiteral("fault");
    case DeviceHealth::State::Offline:
        return QStringLiteral("offline");
    }
    return QStringLiteral("unknown");
}

} // namespace gate::hal
