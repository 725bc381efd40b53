#include "vision/grayframe.h"

#include <opencv2/imgproc.hpp>

namespace gate::vision {

cv::Mat toGray(const cv::Mat &frame) {
    if (frame.empty())
        return {};
    cv::Mat eightBit = frame;
    if (frame.depth() != CV_8U)
        frame.convertTo(eightBit, CV_8U, frame.depth() == CV_16U ? 1.0 / 256.0 : 1.0);
    switch (eightBit.channels()) {
    case 1:
        return eightBit;
    case 3: {
        cv::Mat gray;
        cv::cvtColor(eightBit, gray, cv::COLOR_BGR2GRAY);
        return gray;
    }
    case 4: {
        cv::Mat gray;
        cv::cvtColor(eightBit, gray, cv::COLOR_BGRA2GRAY);
        return gray;
    }
    default:
        return {};
    }
}

} // namespace gate::vision
