#pragma once

#include "hal/rawread.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace gate::camera {

// One frame as the capture thread delivered it.
struct CapturedFrame {
    cv::Mat image;
    qint64 capturedNs = 0; // monotonic (QElapsedTimer clock)
};

// One vision reader run on every analysed frame (barcodes, MRZ). Analysers
// run on the camera's worker thread only and may keep state across frames.
class FrameAnalyser {
public:
    struct Findings {
        std::vector<hal::RawRead> reads; // new reads only: already-reported ones are left out
        QString hint;                    // "glare", "hold_still", ... or empty
    };

    virtual ~FrameAnalyser() = default;
    virtual Findings analyse(const CapturedFrame &frame) = 0;
};

} // namespace gate::camera
