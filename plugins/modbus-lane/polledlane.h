#pragma once

#include "laneprofile.h"

#include "hal/laneactuator.h"
#include "hal/modbus/modbusbus.h"
#include "hal/monotonicclock.h"

#include <memory>

class QTimer;

namespace gate::modbuslane {

// What every Modbus lane driver shares: it owns the bus on the thread the
// actuator lives on, polls every poll period, sets the lane up after each
// (re)connection, and declares the link down after three failed polls in a
// row (spec/gate-modbus.md), reporting it as health and as a status with
// linkUp = false. A lane whose link is up but whose application does not
// respond is reported the same way, with its own health detail.
//
// Fire is handled here, next to the lane's I/O and whatever the deciding
// thread does: each driver asserts the emergency open on every poll that
// reads the fire-alarm input (DI 11) on, and an emergency reset is refused
// while that input is on (docs/lane.md, Safety).
class PolledLane : public hal::LaneActuator {
    Q_OBJECT
public:
    // A supervising driver (the gate's own) arms the lane's watchdog and
    // timings, keeps the heartbeat going and re-asserts coil levels; one that
    // does not (gatectl, a second master) only reads and commands.
    PolledLane(const QString &deviceName, const hal::ModbusEndpoint &endpoint,
               const LaneProfile &profile, bool supervise = true, QObject *parent = nullptr);
    ~PolledLane() override;

    void start() override;
    void stop() override;
    // Answers LinkDown without a link and RefusedMode to an emergency reset
    // while the fire-alarm input is on; hands everything else to issue().
    void command(gate::hal::LaneCommand command, quint16 passes, quint64 token) final;

    // The poll period for a lane in this state: the profile's passage period
    // while a pass is authorised or the lane is occupied, else its idle one.
    static int pollPeriodFor(const LaneProfile &profile, const hal::LaneStatus &status);

protected:
    // Runs right after the bus (re)opened, before any poll.
    virtual hal::ModbusBus::Result setUp() = 0;
    // Reads the lane's status (and keeps it alive) once.
    virtual hal::ModbusBus::Result poll() = 0;
    // The link went down: every command in flight gets its answer.
    virtual void linkLost() = 0;
    // A command the lane takes now (the link is up).
    virtual void issue(hal::LaneCommand command, quint16 passes, quint64 token) = 0;

    // The bus, opened and set up; calls setUp() when it had to reopen.
    hal::ModbusBus::Result ready();
    hal::ModbusBus &bus() { return *m_bus; }
    const LaneProfile &profile() const { return m_profile; }
    // The lane takes commands: its link is up and its application responds
    // (what the published status says as linkUp).
    bool linkUp() const { return m_linkUp && m_unresponsive.isEmpty(); }
    bool supervises() const { return m_supervise; }
    // The status as last published.
    const hal::LaneStatus &lastStatus() const { return m_lastStatus; }
    // The fire-alarm input as last read: the lane must be held open.
    bool fireInput() const { return m_lastStatus.input(hal::LaneInput::FireAlarm); }
    // Reports a freshly read status; the first one after a loss brings the
    // link up again.
    void publishStatus(const hal::LaneStatus &status);
    // The lane's application does not respond although its Modbus slave
    // answers (`reason` names why), or responds again (an empty reason).
    // Until it does, the lane counts as a lost link: statuses go out with
    // linkUp = false, health is a fault with the reason, commands in flight
    // are answered LinkDown and new ones refused.
    void setUnresponsive(const QString &reason);

private:
    void pollNow();
    void pollFailed(const hal::ModbusBus::Result &result);
    void reportHealth(hal::DeviceHealth::State state, const QString &detail);

    QString m_deviceName;
    hal::ModbusEndpoint m_endpoint;
    LaneProfile m_profile;
    bool m_supervise;
    std::unique_ptr<hal::ModbusBus> m_bus;
    QTimer *m_pollTimer;
    bool m_setUp = false;
    bool m_linkUp = false;
    QString m_unresponsive; // why the lane's application does not respond
    int m_failedPolls = 0;
    hal::LaneStatus m_lastStatus;
    hal::DeviceHealth m_health;
};

} // namespace gate::modbuslane
