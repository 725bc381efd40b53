#include "ops/systemdnotifier.h"

#include "ops/threadliveness.h"

#include <QLoggingCategory>

#include <systemd/sd-daemon.h>

Q_LOGGING_CATEGORY(lcWatchdog, "gate.watchdog")

namespace gate {

SystemdNotifier::SystemdNotifier(const ThreadLiveness *liveness, QObject *parent)
    : QObject(parent)
    , m_liveness(liveness) {
    const std::chrono::milliseconds interval = watchdogInterval();
    if (interval.count() > 0) {
        m_watchdog.setInterval(interval);
        connect(&m_watchdog, &QTimer::timeout, this, &SystemdNotifier::feedWatchdog);
        m_watchdog.start();
    }
}

void SystemdNotifier::feedWatchdog() {
    const QStringList stale =
        m_liveness ? m_liveness->staleWithin(m_watchdog.interval()) : QStringList();
    if (stale == m_stale) {
        if (stale.isEmpty())
            notify("WATCHDOG=1");
        return;
    }
    m_stale = stale;
    if (stale.isEmpty()) {
        qCWarning(lcWatchdog) << "every thread progresses again: watchdog fed";
        notify("WATCHDOG=1\nSTATUS=running");
        return;
    }
    const QString names = stale.join(QStringLiteral(", "));
    qCCritical(lcWatchdog).noquote() << "no progress on" << names << "thread: watchdog withheld";
    notify("STATUS=watchdog withheld: no progress on " + names.toUtf8());
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
