#pragma once

#include "frameanalyser.h"
#include "sightingtracker.h"

#include "vision/barcode/barcodereader.h"

namespace gate::camera {

// Reports each 2D code once per appearance as a RawRead of kind Barcode.
class BarcodeAnalyser final : public FrameAnalyser {
public:
    explicit BarcodeAnalyser(qint64 forgetNs)
        : m_tracker(forgetNs) {}

    Findings analyse(const CapturedFrame &frame) override;

private:
    vision::BarcodeReader m_reader;
    SightingTracker m_tracker;
    unsigned m_frameNumber = 0; // picks the fallback pass of each frame
};

} // namespace gate::camera
