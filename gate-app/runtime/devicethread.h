#pragma once

#include "hal/devicehealth.h"

#include <QThread>

namespace gate {

// A device's own thread (DeviceHost). It runs the device's event loop; when an
// exception escapes one of the device's slots (a driver bug, a library that
// throws), it reports the device degraded with the exception as the reason
// and runs the loop again after a backoff that doubles up to 5 s, so that one
// device never ends the gate and its next events are still handled.
class DeviceThread : public QThread {
    Q_OBJECT
public:
    DeviceThread(const QString &deviceName, QObject *parent = nullptr);

signals:
    // From this thread: queue it to whoever shows health.
    void failed(const gate::hal::DeviceHealth &health);

protected:
    void run() override;

private:
    QString m_deviceName;
};

} // namespace gate
