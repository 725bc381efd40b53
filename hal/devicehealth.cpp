#include "hal/devicehealth.h"

namespace gate::hal {

bool DeviceHealth::update(State newState, const QString &newDetail) {
    if (since.isValid() && state == newState && detail == newDetail)
        return false;
    state = newState;
    detail = newDetail;
    since = QDateTime::currentDateTimeUtc();
    return true;
}

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
