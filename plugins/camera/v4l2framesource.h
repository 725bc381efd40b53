#pragma once

#include "framesource.h"

#include <opencv2/videoio.hpp>

namespace gate::camera {

// A UVC/V4L2 camera through OpenCV, asking for the configured size and rate.
class V4l2FrameSource final : public FrameSource {
public:
    explicit V4l2FrameSource(const CameraSettings &settings)
        : m_settings(settings) {}

    bool open(QString *error) override;
    Status next(cv::Mat &frame, QString *error) override;

private:
    CameraSettings m_settings;
    cv::VideoCapture m_capture;
};

} // namespace gate::camera
