#pragma once

#include "vision/mrz/mrzreader.h"

#include <optional>
#include <string>
#include <vector>

namespace gate::vision {

// Accepts a zone only when two consecutive frames read it valid and
// identical, so one lucky misread never becomes a passenger's identity. Once
// accepted, the same zone is not accepted again until it leaves the view.
class MrzConsensus {
public:
    // Returns the accepted lines when this frame completes an agreement.
    std::optional<std::vector<std::string>> offer(const MrzFrameResult &frame);
    void reset();

private:
    std::vector<std::string> m_previous; // last frame's valid read, or empty
    bool m_accepted = false;             // m_previous was already accepted
};

} // namespace gate::vision
