#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace gate::vision {

// Finds the blocks of an image that look like a machine readable zone: wide
// areas of dense, regular dark print. Works on a copy of about
// kLocatorWidth pixels; returns the blocks in `gray`'s coordinates, widest
// first, with width along the text lines.
constexpr int kLocatorWidth = 800;
std::vector<cv::RotatedRect> locateZoneCandidates(const cv::Mat &gray);

} // namespace gate::vision
