#include "ops/systemdnotifier.h"

#include <systemd/sd-daemon.h>

namespace gate {

SystemdNotifier::SystemdNotifier(QObject *parent)
    : QObject(parent) {
    const std::chrono::milliseconds interval = watchdogInterval();
    if (interval.count() > 0) {
        m_watchdog.setInterval(interval);
        connect(&m_watchdog, &QTimer::timeout, this, [this] { notify("WATCHDOG=1"); });
        m_watchdog.start();
    }
}

bool SystemdNotifier::isSupervised() const {
    return qEnvironmentVariableIsSet("NOTIFY_SOCKET");
}

std::chrono::milliseconds SystemdNotifier::watchdogInterval() const {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max<uint64_t>(1, usec / 2000));
}

bool SystemdNotifier::notify(const QByteArray &state) {
    return sd_notify(0, state.constData()) > 0;
}

bool SystemdNotifier::ready(const QString &text) {
    QByteArray state = QByteArrayLiteral("READY=1");
    if (!text.isEmpty())
        state += "\nSTATUS=" + text.toUtf8();
    return notify(state);
}

bool SystemdNotifier::status(const QString &text) {
    return notify("STATUS=" + text.toUtf8());
}

bool SystemdNotifier::stopping() {
    return notify("STOPPING=1");
}

} // namespace gate
