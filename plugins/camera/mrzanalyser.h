#pragma once

#include "frameanalyser.h"

#include "vision/mrz/mrzconsensus.h"
#include "vision/mrz/mrzreader.h"

#include <optional>
#include <string>
#include <vector>

namespace gate::camera {

// Reports a passport's MRZ lines as a RawRead of kind MrzLines once two
// consecutive frames agree on a valid reading (vision::MrzConsensus), and
// passes on the reader's advice ("hold_still", "move_closer", "glare").
// A zone the reader refuses as ambiguous because it cannot tell 0 from O is
// reported with its candidate readings instead (up to three that pass every
// check, the same on two consecutive frames): the passport's chip tells which
// one is true (docs/emrtd.md).
// A page is one presentation while it stays in view: frames without its zone
// for up to `forgetNs` (a hand, glare) do not make it new, so the passenger
// being let through is not read, and refused as already used, a second time.
class MrzAnalyser final : public FrameAnalyser {
public:
    MrzAnalyser(qint64 forgetNs, bool offerCandidates)
        : m_forgetNs(forgetNs)
        , m_offerCandidates(offerCandidates) {}

    Findings analyse(const CapturedFrame &frame) override;

private:
    // The candidates of an ambiguous zone once two frames agree on them.
    std::optional<std::vector<std::vector<std::string>>>
    agreedCandidates(const vision::MrzFrameResult &result);
    bool isReported(const std::vector<std::string> &lines) const;
    hal::RawRead reportPage(std::vector<std::vector<std::string>> readings, qint64 capturedNs);

    vision::MrzReader m_reader;
    vision::MrzConsensus m_consensus;
    qint64 m_forgetNs;
    bool m_offerCandidates;
    // The readings of the current presentation's page: its lines, or its
    // candidates and the reader's own text.
    std::vector<std::vector<std::string>> m_reported;
    qint64 m_reportedSeenNs = 0; // when a zone was last in view with it
    std::vector<std::vector<std::string>> m_previousCandidates; // last frame's, or empty
    mrz::CivilDate m_today = vision::MrzReader::systemToday();  // as the reader's own
};

} // namespace gate::camera
