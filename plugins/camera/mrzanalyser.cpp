#include "mrzanalyser.h"

#include "mrzcandidates.h"

#include <algorithm>

namespace gate::camera {

namespace {

QStringList qtLines(const std::vector<std::string> &lines) {
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out;
}

} // namespace

FrameAnalyser::Findings MrzAnalyser::analyse(const CapturedFrame &frame) {
    Findings findings;
    const vision::MrzFrameResult result = m_reader.read(frame.image);
    findings.hint = QString::fromStdString(result.hint);
    if (!m_reported.empty()) {
        if (frame.capturedNs - m_reportedSeenNs > m_forgetNs ||
            (result.valid && !isReported(result.lines)))
            m_reported.clear(); // gone long enough, or another page
        else if (result.found)
            m_reportedSeenNs = frame.capturedNs;
    }
    if (const auto lines = m_consensus.offer(result); lines && !isReported(*lines)) {
        findings.reads.push_back(reportPage({*lines}, frame.capturedNs));
        findings.reads.back().mrzLines = qtLines(*lines);
    } else if (auto candidates = agreedCandidates(result);
               candidates && !isReported(result.lines)) {
        hal::RawRead read = reportPage(*candidates, frame.capturedNs);
        for (const std::vector<std::string> &candidate : *candidates)
            read.mrzCandidates << qtLines(candidate);
        // A later frame reading the page unambiguously is the same page.
        m_reported.push_back(result.lines);
        findings.reads.push_back(std::move(read));
    }
    return findings;
}

std::optional<std::vector<std::vector<std::string>>>
MrzAnalyser::agreedCandidates(const vision::MrzFrameResult &result) {
    std::vector<std::vector<std::string>> candidates;
    if (m_offerCandidates && result.found && !result.valid && !result.lines.empty())
        candidates = zeroOrLetterOReadings(result.lines, m_today, hal::kMaxMrzCandidates);
    const bool agreed = !candidates.empty() && candidates == m_previousCandidates;
    m_previousCandidates = std::move(candidates);
    if (!agreed)
        return std::nullopt;
    return m_previousCandidates;
}

bool MrzAnalyser::isReported(const std::vector<std::string> &lines) const {
    return std::find(m_reported.cbegin(), m_reported.cend(), lines) != m_reported.cend();
}

hal::RawRead MrzAnalyser::reportPage(std::vector<std::vector<std::string>> readings,
                                     qint64 capturedNs) {
    m_reported = std::move(readings);
    m_reportedSeenNs = capturedNs;
    hal::RawRead read;
    read.kind = hal::RawRead::Kind::MrzLines;
    read.availableNs = capturedNs;
    return read;
}

} // namespace gate::camera
