#pragma once

#include <QtGlobal>

#include <optional>

namespace gate::modbuslane {

// Tells a lane whose Modbus slave still answers but whose application hung
// from one that works: the application copies the heartbeat the gate writes
// (HR 3) into its status block (IR 11). The echo follows when it equals the
// heartbeat just written or has moved since the previous poll (a lane may
// copy it one cycle late); it is stale once it has not followed for
// `staleMs`. Time rather than a count of polls, because the gate polls faster
// while a passenger is in the lane and a lane's logic cycle does not.
class HeartbeatEchoWatch {
public:
    // staleMs 0: no check (a lane without an echo register).
    explicit HeartbeatEchoWatch(int staleMs)
        : m_staleMs(staleMs) {}

    // One poll at `nowMs` (any monotonic clock): the heartbeat written and
    // the echo read right after it.
    void observe(quint16 written, quint16 echo, qint64 nowMs);
    bool stale() const { return m_stale; }

private:
    int m_staleMs;
    bool m_stale = false;
    std::optional<quint16> m_lastEcho;
    std::optional<qint64> m_followedAtMs; // or when watching began
};

} // namespace gate::modbuslane
