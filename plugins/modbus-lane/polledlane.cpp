#include "polledlane.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcModbusLane, "gate.modbus-lane")

namespace gate::modbuslane {

namespace {
constexpr int failedPollsForLinkDown = 3;
}

PolledLane::PolledLane(const QString &deviceName, const hal::ModbusEndpoint &endpoint,
                       const LaneProfile &profile, bool supervise, QObject *parent)
    : hal::LaneActuator(parent)
    , m_deviceName(deviceName)
    , m_endpoint(endpoint)
    , m_profile(profile)
    , m_supervise(supervise)
    , m_pollTimer(new QTimer(this)) {
    m_health.device = deviceName;
    setTraits(profile.traits());
    m_pollTimer->setTimerType(Qt::PreciseTimer);
    m_pollTimer->setInterval(profile.pollPeriodMs);
    connect(m_pollTimer, &QTimer::timeout, this, &PolledLane::pollNow);
}

PolledLane::~PolledLane() = default;

int PolledLane::pollPeriodFor(const LaneProfile &profile, const hal::LaneStatus &status) {
    const bool passage =
        status.pendingEntry > 0 || status.pendingExit > 0 || status.input(hal::LaneInput::Occupied);
    return passage ? std::min(profile.passagePollPeriodMs, profile.pollPeriodMs)
                   : profile.pollPeriodMs;
}

void PolledLane::start() {
    if (m_bus)
        return;
    hal::ModbusBus::Timing timing;
    timing.responseTimeoutMs = m_profile.responseTimeoutMs;
    timing.byteTimeoutMs = m_profile.byteTimeoutMs;
    timing.reconnectMinMs = std::min(m_profile.pollPeriodMs, 1000);
    timing.reconnectMaxMs = m_profile.reconnectMaxMs;
    m_bus = std::make_unique<hal::ModbusBus>(m_endpoint, timing);
    reportHealth(hal::DeviceHealth::State::Starting, m_endpoint.toString());
    m_pollTimer->start();
    pollNow();
}

void PolledLane::stop() {
    m_pollTimer->stop();
    if (!m_bus)
        return;
    if (m_linkUp) {
        m_linkUp = false;
        linkLost();
    }
    m_bus.reset();
    m_setUp = false;
    reportHealth(hal::DeviceHealth::State::Offline, QStringLiteral("stopped"));
}

void PolledLane::command(hal::LaneCommand command, quint16 passes, quint64 token) {
    if (!linkUp()) {
        emit commandDone(token, hal::LaneCommandResult::LinkDown, hal::monotonicNowNs());
        return;
    }
    if (command == hal::LaneCommand::EmergencyReset && fireInput()) {
        qCWarning(lcModbusLane) << m_deviceName
                                << "emergency reset refused: the fire-alarm input is on";
        emit commandDone(token, hal::LaneCommandResult::RefusedMode, hal::monotonicNowNs());
        return;
    }
    issue(command, passes, token);
}

hal::ModbusBus::Result PolledLane::ready() {
    if (!m_bus)
        return {hal::ModbusBus::Outcome::Disconnected, QStringLiteral("not started")};
    if (!m_bus->isOpen())
        m_setUp = false;
    if (auto opened = m_bus->open(); !opened)
        return opened;
    if (!m_setUp) {
        m_setUp = true; // setUp() itself talks over the bus
        if (auto result = setUp(); !result) {
            m_setUp = false;
            return result;
        }
    }
    return {};
}

void PolledLane::pollNow() {
    hal::ModbusBus::Result result = ready();
    if (result)
        result = poll();
    if (result)
        m_failedPolls = 0;
    else
        pollFailed(result);
}

void PolledLane::pollFailed(const hal::ModbusBus::Result &result) {
    ++m_failedPolls;
    if (m_failedPolls < failedPollsForLinkDown) {
        if (m_linkUp)
            reportHealth(hal::DeviceHealth::State::Degraded, result.error);
        return;
    }
    if (m_linkUp) {
        qCWarning(lcModbusLane) << m_deviceName << "link down:" << result.error;
        m_linkUp = false;
        m_pollTimer->setInterval(m_profile.pollPeriodMs);
        m_lastStatus.linkUp = false;
        emit statusChanged(m_lastStatus);
        linkLost();
    }
    reportHealth(hal::DeviceHealth::State::Offline, result.error);
}

void PolledLane::publishStatus(const hal::LaneStatus &read) {
    if (!m_linkUp) {
        m_linkUp = true;
        qCInfo(lcModbusLane) << m_deviceName << "link up," << m_endpoint.toString();
    }
    if (const int period = pollPeriodFor(m_profile, read); period != m_pollTimer->interval())
        m_pollTimer->setInterval(period);
    hal::LaneStatus status = read;
    if (!m_unresponsive.isEmpty()) {
        status.linkUp = false; // what it says is stale
        reportHealth(hal::DeviceHealth::State::Fault, m_unresponsive);
    } else {
        const bool fault = status.mode == hal::LaneStatus::Mode::OutOfService ||
                           status.input(hal::LaneInput::OutOfService);
        reportHealth(fault ? hal::DeviceHealth::State::Fault : hal::DeviceHealth::State::Ok,
                     fault ? QStringLiteral("lane fault %1").arg(status.faultCode)
                           : m_endpoint.toString());
    }
    if (status == m_lastStatus)
        return;
    m_lastStatus = status;
    emit statusChanged(status);
}

void PolledLane::setUnresponsive(const QString &reason) {
    if (reason == m_unresponsive)
        return;
    m_unresponsive = reason;
    if (reason.isEmpty()) {
        qCInfo(lcModbusLane) << m_deviceName << "lane controller responds again";
    } else {
        qCWarning(lcModbusLane).noquote() << QStringLiteral("%1: %2").arg(m_deviceName, reason);
        linkLost();
    }
}

void PolledLane::reportHealth(hal::DeviceHealth::State state, const QString &detail) {
    if (m_health.update(state, detail))
        emit healthChanged(m_health);
}

} // namespace gate::modbuslane
