#pragma once

#include "frameanalyser.h"

#include "vision/mrz/mrzconsensus.h"
#include "vision/mrz/mrzreader.h"

namespace gate::camera {

// Reports a passport's MRZ lines as a RawRead of kind MrzLines once two
// consecutive frames agree on a valid reading (vision::MrzConsensus), and
// passes on the reader's advice ("hold_still", "move_closer", "glare").
class MrzAnalyser final : public FrameAnalyser {
public:
    Findings analyse(const CapturedFrame &frame) override;

private:
    vision::MrzReader m_reader;
    vision::MrzConsensus m_consensus;
};

} // namespace gate::camera
