#include "vision/mrz/mrzlocator.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace gate::vision {

namespace {

constexpr std::size_t kMaxCandidates = 6;
// A zone's line is far wider than tall and a fair part of the view.
constexpr float kMinAspect = 8.0f;
constexpr float kMinWidthShare = 0.2f;
// Upright strokes longer than this share of the view are page edges.
constexpr float kUprightShare = 0.1f;

cv::RotatedRect widthAlongText(cv::RotatedRect box) {
    if (box.size.height > box.size.width) {
        std::swap(box.size.width, box.size.height);
        box.angle += box.angle < 0 ? 90 : -90;
    }
    return box;
}

} // namespace

std::vector<cv::RotatedRect> locateZoneCandidates(const cv::Mat &gray) {
    if (gray.empty() || gray.cols < 16 || gray.rows < 16)
        return {};
    const double scale = std::min(1.0, static_cast<double>(kLocatorWidth) / gray.cols);
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);

    // Dark glyphs on a lighter page, then strong horizontal changes, merged
    // along each text line. Opening with a flat kernel drops vertical rules
    // and page edges that would join the lines to other structures.
    const cv::Mat glyphKernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(13, 5));
    cv::Mat blackhat;
    cv::morphologyEx(small, blackhat, cv::MORPH_BLACKHAT, glyphKernel);
    cv::Mat gradient;
    cv::Sobel(blackhat, gradient, CV_32F, 1, 0, -1);
    gradient = cv::abs(gradient);
    cv::normalize(gradient, gradient, 0, 255, cv::NORM_MINMAX);
    gradient.convertTo(gradient, CV_8U);
    cv::morphologyEx(gradient, gradient, cv::MORPH_CLOSE, glyphKernel);
    cv::Mat mask;
    cv::threshold(gradient, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(9, 3)));
    // A page edge against a dark background survives as a long upright
    // stroke and would join the zone's lines into one blob; text, even a
    // zone's lines merged together, is far less tall.
    cv::Mat upright;
    cv::morphologyEx(
        mask, upright, cv::MORPH_OPEN,
        cv::getStructuringElement(cv::MORPH_RECT,
                                  cv::Size(1, static_cast<int>(kUprightShare * small.rows))));
    mask &= ~upright;
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(21, 1)));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<cv::RotatedRect> candidates;
    for (const auto &contour : contours) {
        cv::RotatedRect box = widthAlongText(cv::minAreaRect(contour));
        if (box.size.height < 4 || box.size.width < kMinAspect * box.size.height ||
            box.size.width < kMinWidthShare * small.cols)
            continue;
        box.center *= 1.0 / scale;
        box.size.width /= scale;
        box.size.height /= scale;
        candidates.push_back(box);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const cv::RotatedRect &a, const cv::RotatedRect &b) {
                  return a.size.width > b.size.width;
              });
    if (candidates.size() > kMaxCandidates)
        candidates.resize(kMaxCandidates);
    return candidates;
}

} // namespace gate::vision
