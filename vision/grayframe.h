#pragma once

#include <opencv2/core/mat.hpp>

namespace gate::vision {

// An 8-bit single-channel view of any camera frame (gray, BGR, BGRA): the
// input every reader works on. Shares the data when the frame is gray already.
cv::Mat toGray(const cv::Mat &frame);

} // namespace gate::vision
