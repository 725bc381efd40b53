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
class CoilLane final : public PolledLane {
    Q_OBJECT
public:
    using PolledLane::PolledLane;

    void command(gate::hal::LaneCommand command, quint16 passes, quint64 token) override;

protected:
    hal::ModbusBus::Result setUp() override;
    hal::ModbusBus::Result poll() override;
    void linkLost() override {}

private:
    hal::ModbusBus::Result pulse(int coil);
    hal::ModbusBus::Result setLevels(bool freePassage, bool lock, bool emergency);
    hal::ModbusBus::Result writeLevels();
    hal::ModbusBus::Result readLevels();
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
