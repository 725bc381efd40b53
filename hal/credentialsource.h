#pragma once

#include "hal/devicehealth.h"
#include "hal/rawread.h"

#include <QObject>

namespace gate::hal {

// A device that reports credentials: an ID-card reader, a camera with its
// vision pipeline, a simulator. It lives on a thread of its own; the gate
// talks to it only through queued signals and slots.
class CredentialSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Called on the source's own thread once it has been moved there.
    Q_INVOKABLE virtual void start() = 0;
    Q_INVOKABLE virtual void stop() = 0;

signals:
    void rawRead(const gate::hal::RawRead &read);
    // A reading is under way but not usable yet: "hold_still", "move_closer", "glare", ...
    void readingHint(const QString &hint);
    void healthChanged(const gate::hal::DeviceHealth &health);
};

} // namespace gate::hal
