#include "mrzanalyser.h"

namespace gate::camera {

FrameAnalyser::Findings MrzAnalyser::analyse(const CapturedFrame &frame) {
    Findings findings;
    const vision::MrzFrameResult result = m_reader.read(frame.image);
    findings.hint = QString::fromStdString(result.hint);
    if (const auto lines = m_consensus.offer(result)) {
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
