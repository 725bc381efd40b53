#include "vision/mrz/zonegeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace gate::vision {

namespace {

constexpr float kPi = 3.14159265f;
// Residual skew searched after the block's own angle, in degrees.
constexpr float kMaxResidualSkew = 4.0f;
constexpr float kSkewStep = 0.2f;
// A text line of the zone has at least this many glyphs (TD1 has 30).
constexpr int kMinGlyphsPerLine = 20;

struct Glyph {
    cv::Rect box;
    cv::Point2f centre() const { return {box.x + box.width / 2.0f, box.y + box.height / 2.0f}; }
};

int greyPercentile(const cv::Mat &gray, double share) {
    int histogram[256] = {};
    for (int y = 0; y < gray.rows; ++y) {
        const uchar *row = gray.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; ++x)
            ++histogram[row[x]];
    }
    const double wanted = share * gray.total();
    double seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[level];
        if (seen >= wanted)
            return level;
    }
    return 255;
}

cv::Mat binarise(const cv::Mat &gray) {
    // Ink is darker than its surroundings by a good part of the zone's
    // contrast, and darker than the middle grey of its neighbourhood:
    // textured security print passes the first test but rarely the second.
    // The middle grey is local so that glyphs under a glare or in a shadow,
    // lighter or darker than the zone's ink elsewhere, still count.
    const int low = greyPercentile(gray, 0.05);
    const int high = greyPercentile(gray, 0.95);
    const double offset = std::max(4.0, 0.2 * (high - low));
    const int block = static_cast<int>(kUprightCapHeight * 1.5) | 1;
    cv::Mat ink;
    cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                          offset);
    const int reach = static_cast<int>(kUprightCapHeight * 3) | 1;
    const cv::Mat neighbourhood = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(reach, reach));
    cv::Mat darkest, lightest;
    cv::erode(gray, darkest, neighbourhood);
    cv::dilate(gray, lightest, neighbourhood);
    cv::Mat middle;
    cv::addWeighted(darkest, 0.5, lightest, 0.5, 0, middle);
    ink &= gray < middle;
    ink &= (lightest - darkest) > 0.35 * (high - low);
    return ink;
}

// Connected components the size of MRZ glyphs.
std::vector<Glyph> glyphs(const cv::Mat &ink) {
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<Glyph> found;
    for (int i = 1; i < count; ++i) {
        const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                           stats.at<int>(i, cv::CC_STAT_WIDTH),
                           stats.at<int>(i, cv::CC_STAT_HEIGHT));
        if (box.height >= 0.3f * kUprightCapHeight && box.height <= 2.0f * kUprightCapHeight &&
            box.width <= 2.0f * kUprightCapHeight)
            found.push_back({box});
    }
    return found;
}

// The rotation (degrees) that lines the glyph centres up in the fewest rows.
float residualSkew(const std::vector<Glyph> &found, cv::Size size) {
    const float binHeight = kUprightCapHeight / 4;
    const int bins = static_cast<int>(size.height / binHeight) + 8;
    float bestAngle = 0;
    double bestScore = -1;
    std::vector<int> histogram(bins);
    for (float angle = -kMaxResidualSkew; angle <= kMaxResidualSkew + 1e-3f; angle += kSkewStep) {
        const float slope = std::tan(angle * kPi / 180);
        std::fill(histogram.begin(), histogram.end(), 0);
        for (const Glyph &glyph : found) {
            const cv::Point2f c = glyph.centre();
            const float y = c.y - (c.x - size.width / 2.0f) * slope;
            const int bin = static_cast<int>(y / binHeight) + 4;
            if (bin >= 0 && bin < bins)
                ++histogram[bin];
        }
        double score = 0;
        for (const int n : histogram)
            score += static_cast<double>(n) * n;
        if (score > bestScore) {
            bestScore = score;
            bestAngle = angle;
        }
    }
    return bestAngle;
}

