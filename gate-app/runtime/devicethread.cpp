#include "devicethread.h"

#include "hal/exceptiontext.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <exception>

Q_DECLARE_LOGGING_CATEGORY(lcDevices)

namespace gate {

namespace {

constexpr int firstBackoffMs = 100;
constexpr int longestBackoffMs = 5000;

} // namespace

DeviceThread::DeviceThread(const QString &deviceName, QObject *parent)
    : QThread(parent)
    , m_deviceName(deviceName) {
    setObjectName(QStringLiteral("device:") + deviceName);
}

void DeviceThread::run() {
    int backoffMs = firstBackoffMs;
    for (;;) {
        try {
            exec();
            return; // quit() or exit(): the device is stopping
        } catch (...) {
            const QString reason = QStringLiteral("device thread caught: %1")
                                       .arg(hal::describeException(std::current_exception()));
            qCCritical(lcDevices).noquote() << m_deviceName << reason;
            emit failed({m_deviceName, hal::DeviceHealth::State::Degraded, reason,
                         QDateTime::currentDateTimeUtc()});
        }
        msleep(ulong(backoffMs)); // a quit() meanwhile makes the next exec() return at once
        backoffMs = std::min(backoffMs * 2, longestBackoffMs);
    }
}

} // namespace gate
