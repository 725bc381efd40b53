#pragma once

#include "hal/devicehealth.h"
#include "hal/lanetraits.h"
#include "hal/progressmark.h"

#include <QMetaType>
#include <QObject>
#include <QThread>

#include <memory>

namespace gate::hal {

// Discrete inputs of a lane, bit n of LaneStatus::inputs (spec/gate-modbus.md).
enum class LaneInput {
    BarrierClosed = 0,
    BarrierOpen = 1,
    Occupied = 2,
    EntryBeam = 3,
    CentreBeam = 4,
    ExitBeam = 5,
    Tailgating = 6,
    Intrusion = 7,
    WrongWay = 8,
    Climb = 9,
    PassageTimeout = 10,
    FireAlarm = 11,
    EmergencyActive = 12,
    OutOfService = 13,
    OnBattery = 14,
    Obstruction = 15,
};

// Lane events as laneEvent() reports them, whatever values a profile uses on
// the wire.
enum class LaneEvent {
    None = 0,
    PassedEntry = 1,
    PassedExit = 2,
    PassTimedOut = 3,
    Tailgating = 4,
    Intrusion = 5,
    WrongWay = 6,
    FireAlarm = 7,
    Fault = 8,
};

// The lane's own view of itself, decoded from the device (status block of
// spec/gate-modbus.md, or whatever a non-Modbus lane offers).
struct LaneStatus {
    enum class Mode { Controlled, FreeEntry, FreeExit, FreeBoth, Locked, Emergency, OutOfService };
    bool linkUp = false;
    quint16 inputs = 0; // discrete inputs, bit n = DI n of the default profile
    Mode mode = Mode::OutOfService;
    quint16 pendingEntry = 0;
    quint16 pendingExit = 0;
    quint32 passedEntry = 0;
    quint32 passedExit = 0;
    quint16 lastEvent = 0;
    quint16 eventSeq = 0;
    quint16 faultCode = 0;
    quint16 firmware = 0;
    quint16 acknowledgedSeq = 0; // the lane's last executed CMD_SEQ, where it has one
    // The staff-call button of a lane whose profile wires one (docs/lane.md):
    // outside DI 0..15, which the default table fills.
    bool staffCall = false;

    bool input(int bit) const { return (inputs >> bit) & 1u; }
    bool input(LaneInput which) const { return input(int(which)); }
    bool operator==(const LaneStatus &) const = default;
};

enum class LaneCommand {
    OpenEntry = 1,
    OpenExit = 2,
    Close = 3,
    FreeEntry = 4,
    FreeExit = 5,
    FreeBoth = 6,
    Lock = 7,
    Normal = 8,
    EmergencyOpen = 9,
    EmergencyReset = 10,
    AlarmReset = 11,
};

enum class LaneCommandResult { Ok, RefusedMode, RefusedOccupied, Fault, NotAcknowledged, LinkDown };

// The barrier and its sensors. Lives on its bus thread; commands are queued
// to it and answered by signals.
class LaneActuator : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    Q_INVOKABLE virtual void start() = 0;
    Q_INVOKABLE virtual void stop() = 0;
    // `token` comes back with the acknowledgement so the caller can match it.
    Q_INVOKABLE virtual void command(gate::hal::LaneCommand command, quint16 passes,
                                     quint64 token) = 0;

    // The deciding side's progress, set by the gate before start(). A driver
    // that feeds the lane's own watchdog does so only while this mark is
    // younger than `staleMs`, so that a hung gate trips the lane's fail-safe
    // (docs/operations.md). Unset, the driver answers for itself alone
    // (gatectl, benches).
    void setSupervisorProgress(std::shared_ptr<const ProgressMark> progress, int staleMs) {
        m_supervisor = std::move(progress);
        m_supervisorStaleMs = staleMs;
    }

    // Set once by the driver's constructor, before the actuator moves to its
    // thread; constant afterwards.
    const LaneTraits &traits() const { return m_traits; }

signals:
    void commandDone(quint64 token, gate::hal::LaneCommandResult result, qint64 doneNs);
    void statusChanged(const gate::hal::LaneStatus &status);
    // A new lane event (IR 8 of the default profile, as a LaneEvent value) with
    // its sequence number; `missed` counts events skipped between two polls.
    void laneEvent(quint16 event, quint16 sequence, quint16 missed);
    void healthChanged(const gate::hal::DeviceHealth &health);

protected:
    void setTraits(const LaneTraits &traits) { m_traits = traits; }
    bool supervisorAlive() const {
        return !m_supervisor || m_supervisor->ageMs() < m_supervisorStaleMs;
    }

private:
    std::shared_ptr<const ProgressMark> m_supervisor;
    int m_supervisorStaleMs = 0;
    LaneTraits m_traits;
};

// Runs an actuator on a thread of its own (its bus thread): moves it there and
// starts it; on destruction stops and deletes it on that thread, then ends
// the thread.
class LaneActuatorThread {
public:
    explicit LaneActuatorThread(std::unique_ptr<LaneActuator> actuator)
        : m_actuator(actuator.release()) {
        m_thread.setObjectName(QStringLiteral("lane-bus"));
        m_actuator->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(m_actuator, &LaneActuator::start, Qt::QueuedConnection);
    }
    ~LaneActuatorThread() {
        QMetaObject::invokeMethod(
            m_actuator,
            [actuator = m_actuator] {
                actuator->stop();
                delete actuator;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    LaneActuatorThread(const LaneActuatorThread &) = delete;
    LaneActuatorThread &operator=(const LaneActuatorThread &) = delete;

    LaneActuator *actuator() const { return m_actuator; }

    // Queues a command to the actuator's thread.
    void command(LaneCommand command, quint16 passes, quint64 token) const {
        QMetaObject::invokeMethod(
            m_actuator,
            [actuator = m_actuator, command, passes, token] {
                actuator->command(command, passes, token);
            },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    LaneActuator *m_actuator;
};

} // namespace gate::hal

Q_DECLARE_METATYPE(gate::hal::LaneStatus)
Q_DECLARE_METATYPE(gate::hal::LaneCommand)
Q_DECLARE_METATYPE(gate::hal::LaneCommandResult)
