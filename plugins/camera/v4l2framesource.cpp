#include "v4l2framesource.h"

namespace gate::camera {

bool V4l2FrameSource::open(QString *error) {
    m_capture.release();
    if (!m_capture.open(m_settings.path.toStdString(), cv::CAP_V4L2)) {
        *error = QStringLiteral("cannot open %1").arg(m_settings.path);
        return false;
    }
    m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_settings.width);
    m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_settings.height);
    m_capture.set(cv::CAP_PROP_FPS, m_settings.fps);
    // One buffer: a frame that waited in a queue is a stale frame.
    m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1);
    return true;
}

FrameSource::Status V4l2FrameSource::next(cv::Mat &frame, QString *error) {
    if (!m_capture.isOpened() || !m_capture.read(frame) || frame.empty()) {
        *error = QStringLiteral("no frame from %1").arg(m_settings.path);
        return Status::Failed;
    }
    return Status::Frame;
}

} // namespace gate::camera
