#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace gate {

// The sd_notify protocol of a Type=notify service (systemd/gate-app.service).
// Outside systemd (no NOTIFY_SOCKET) every call is a harmless no-op.
//
// The watchdog is fed from a timer on the thread that owns this object: run
// it on the GUI thread, so that a hung event loop stops the pings and systemd
// restarts the gate.
class SystemdNotifier : public QObject {
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    bool isSupervised() const;
    // Half of WATCHDOG_USEC, or zero when systemd does not watch this process.
    std::chrono::milliseconds watchdogInterval() const;

    // Devices and stores are up: READY=1 (with STATUS= when given).
    bool ready(const QString &status = {});
    bool status(const QString &text);
    bool stopping();

private:
    bool notify(const QByteArray &state);

    QTimer m_watchdog;
};

} // namespace gate
