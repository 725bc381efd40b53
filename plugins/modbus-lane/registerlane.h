#pragma once

#include "heartbeatechowatch.h"
#include "lanestatusblock.h"
#include "polledlane.h"

#include <QElapsedTimer>

#include <deque>
#include <optional>

namespace gate::modbuslane {

// A lane with the register interface of spec/gate-modbus.md (or a profile
// that renames it). A command is one FC16 write of CMD_CODE, CMD_ARG and
// CMD_SEQ; it is done when the lane echoes CMD_SEQ in its status block. Until
// then the status block is read back to back, and the same write (same
// CMD_SEQ, so the lane acts once) is repeated if it failed. The heartbeat is
// written on every poll, the watchdog set up on every connection, and the
// lane's echo of the heartbeat checked on every poll: a lane whose echo stops
// following counts as not responding (HeartbeatEchoWatch). The heartbeat is
// written only while the deciding side shows progress
// (LaneActuator::setSupervisorProgress): a hung gate lets the lane's own
// watchdog trip.
//
// A status block with the fire-alarm input on and the lane not in emergency
// mode makes the driver write the emergency open at once, ahead of anything
// in flight or queued (those are answered RefusedMode: evacuation refuses
// them anyway), and again at every poll until the lane shows emergency mode.
class RegisterLane final : public PolledLane {
    Q_OBJECT
public:
    RegisterLane(const QString &deviceName, const hal::ModbusEndpoint &endpoint,
                 const LaneProfile &profile, bool supervise = true, QObject *parent = nullptr);

protected:
    void issue(gate::hal::LaneCommand command, quint16 passes, quint64 token) override;
    hal::ModbusBus::Result setUp() override;
    hal::ModbusBus::Result poll() override;
    void linkLost() override;

private:
    struct Command {
        hal::LaneCommand command;
        quint16 passes;
        quint64 token;
        bool ownSafetyCommand = false; // the driver's own: nobody waits for its answer
    };
    struct InFlight {
        Command command;
        quint16 seq;
        bool written = false;
        QElapsedTimer since;
    };

    // `afterHeartbeat`: the heartbeat was just written, so the echo is checked.
    hal::ModbusBus::Result readStatus(bool afterHeartbeat = false);
    void handleStatus(const LaneStatusBlock &block);
    void holdOpenForFire();
    void sendNext();
    hal::ModbusBus::Result writeCommand(InFlight &inFlight);
    void chaseAcknowledgement();
    void finish(hal::LaneCommandResult result);

    std::deque<Command> m_queue;
    std::optional<InFlight> m_inFlight;
    bool m_chaseScheduled = false;
    quint16 m_heartbeat = 0;
    bool m_heartbeatWithheld = false;
    HeartbeatEchoWatch m_echoWatch;
    quint16 m_lastSeq = 0;
    std::optional<quint16> m_lastEventSeq;
};

} // namespace gate::modbuslane
