#include "cameraframes.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace gate::mrztest {

namespace {

// splitmix64: a generator whose output is fixed by its seed on every
// platform, unlike the distributions of <random>.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed) {}
    double uniform(double low, double high) {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return low + (high - low) * (static_cast<double>(z >> 11) / 9007199254740992.0);
    }

private:
    std::uint64_t m_state;
};

constexpr double kPi = 3.14159265358979;

} // namespace

cv::Mat cameraFrame(const cv::Mat &page, std::uint64_t seed) {
    return cameraFrame(page, seed, seed);
}

cv::Mat cameraFrame(const cv::Mat &page, std::uint64_t sceneSeed, std::uint64_t noiseSeed) {
    Random random(sceneSeed);
    // Background: a grey gradient from dark to mid grey.
    cv::Mat frame(kFrameHeight, kFrameWidth, CV_8UC3);
    const double backgroundTop = random.uniform(20, 120);
    const double backgroundBottom = random.uniform(20, 120);
    for (int y = 0; y < kFrameHeight; ++y) {
        const double level = backgroundTop + (backgroundBottom - backgroundTop) * y / kFrameHeight;
        frame.row(y).setTo(cv::Scalar::all(level));
    }

    // The page: 70-90% of the frame wide, turned, with its corners pulled
    // for perspective, its bottom edge (the MRZ) inside the frame.
    const double width = kFrameWidth * random.uniform(0.7, 0.9);
    const double height = width * page.rows / page.cols;
    const double angle = random.uniform(-10, 10) * kPi / 180;
    const cv::Point2f centre(
        static_cast<float>(kFrameWidth / 2 + random.uniform(-60, 60)),
        static_cast<float>(kFrameHeight - height / 2 - 40 + random.uniform(-20, 20)));
    const double skew = 0.04 * width;
    std::vector<cv::Point2f> corners;
    const double halfW = width / 2, halfH = height / 2;
    for (const auto &[x, y] : {std::pair{-halfW, -halfH}, std::pair{halfW, -halfH},
                               std::pair{halfW, halfH}, std::pair{-halfW, halfH}}) {
        const double px = x + random.uniform(-skew, skew);
        const double py = y + random.uniform(-skew, skew);
        corners.emplace_back(
            static_cast<float>(centre.x + px * std::cos(angle) - py * std::sin(angle)),
            static_cast<float>(centre.y + px * std::sin(angle) + py * std::cos(angle)));
    }
    const std::vector<cv::Point2f> source = {
        {0, 0},
        {static_cast<float>(page.cols), 0},
        {static_cast<float>(page.cols), static_cast<float>(page.rows)},
        {0, static_cast<float>(page.rows)}};
    const cv::Mat homography = cv::getPerspectiveTransform(source, corners);
    cv::warpPerspective(page, frame, homography, frame.size(), cv::INTER_AREA,
                        cv::BORDER_TRANSPARENT);

    // Uneven light, a glare spot, defocus, sensor noise, JPEG.
    cv::Mat light(frame.size(), CV_32F);
    const double lightLeft = random.uniform(0.7, 1.05), lightRight = random.uniform(0.7, 1.05);
    for (int x = 0; x < kFrameWidth; ++x)
        light.col(x).setTo(lightLeft + (lightRight - lightLeft) * x / kFrameWidth);
    const cv::Point glareCentre(static_cast<int>(random.uniform(0, kFrameWidth)),
                                static_cast<int>(random.uniform(0, kFrameHeight)));
    const double glareRadius = random.uniform(40, 160);
    const double glareStrength = random.uniform(0.2, 0.8);
    cv::Mat glare = cv::Mat::zeros(frame.size(), CV_32F);
    cv::circle(glare, glareCentre, static_cast<int>(glareRadius), cv::Scalar(glareStrength), -1);
    cv::GaussianBlur(glare, glare, cv::Size(), glareRadius / 2);
    cv::Mat lit;
    frame.convertTo(lit, CV_32FC3);
    std::vector<cv::Mat> channels;
    cv::split(lit, channels);
    for (cv::Mat &channel : channels)
        channel = channel.mul(light) + glare * 255;
    cv::merge(channels, lit);
    const double sigma = random.uniform(0, 1.3);
    if (sigma > 0.3)
        cv::GaussianBlur(lit, lit, cv::Size(), sigma);
    cv::Mat noise(lit.size(), CV_32FC3);
    cv::setRNGSeed(static_cast<int>(noiseSeed & 0x7fffffff));
    cv::randn(noise, 0, random.uniform(2, 7));
    lit += noise;
    lit.convertTo(frame, CV_8UC3);

    std::vector<uchar> jpeg;
    cv::imencode(".jpg", frame, jpeg,
                 {cv::IMWRITE_JPEG_QUALITY, static_cast<int>(random.uniform(50, 85))});
    return cv::imdecode(jpeg, cv::IMREAD_COLOR);
}

} // namespace gate::mrztest
