#pragma once

#include "framesource.h"

#include <QStringList>

#include <opencv2/videoio.hpp>

#include <chrono>

namespace gate::camera {

// Recorded frames played back as if a camera delivered them: the images of a
// folder in name order, or a video file, one frame per 1/fps, from the start
// again when "loop" is set.
class ReplayFrameSource final : public FrameSource {
public:
    explicit ReplayFrameSource(const CameraSettings &settings)
        : m_settings(settings) {}

    bool open(QString *error) override;
    Status next(cv::Mat &frame, QString *error) override;

private:
    CameraSettings m_settings;
    QStringList m_images; // empty when playing a video file
    qsizetype m_nextImage = 0;
    cv::VideoCapture m_video;
    std::chrono::steady_clock::time_point m_due;
};

} // namespace gate::camera
