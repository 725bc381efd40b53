#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace gate::hal {

// What a device tells the service mode about itself. `detail` is for staff:
// it never carries passenger data.
struct DeviceHealth {
    enum class State { Starting, Ok, Degraded, Fault, Offline };
    QString device;
    State state = State::Starting;
    QString detail;
    QDateTime since;

    // Moves to `newState` with `newDetail`, stamping `since`; false when
    // nothing changed since the last update (callers signal real changes only;
    // the first update always counts).
    bool update(State newState, const QString &newDetail);

    bool operator==(const DeviceHealth &) const = default;
};

QString toString(DeviceHealth::State state);

} // namespace gate::hal

Q_DECLARE_METATYPE(gate::hal::DeviceHealth)
