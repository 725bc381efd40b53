#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace gate::vision {

// Finds the text lines of an image that look like those of a machine readable
// zone: long runs of dense, regular dark print. Works on a copy of about
// kLocatorWidth pixels; returns the lines in `gray`'s coordinates, widest
// first, with width along the text lines.
constexpr int kLocatorWidth = 800;
std::vector<cv::RotatedRect> locateZoneCandidates(const cv::Mat &gray);

} // namespace gate::vision
