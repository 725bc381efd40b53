#include "vision/mrz/mrzconsensus.h"

namespace gate::vision {

std::optional<std::vector<std::string>> MrzConsensus::offer(const MrzFrameResult &frame) {
    if (!frame.found) {
        reset();
        return std::nullopt;
    }
    if (!frame.valid) {
        // A blurred frame between two reads of a zone still in view breaks
        // the agreement but keeps an accepted zone from being accepted again.
        if (!m_accepted)
            m_previous.clear();
        return std::nullopt;
    }
    if (frame.lines == m_previous) {
        if (m_accepted)
            return std::nullopt;
        m_accepted = true;
        return m_previous;
    }
    m_previous = frame.lines;
    m_accepted = false;
    return std::nullopt;
}

void MrzConsensus::reset() {
    m_previous.clear();
    m_accepted = false;
}

} // namespace gate::vision
