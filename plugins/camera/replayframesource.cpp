#include "replayframesource.h"

#include <QDir>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

#include <thread>

namespace gate::camera {

bool ReplayFrameSource::open(QString *error) {
    m_images.clear();
    if (QFileInfo(m_settings.path).isDir()) {
        const QDir dir(m_settings.path);
        for (const QString &name : dir.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg"),
                                                  QStringLiteral("*.jpeg"), QStringLiteral("*.bmp"),
                                                  QStringLiteral("*.pgm"), QStringLiteral("*.ppm")},
                                                 QDir::Files, QDir::Name))
            m_images << dir.absoluteFilePath(name);
        if (m_images.isEmpty()) {
            *error = QStringLiteral("%1 holds no images").arg(m_settings.path);
            return false;
        }
    } else if (!m_video.open(m_settings.path.toStdString())) {
        *error = QStringLiteral("%1 is neither an image folder nor a readable video")
                     .arg(m_settings.path);
        return false;
    }
    m_nextImage = 0;
    m_due = std::chrono::steady_clock::now();
    return true;
}

FrameSource::Status ReplayFrameSource::next(cv::Mat &frame, QString *error) {
    std::this_thread::sleep_until(m_due);
    m_due += std::chrono::microseconds(1'000'000 / m_settings.fps);
    if (!m_images.isEmpty()) {
        if (m_nextImage >= m_images.size()) {
            if (!m_settings.loop)
                return Status::Ended;
            m_nextImage = 0;
        }
        const QString path = m_images[m_nextImage++];
        frame = cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
        if (frame.empty()) {
            *error = QStringLiteral("cannot decode %1").arg(path);
            return Status::Failed;
        }
        return Status::Frame;
    }
    if (m_video.read(frame) && !frame.empty())
        return Status::Frame;
    if (!m_settings.loop)
        return Status::Ended;
    m_video.set(cv::CAP_PROP_POS_FRAMES, 0);
    if (m_video.read(frame) && !frame.empty())
        return Status::Frame;
    *error = QStringLiteral("cannot read a frame from %1").arg(m_settings.path);
    return Status::Failed;
}

} // namespace gate::camera
