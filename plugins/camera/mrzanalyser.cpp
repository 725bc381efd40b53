#include "mrzanalyser.h"

namespace gate::camera {

FrameAnalyser::Findings MrzAnalyser::analyse(const CapturedFrame &frame) {
    Findings findings;
    const vision::MrzFrameResult result = m_reader.read(frame.image);
    findings.hint = QString::fromStdString(result.hint);
    if (!m_reported.empty()) {
        if (frame.capturedNs - m_reportedSeenNs > m_forgetNs ||
            (result.valid && result.lines != m_reported))
            m_reported.clear(); // gone long enough, or another page
        else if (result.found)
            m_reportedSeenNs = frame.capturedNs;
    }
    if (const auto lines = m_consensus.offer(result); lines && *lines != m_reported) {
        m_reported = *lines;
        m_reportedSeenNs = frame.capturedNs;
        hal::RawRead read;
        read.kind = hal::RawRead::Kind::MrzLines;
        for (const std::string &line : *lines)
            read.mrzLines << QString::fromStdString(line);
        read.availableNs = frame.capturedNs;
        findings.reads.push_back(std::move(read));
    }
    return findings;
}

} // namespace gate::camera
