#pragma once

#include "peerprocess.h"

#include "core/audit/auditevent.h"
#include "core/clock.h"
#include "core/lane/lanecontroller.h"
#include "hal/laneactuator.h"

#include <QTemporaryDir>

#include <memory>

namespace gate {
class DecidingCore;
namespace ui {
class PassengerScreenModel;
class ServiceModeModel;
} // namespace ui
} // namespace gate

// The gate behind the touchscreen, for the service-mode tests: the lane
// simulator as a real Modbus TCP server on loopback, the modbus-lane driver on
// its bus thread, and the application's deciding core (lane state machine,
// audit store) over it, wired to the screen models as the application wires
// them: service commands to the lane, staff actions to the audit trail, the
// lane's availability to both screens.
class ServiceLane {
public:
    ServiceLane();
    ~ServiceLane();

    bool start(gate::ui::PassengerScreenModel &passenger, gate::ui::ServiceModeModel &service);
    QString error() const { return m_error; }

    PeerProcess &sim() { return m_sim; }
    gate::LaneController &controller();
    // The service records of the audit trail, newest first, read back from
    // the database file through a connection of their own.
    QList<gate::AuditEvent> serviceRecords() const;

private:
    QTemporaryDir m_dir;
    gate::SystemClock m_clock;
    PeerProcess m_sim;
    std::unique_ptr<gate::hal::LaneActuatorThread> m_lane;
    std::unique_ptr<gate::DecidingCore> m_core; // before the lane goes
    QString m_error;
};
