#include "heartbeatechowatch.h"

namespace gate::modbuslane {

void HeartbeatEchoWatch::observe(quint16 written, quint16 echo, qint64 nowMs) {
    const bool follows = echo == written || (m_lastEcho && *m_lastEcho != echo);
    m_lastEcho = echo;
    if (follows || !m_followedAtMs)
        m_followedAtMs = nowMs;
    m_stale = m_staleMs > 0 && nowMs - *m_followedAtMs >= m_staleMs;
}

} // namespace gate::modbuslane
