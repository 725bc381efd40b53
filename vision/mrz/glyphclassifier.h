#pragma once

#include "vision/mrz/mrzcorrector.h"

#include <opencv2/core.hpp>

#include <vector>

namespace gate::vision {

// Nearest-template classification of MRZ glyphs against the OCR-B templates
// the build renders: a cell's cost for a character is its feature distance to
// the closest template of that character.
class GlyphClassifier {
public:
    GlyphClassifier();

    // `features`: one glyphFeature() row per cell (CV_32F). A cell whose row is
    // all zero (no glyph found) gets equal costs for every character.
    std::vector<mrz::CellCosts> classify(const cv::Mat &features) const;

private:
    cv::Mat m_templates;         // templates x kGlyphFeatureSize
    cv::Mat m_templatesByColumn; // kGlyphFeatureSize x templates
    cv::Mat m_templateNorms;     // 1 x templates: squared norms
    std::vector<int> m_label;    // template -> index into mrz::kAlphabet
};

} // namespace gate::vision
