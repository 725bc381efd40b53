#include "facepixels.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace gate::emrtdreader {

namespace {

// ICAO photos are a few hundred pixels wide; anything far larger is no face
// and would only cost memory on the way to the service panel.
constexpr int kMaxSide = 2048;

} // namespace

void decodeFace(const emrtd::FaceImage &face, hal::ChipReading *reading) {
    if (face.image.empty())
        return;
    const cv::Mat encoded(1, int(face.image.size()), CV_8UC1,
                          const_cast<std::uint8_t *>(face.image.data()));
    cv::Mat bgr;
    try {
        bgr = cv::imdecode(encoded, cv::IMREAD_COLOR);
    } catch (const cv::Exception &) {
        return; // a codec that refuses hostile bytes: no face, nothing else lost
    }
    if (bgr.empty() || bgr.cols > kMaxSide || bgr.rows > kMaxSide)
        return;
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    reading->faceRgb.resize(qsizetype(rgb.total() * rgb.elemSize()));
    for (int row = 0; row < rgb.rows; ++row)
        std::memcpy(reading->faceRgb.data() + qsizetype(row) * rgb.cols * 3, rgb.ptr(row),
                    std::size_t(rgb.cols) * 3);
    reading->faceWidth = rgb.cols;
    reading->faceHeight = rgb.rows;
}

} // namespace gate::emrtdreader
