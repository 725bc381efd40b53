#pragma once

#include "frameanalyser.h"

#include "vision/mrz/mrzconsensus.h"
#include "vision/mrz/mrzreader.h"

#include <string>
#include <vector>

namespace gate::camera {

// Reports a passport's MRZ lines as a RawRead of kind MrzLines once two
// consecutive frames agree on a valid reading (vision::MrzConsensus), and
// passes on the reader's advice ("hold_still", "move_closer", "glare").
// A page is one presentation while it stays in view: frames without its zone
// for up to `forgetNs` (a hand, glare) do not make it new, so the passenger
// being let through is not read, and refused as already used, a second time.
class MrzAnalyser final : public FrameAnalyser {
public:
    explicit MrzAnalyser(qint64 forgetNs)
        : m_forgetNs(forgetNs) {}

    Findings analyse(const CapturedFrame &frame) override;

private:
    vision::MrzReader m_reader;
    vision::MrzConsensus m_consensus;
    qint64 m_forgetNs;
    std::vector<std::string> m_reported; // the page of the current presentation
    qint64 m_reportedSeenNs = 0;         // when a zone was last in view with it
};

} // namespace gate::camera
