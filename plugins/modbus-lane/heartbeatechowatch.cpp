#include "heartbeatechowatch.h"

#include <algorithm>

namespace gate::modbuslane {

void HeartbeatEchoWatch::observe(quint16 written, quint16 echo) {
    const bool follows = echo == written || (m_lastEcho && *m_lastEcho != echo);
    m_lastEcho = echo;
    // Capped, so that a lane hung for years does not overflow the count.
    m_pollsBehind = follows ? 0 : std::min(m_pollsBehind + 1, m_stalePolls);
}

} // namespace gate::modbuslane
