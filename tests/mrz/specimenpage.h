#pragma once

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace gate::mrztest {

// Where the OCR-B font of the Debian package fonts-ocr-b lives.
constexpr const char *kOcrbFontPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

// A document page drawn by the test itself: some printed fields in a
// different size and the MRZ lines at the bottom in OCR-B, capitals
// `capHeight` pixels tall. Empty when the font cannot be loaded.
cv::Mat specimenPage(const std::vector<std::string> &mrzLines, int capHeight = 30);

} // namespace gate::mrztest
