#pragma once

#include "hal/devicehealth.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSerialPort>
#include <QString>
#include <QTimer>

namespace gate::hal {

struct SerialSettings {
    QString port; // device path, e.g. /dev/ttyUSB0 or a udev symlink
    qint32 baud = 115200;
    // Reopen attempts after the port went away: first after `minReopenMs`,
    // doubling up to `maxReopenMs`.
    int minReopenMs = 250;
    int maxReopenMs = 4000;
};

// A serial port (8N1, no flow control) owned by the thread of the device that
// uses it. When the port cannot be opened or disappears (a USB serial adapter
// unplugged), the channel reports the device offline and keeps trying to open
// it again with backoff; `opened()` tells the owner to start its protocol
// afresh. It knows nothing of what the bytes mean.
class SerialChannel : public QObject {
    Q_OBJECT
public:
    SerialChannel(QString deviceName, SerialSettings settings, QObject *parent = nullptr);
    ~SerialChannel() override;

    // Opens the port now, or schedules attempts until it can be opened.
    void open();
    // Closes the port and stops reopening.
    void close();
    bool isOpen() const;

    // Queues the bytes for sending; false when the port is not open.
    bool write(QByteArrayView bytes);
    // Drops bytes received but not yet delivered and those still in the driver.
    void flushInput();

    const DeviceHealth &health() const { return m_health; }
    const SerialSettings &settings() const { return m_settings; }

signals:
    void opened();
    // Bytes as they arrived, in order, with the monotonic instant they were
    // taken from the driver (monotonicclock.h).
    void received(const QByteArray &chunk, qint64 arrivedNs);
    // The port went away or failed; reopening is under way.
    void lost(const QString &reason);
    void healthChanged(const gate::hal::DeviceHealth &health);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void scheduleReopen();
    void setHealth(DeviceHealth::State state, const QString &detail);

    QString m_deviceName;
    SerialSettings m_settings;
    QSerialPort m_port;
    QTimer m_reopenTimer;
    int m_reopenDelayMs = 0;
    bool m_wanted = false;
    DeviceHealth m_health;
};

} // namespace gate::hal
