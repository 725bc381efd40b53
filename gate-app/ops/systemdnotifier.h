#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace gate {

class ThreadLiveness;

// The sd_notify protocol of a Type=notify service (systemd/gate-app.service).
// Outside systemd (no NOTIFY_SOCKET) every call is a harmless no-op.
//
// The watchdog is fed from a timer on the thread that owns this object (run
// it on the GUI thread, so that a hung event loop stops the pings), and only
// while every thread `liveness` watches has shown progress within the ping
// interval: one stuck thread stops the pings, STATUS= names it, and systemd
// restarts the gate.
class SystemdNotifier : public QObject {
    Q_OBJECT
public:
    explicit SystemdNotifier(const ThreadLiveness *liveness = nullptr, QObject *parent = nullptr);

    bool isSupervised() const;
    // Half of WATCHDOG_USEC, or zero when systemd does not watch this process.
    std::chrono::milliseconds watchdogInterval() const;

    // Devices and stores are up: READY=1 (with STATUS= when given).
    bool ready(const QString &status = {});
    bool status(const QString &text);
    bool stopping();

private:
    bool notify(const QByteArray &state);
    void feedWatchdog();

    const ThreadLiveness *m_liveness;
    QStringList m_stale; // threads the last withheld ping named

    QTimer m_watchdog;
};

} // namespace gate
