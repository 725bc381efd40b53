#pragma once

#include <opencv2/core.hpp>

namespace gate::vision {

// Where the text line sits in a cell image: the top of capitals and the
// baseline, in the cell's rows.
struct LineBand {
    float top = 0;
    float baseline = 0;
    float height() const { return baseline - top; }
};

// The description one cell gets for classification: the glyph's ink, cut to
// its bounding box and scaled to a fixed grid, followed by its size and
// vertical place relative to the line. Templates and read cells both pass
// through this one function, so they compare like for like.
constexpr int kGlyphGridWidth = 12;
constexpr int kGlyphGridHeight = 16;
constexpr int kGlyphFeatureSize = kGlyphGridWidth * kGlyphGridHeight + 3;

// `ink` is CV_8U with ink > 0. Returns a 1 x kGlyphFeatureSize CV_32F row, or
// an empty matrix when the cell holds no glyph.
cv::Mat glyphFeature(const cv::Mat &ink, const LineBand &band);

} // namespace gate::vision
