#pragma once

#include "vision/mrz/civildate.h"
#include "vision/mrz/glyphclassifier.h"
#include "vision/mrz/mrzcorrector.h"

#include <opencv2/core.hpp>

#include <array>
#include <string>
#include <vector>

namespace gate::vision {

// What one frame showed of a machine readable zone.
struct MrzFrameResult {
    bool found = false;             // a zone of text lines was seen
    std::vector<std::string> lines; // characters read, also when not valid
    bool valid = false; // every check digit and format rule holds and no other reading does
    // Advice for the holder when a zone was seen but not read: "hold_still"
    // (blurred), "move_closer" (too small), "glare"; empty otherwise.
    std::string hint;
    std::array<cv::Point2f, 4> quad{}; // zone corners in the frame: TL, TR, BR, BL as read
};

// Finds and reads the MRZ of camera frames or scans. Thread-compatible: one
// instance per camera thread; read() keeps no state between frames.
class MrzReader {
public:
    struct Options {
        // Anchors the century of two-digit years; the system date by default.
        mrz::CivilDate today = systemToday();
        mrz::CorrectionOptions correction;
    };

    MrzReader();
    explicit MrzReader(Options options);

    // `frame`: 8-bit grey, BGR or BGRA, any size.
    MrzFrameResult read(const cv::Mat &frame) const;

    static mrz::CivilDate systemToday();

private:
    struct Attempt;
    Attempt readBlock(const cv::Mat &gray, const cv::RotatedRect &block, bool upsideDown) const;

    Options m_options;
    GlyphClassifier m_classifier;
};

} // namespace gate::vision
