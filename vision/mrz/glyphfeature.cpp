#include "vision/mrz/glyphfeature.h"

#include <opencv2/imgproc.hpp>

namespace gate::vision {

namespace {

// Geometry weighs as much as a few grid cells, so '<' (short, centred) and a
// stretched letter stay apart even when their grids look alike.
constexpr float kGeometryWeight = 4.0f;
// Specks smaller than this share of the largest component are noise or a
// neighbour's stroke reaching into the cell.
constexpr double kMinComponentShare = 0.15;
constexpr double kEdgeShare = 0.15;

cv::Rect glyphBox(const cv::Mat &ink) {
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    int largest = 0;
    for (int i = 1; i < count; ++i)
        largest = std::max(largest, stats.at<int>(i, cv::CC_STAT_AREA));
    if (largest < 3)
        return {};
    cv::Rect box;
    for (int i = 1; i < count; ++i) {
        // A neighbour's stroke reaching into the cell sits at its edge.
        const double centre =
            stats.at<int>(i, cv::CC_STAT_LEFT) + stats.at<int>(i, cv::CC_STAT_WIDTH) / 2.0;
        if (stats.at<int>(i, cv::CC_STAT_AREA) < kMinComponentShare * largest ||
            centre < kEdgeShare * ink.cols || centre > (1 - kEdgeShare) * ink.cols)
            continue;
        const cv::Rect part(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                            stats.at<int>(i, cv::CC_STAT_WIDTH),
                            stats.at<int>(i, cv::CC_STAT_HEIGHT));
        box = box.empty() ? part : (box | part);
    }
    return box;
}

} // namespace

cv::Mat glyphFeature(const cv::Mat &ink, const LineBand &band) {
    if (ink.empty() || band.height() <= 1)
        return {};
    const cv::Rect box = glyphBox(ink);
    if (box.empty())
        return {};
    cv::Mat feature(1, kGlyphFeatureSize, CV_32F);
    cv::Mat grid(kGlyphGridHeight, kGlyphGridWidth, CV_32F, feature.ptr<float>());
    cv::Mat scaled;
    cv::resize(ink(box), scaled, grid.size(), 0, 0, cv::INTER_AREA);
    scaled.convertTo(grid, CV_32F, 1.0 / 255);
    float *geometry = feature.ptr<float>() + kGlyphGridWidth * kGlyphGridHeight;
    const float height = band.height();
    geometry[0] = kGeometryWeight * box.width / height;
    geometry[1] = kGeometryWeight * box.height / height;
    const float centre = box.y + box.height / 2.0f;
    geometry[2] = kGeometryWeight * (centre - (band.top + band.baseline) / 2) / height;
    return feature;
}

} // namespace gate::vision
