#include "barcodeanalyser.h"

#include "vision/grayframe.h"

#include <opencv2/imgproc.hpp>

namespace gate::camera {

namespace {

// A code that cannot be read while a sizeable part of the frame is burnt
// out is most likely hidden under a reflection.
bool showsGlare(const cv::Mat &frame) {
    const cv::Mat gray = vision::toGray(frame);
    if (gray.empty())
        return false;
    cv::Mat small;
    cv::resize(gray, small, {}, 0.25, 0.25, cv::INTER_AREA);
    const double saturated = double(cv::countNonZero(small >= 250)) / double(small.total());
    return saturated > 0.03;
}

} // namespace

FrameAnalyser::Findings BarcodeAnalyser::analyse(const CapturedFrame &frame) {
    Findings findings;
    const std::vector<vision::Barcode> codes =
        m_reader.readStreamFrame(frame.image, m_frameNumber++);
    m_tracker.expire(frame.capturedNs);
    for (const vision::Barcode &code : codes) {
        const QString text = QString::fromStdString(code.text);
        const QString format = QString::fromStdString(code.format);
        if (!m_tracker.sighted(format + QLatin1Char('\n') + text, frame.capturedNs))
            continue;
        hal::RawRead read;
        read.kind = hal::RawRead::Kind::Barcode;
        read.text = text;
        read.bytes = QByteArray(reinterpret_cast<const char *>(code.bytes.data()),
                                qsizetype(code.bytes.size()));
        read.symbology = format;
        read.availableNs = frame.capturedNs;
        findings.reads.push_back(std::move(read));
    }
    if (codes.empty() && showsGlare(frame.image))
        findings.hint = QStringLiteral("glare");
    return findings;
}

} // namespace gate::camera
