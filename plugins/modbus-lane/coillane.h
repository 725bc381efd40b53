#pragma once

#include "polledlane.h"

namespace gate::modbuslane {

// A relay-type gate behind a Modbus I/O module (coil profile of
// spec/gate-modbus.md). Open and close are pulses of profile.pulseMs; free
// passage, lock and emergency open are levels the driver remembers and
// re-asserts after every reconnection. A command is done when its coil write
// is acknowledged. Status comes from discrete inputs 0..15 when the module
// has them; alarm inputs turning on become lane events. Such a gate cannot
// report a completed passage, so no PassedEntry/PassedExit events come from it.
//
// The mode reported is the one the driver commands through its levels (an
// emergency open is the emergency coil being on), never what DI 11/12 claim:
// a relay gate does only what its coils tell it. While the fire-alarm input
// is on, the emergency coil is written on at every poll; once on it stays on
// until an emergency reset, across link losses and, read back from the
// module, across a restart of the gate.
class CoilLane final : public PolledLane {
    Q_OBJECT
public:
    using PolledLane::PolledLane;

protected:
    void issue(gate::hal::LaneCommand command, quint16 passes, quint64 token) override;
    hal::ModbusBus::Result setUp() override;
    hal::ModbusBus::Result poll() override;
    void linkLost() override {}

private:
    hal::ModbusBus::Result pulse(int coil);
    hal::ModbusBus::Result setLevels(bool freePassage, bool lock, bool emergency);
    hal::ModbusBus::Result writeLevels();
    hal::ModbusBus::Result readLevels();
    hal::ModbusBus::Result holdOpenForFire(quint16 inputs);
    hal::LaneStatus::Mode modeFromLevels(quint16 inputs) const;
    void reportRisingAlarms(quint16 inputs);

    bool m_free = false;
    bool m_lock = false;
    bool m_emergency = false;
    quint16 m_inputs = 0;
    quint16 m_eventSeq = 0;
    QList<int> m_pulsesToRelease;
};

} // namespace gate::modbuslane
