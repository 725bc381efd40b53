#pragma once

#include <QtGlobal>

#include <optional>

namespace gate::modbuslane {

// Tells a lane whose Modbus slave still answers but whose application hung
// from one that works: the application copies the heartbeat the gate writes
// (HR 3) into its status block (IR 11). The echo follows when it equals the
// heartbeat just written or has moved since the previous poll (a lane may
// copy it one cycle late); it is stale after `stalePolls` polls in a row
// without either.
class HeartbeatEchoWatch {
public:
    // stalePolls 0: no check (a lane without an echo register).
    explicit HeartbeatEchoWatch(int stalePolls)
        : m_stalePolls(stalePolls) {}

    // One poll: the heartbeat written and the echo read right after it.
    void observe(quint16 written, quint16 echo);
    bool stale() const { return m_stalePolls > 0 && m_pollsBehind >= m_stalePolls; }

private:
    int m_stalePolls;
    int m_pollsBehind = 0;
    std::optional<quint16> m_lastEcho;
};

} // namespace gate::modbuslane
