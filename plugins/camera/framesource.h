#pragma once

#include "camerasettings.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <memory>

namespace gate::camera {

// Where frames come from: a V4L2 camera, or recorded images or video played
// back at the configured rate. Used by the capture thread only.
class FrameSource {
public:
    enum class Status { Frame, Ended, Failed };

    virtual ~FrameSource() = default;
    virtual bool open(QString *error) = 0;
    // Blocks until the next frame is due (at most about one frame period).
    virtual Status next(cv::Mat &frame, QString *error) = 0;
};

std::unique_ptr<FrameSource> makeFrameSource(const CameraSettings &settings);

} // namespace gate::camera