UprightZone warp(const cv::Mat &gray, const cv::RotatedRect &block, float extraAngle,
                 bool upsideDown) {
    // The locator's block may be a single eroded line of the zone: estimate
    // the glyph size from its length (about 40 capitals long) and take enough
    // rows around it for all lines of a TD1 card.
    const float capHeight = std::max(2.0f, block.size.width / 40.0f);
    const float scale = std::clamp(kUprightCapHeight / capHeight, 0.25f, 4.0f);
    const cv::Size size(static_cast<int>((block.size.width + 3 * capHeight) * scale),
                        static_cast<int>((block.size.height + 9 * capHeight) * scale));
    const float angle = block.angle + extraAngle + (upsideDown ? 180.0f : 0.0f);
    cv::Mat toUpright = cv::getRotationMatrix2D(block.center, angle, scale);
    toUpright.at<double>(0, 2) += size.width / 2.0 - block.center.x;
    toUpright.at<double>(1, 2) += size.height / 2.0 - block.center.y;
    UprightZone zone;
    cv::warpAffine(gray, zone.gray, toUpright, size, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::invertAffineTransform(toUpright, zone.toFrame);
    zone.frameScale = scale;
    zone.ink = binarise(zone.gray);
    return zone;
}

float median(std::vector<float> values) {
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// Drops components at either end of a row that sit further from their
// neighbour than the zone's fixed pitch allows: background print, not glyphs.
std::vector<Glyph> regularRun(std::vector<Glyph> members) {
    std::sort(members.begin(), members.end(),
              [](const Glyph &a, const Glyph &b) { return a.box.x < b.box.x; });
    std::vector<float> gaps;
    for (std::size_t i = 1; i < members.size(); ++i)
        gaps.push_back(members[i].centre().x - members[i - 1].centre().x);
    std::vector<float> sortedGaps = gaps;
    std::sort(sortedGaps.begin(), sortedGaps.end());
    const float limit = 1.8f * sortedGaps[sortedGaps.size() / 2];
    std::size_t first = 0;
    std::size_t last = members.size() - 1;
    while (first < last && gaps[first] > limit)
        ++first;
    while (last > first && gaps[last - 1] > limit)
        --last;
    return {members.begin() + first, members.begin() + last + 1};
}

TextLine describeLine(const std::vector<Glyph> &row) {
    const std::vector<Glyph> members = regularRun(row);
    TextLine line;
    line.glyphs = static_cast<int>(members.size());
    std::vector<float> heights;
    for (const Glyph &glyph : members)
        heights.push_back(static_cast<float>(glyph.box.height));
    std::sort(heights.begin(), heights.end());
    // Capitals and digits are the tall glyphs; fillers are shorter.
    const float tall = 0.8f * heights[heights.size() * 9 / 10];
    std::vector<float> tops, bottoms;
    line.left = 1e9f;
    line.right = -1e9f;
    for (const Glyph &glyph : members) {
        line.left = std::min(line.left, static_cast<float>(glyph.box.x));
        line.right = std::max(line.right, static_cast<float>(glyph.box.br().x));
        if (glyph.box.height >= tall) {
            tops.push_back(static_cast<float>(glyph.box.y));
            bottoms.push_back(static_cast<float>(glyph.box.br().y));
        }
    }
    line.top = median(tops);
    line.baseline = median(bottoms);
    return line;
}

bool sameExtent(const TextLine &a, const TextLine &b) {
    const float tolerance = 1.5f * std::max(a.height(), b.height());
    return std::abs(a.left - b.left) < tolerance && std::abs(a.right - b.right) < tolerance &&
           std::abs(a.height() - b.height()) < 0.2f * std::max(a.height(), b.height());
}

float interpolate(const std::vector<float> &profile, float x) {
    if (x <= 0)
        return profile.front();
    if (x >= profile.size() - 1)
        return profile.back();
    const int i = static_cast<int>(x);
    const float t = x - i;
    return profile[i] * (1 - t) + profile[i + 1] * t;
}

// Cell centres along a line: the first and the last glyph's centres with the
// cells between spaced as a plane seen in perspective spaces them: a line
// that recedes prints its cells smaller towards its far end. `recession` is
// the square root of the pitch at the last cell over the pitch at the first.
struct CellGrid {
    float first = 0;
    float last = 0;
    float recession = 1;
    int cells = 1;
    float centre(float k) const {
        const float t = k / (cells - 1);
        return first + (last - first) * t / (t + recession * (1 - t));
    }
    float boundary(int k) const { return centre(k - 0.5f); }
};

// Boundaries fall in the gaps between glyphs: the best grid puts the least
// ink on them and the most on the cell centres.
float gridScore(const std::vector<float> &profile, const CellGrid &grid) {
    float score = 0;
    for (int k = 0; k <= grid.cells; ++k)
        score -= interpolate(profile, grid.boundary(k));
    for (int k = 0; k < grid.cells; ++k)
        score += 0.3f * interpolate(profile, grid.centre(static_cast<float>(k)));
    return score;
}

// A full line starts with a glyph at its left end and ends with one at its
// right end, so the end centres sit a third of a pitch or so inside the
// line's extent; the search stays near there. The recession covers pitches
// that differ by up to a third from one end of the line to the other, which
// a page turned well away from the camera shows.
CellGrid fitGrid(const std::vector<float> &profile, const TextLine &line, int cells) {
    constexpr float kMaxRecession = 1.15f;
    constexpr int kRecessionSteps = 8;
    const float pitch = (line.right - line.left) / (cells - 0.4f);
    CellGrid best{line.left + 0.3f * pitch, line.right - 0.3f * pitch, 1, cells};
    float bestScore = gridScore(profile, best);
    const CellGrid nominal = best;
    for (float first = -0.15f; first <= 0.15f; first += 0.025f) {
        for (float last = -0.15f; last <= 0.15f; last += 0.025f) {
            for (int step = -kRecessionSteps; step <= kRecessionSteps; ++step) {
                const CellGrid grid{nominal.first + first * pitch, nominal.last + last * pitch,
                                    std::pow(kMaxRecession, step / float(kRecessionSteps)), cells};
                const float score = gridScore(profile, grid);
                if (score > bestScore) {
                    bestScore = score;
                    best = grid;
                }
            }
        }
    }
    return best;
}

// The grid is right on average; each boundary then moves to the middle of
// the emptiest gap within a fifth of a pitch, which absorbs what perspective
// and lens leave of uneven spacing.
std::vector<int> snapToGaps(const std::vector<float> &profile, const CellGrid &grid, int cells) {
    const int last = static_cast<int>(profile.size()) - 1;
    const float pitch = (grid.last - grid.first) / (cells - 1);
    const int reach = std::max(1, static_cast<int>(0.2f * pitch));
    std::vector<int> boundaries;
    for (int k = 0; k <= cells; ++k) {
        const int predicted = std::clamp(static_cast<int>(std::lround(grid.boundary(k))), 0, last);
        const int from = std::max(0, predicted - reach);
        const int to = std::min(last, predicted + reach);
        int emptiest = predicted;
        for (int x = from; x <= to; ++x) {
            if (profile[x] < profile[emptiest] ||
                (profile[x] == profile[emptiest] &&
                 std::abs(x - predicted) < std::abs(emptiest - predicted)))
                emptiest = x;
        }
        int runStart = emptiest, runEnd = emptiest;
        while (runStart > from && profile[runStart - 1] <= profile[emptiest])
            --runStart;
        while (runEnd < to && profile[runEnd + 1] <= profile[emptiest])
            ++runEnd;
        boundaries.push_back((runStart + runEnd + 1) / 2);
    }
    for (int k = 1; k <= cells; ++k)
        boundaries[k] = std::max(boundaries[k], boundaries[k - 1]);
    return boundaries;
}

} // namespace

std::optional<UprightZone> uprightZone(const cv::Mat &gray, const cv::RotatedRect &block,
                                       bool upsideDown) {
    if (block.size.width < 8 || block.size.height < 2)
        return std::nullopt;
    const UprightZone first = warp(gray, block, 0, upsideDown);
    if (first.gray.cols < 16 || first.gray.rows < 8)
        return std::nullopt;
    const auto found = glyphs(first.ink);
    if (found.size() < kMinGlyphsPerLine)
        return std::nullopt;
    const float skew = residualSkew(found, first.ink.size());
    if (std::abs(skew) < kSkewStep / 2)
        return first;
    return warp(gray, block, skew, upsideDown);
}

std::vector<TextLine> zoneLines(const UprightZone &zone) {
    auto found = glyphs(zone.ink);
    std::sort(found.begin(), found.end(),
              [](const Glyph &a, const Glyph &b) { return a.centre().y < b.centre().y; });
    // Group glyphs into rows by their centres.
    std::vector<TextLine> rows;
    std::vector<Glyph> members;
    float rowCentre = 0;
    const auto closeRow = [&] {
        if (static_cast<int>(members.size()) >= kMinGlyphsPerLine) {
            const TextLine line = describeLine(members);
            if (line.glyphs >= kMinGlyphsPerLine)
                rows.push_back(line);
        }
        members.clear();
    };
    for (const Glyph &glyph : found) {
        if (!members.empty() && glyph.centre().y - rowCentre > 0.5f * kUprightCapHeight)
            closeRow();
        members.push_back(glyph);
        rowCentre = glyph.centre().y;
    }
    closeRow();

    // The zone is the lowest run of two or three rows of one length.
    for (int count : {3, 2}) {
        for (int first = static_cast<int>(rows.size()) - count; first >= 0; --first) {
            bool aligned = true;
            for (int i = first + 1; i < first + count; ++i)
                aligned = aligned && sameExtent(rows[first], rows[i]);
            if (aligned)
                return {rows.begin() + first, rows.begin() + first + count};
        }
    }
    return {};
}

cv::Mat lineCellFeatures(const UprightZone &zone, const TextLine &line, int cells) {
    const float height = line.height();
    const int stripTop = std::max(0, static_cast<int>(line.top - 0.35f * height));
    const int stripBottom =
        std::min(zone.ink.rows, static_cast<int>(std::ceil(line.baseline + 0.35f * height)));
    cv::Mat features = cv::Mat::zeros(cells, kGlyphFeatureSize, CV_32F);
    if (height < 4 || stripBottom - stripTop < 4)
        return features;
    const cv::Mat strip = zone.ink.rowRange(stripTop, stripBottom);
    cv::Mat columnSums;
    cv::reduce(strip, columnSums, 0, cv::REDUCE_SUM, CV_32F);
    const std::vector<float> profile(columnSums.begin<float>(), columnSums.end<float>());

    const std::vector<int> boundaries = snapToGaps(profile, fitGrid(profile, line, cells), cells);
    const LineBand band{line.top - stripTop, line.baseline - stripTop};
    for (int k = 0; k < cells; ++k) {
        const int x0 = boundaries[k];
        const int x1 = boundaries[k + 1];
        if (x1 - x0 < 2)
            continue;
        const cv::Mat feature = glyphFeature(strip.colRange(x0, x1), band);
        if (!feature.empty())
            feature.copyTo(features.row(k));
    }
    return features;
}

} // namespace gate::vision
