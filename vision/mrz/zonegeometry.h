#pragma once

#include "vision/mrz/glyphfeature.h"

#include <opencv2/core.hpp>

#include <array>
#include <optional>
#include <vector>

namespace gate::vision {

// A located zone cut out of the frame, rotated upright and scaled so that
// capitals are about kUprightCapHeight pixels tall, with its ink mask.
constexpr float kUprightCapHeight = 28.0f;

struct UprightZone {
    cv::Mat gray;
    cv::Mat ink;      // CV_8U, 255 where printed
    cv::Mat toFrame;  // 2x3 affine: upright pixel -> frame pixel
    float frameScale; // upright pixels per frame pixel
};

// One text line of the zone in upright coordinates.
struct TextLine {
    float top = 0;      // capital top
    float baseline = 0; // capital bottom
    float left = 0;     // first ink column
    float right = 0;    // last ink column
    int glyphs = 0;     // connected components seen on the line
    float height() const { return baseline - top; }
};

// Cuts `block` (a rectangle along the text, in frame coordinates) out of
// `gray`, finds its residual skew from the glyph centres and removes it;
// `upsideDown` turns the result by 180 degrees.
std::optional<UprightZone> uprightZone(const cv::Mat &gray, const cv::RotatedRect &block,
                                       bool upsideDown);

// The two or three parallel, equally long text lines that form the zone,
// top to bottom; empty when there are none.
std::vector<TextLine> zoneLines(const UprightZone &zone);

// Splits a line into `cells` fixed-pitch cells, fitting pitch and offset to
// the ink projection, and returns each cell's glyph feature (an empty row
// where a cell holds no glyph).
cv::Mat lineCellFeatures(const UprightZone &zone, const TextLine &line, int cells);

} // namespace gate::vision
