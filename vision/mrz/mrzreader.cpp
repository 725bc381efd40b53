#include "vision/mrz/mrzreader.h"

#include "vision/mrz/mrzlocator.h"
#include "vision/mrz/zonegeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <limits>

namespace gate::vision {

namespace {

// Line length over capital height: a 44-character line is about 43 times as
// long as its glyphs are tall, a 36-character one about 35.
constexpr float kLongLineRatio = 39.5f;
// Capitals smaller than this in the frame are too small to read reliably.
constexpr float kMinFrameCapHeight = 12.0f;
constexpr double kGlareShare = 0.03;
constexpr int kSaturated = 250;

std::vector<mrz::Format> formatsFor(const std::vector<TextLine> &lines) {
    if (lines.size() == 3)
        return {mrz::Format::TD1};
    const float ratio = (lines[0].right - lines[0].left) / std::max(1.0f, lines[0].height());
    if (ratio >= kLongLineRatio)
        return {mrz::Format::TD3, mrz::Format::TD2};
    return {mrz::Format::TD2, mrz::Format::TD3};
}

// The first character tells passports and cards from visas of the same size.
mrz::Format refineByDocumentCode(mrz::Format format, const mrz::CellCosts &firstCell) {
    const float visa = firstCell[mrz::kAlphabet.find('V')];
    float other = std::numeric_limits<float>::max();
    for (const char c : std::string_view("PACI"))
        other = std::min(other, firstCell[mrz::kAlphabet.find(c)]);
    if (visa >= other)
        return format;
    if (format == mrz::Format::TD3)
        return mrz::Format::MrvA;
    if (format == mrz::Format::TD2)
        return mrz::Format::MrvB;
    return format;
}

cv::Mat toGray(const cv::Mat &frame) {
    if (frame.empty() || frame.depth() != CV_8U)
        return {};
    cv::Mat gray;
    switch (frame.channels()) {
    case 1:
        return frame;
    case 3:
        cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
        return gray;
    case 4:
        cv::cvtColor(frame, gray, cv::COLOR_BGRA2GRAY);
        return gray;
    default:
        return {};
    }
}

cv::Point2f toFrame(const cv::Mat &affine, float x, float y) {
    return {static_cast<float>(affine.at<double>(0, 0) * x + affine.at<double>(0, 1) * y +
                               affine.at<double>(0, 2)),
            static_cast<float>(affine.at<double>(1, 0) * x + affine.at<double>(1, 1) * y +
                               affine.at<double>(1, 2))};
}

// A stray mark at the end of one line stretches its extent by a cell, and a
// faint first or last glyph shortens it; the zone's lines start and end
// together, so a line may also be read within the extent the others share or
// across the extent they cover together; the reading that fits the glyphs
// better wins.
std::vector<std::vector<TextLine>> lineVariants(const std::vector<TextLine> &lines, int cells) {
    float sharedLeft = lines.front().left, sharedRight = lines.front().right;
    float coveredLeft = sharedLeft, coveredRight = sharedRight;
    for (const TextLine &line : lines) {
        sharedLeft = std::max(sharedLeft, line.left);
        sharedRight = std::min(sharedRight, line.right);
        coveredLeft = std::min(coveredLeft, line.left);
        coveredRight = std::max(coveredRight, line.right);
    }
    std::vector<std::vector<TextLine>> variants;
    for (const TextLine &line : lines) {
        const float halfPitch = 0.5f * (line.right - line.left) / cells;
        std::vector<TextLine> options{line};
        TextLine shortened = line;
        shortened.left = line.left < sharedLeft - halfPitch ? sharedLeft : line.left;
        shortened.right = line.right > sharedRight + halfPitch ? sharedRight : line.right;
        if (shortened.left != line.left || shortened.right != line.right)
            options.push_back(shortened);
        TextLine lengthened = line;
        lengthened.left = line.left > coveredLeft + halfPitch ? coveredLeft : line.left;
        lengthened.right = line.right < coveredRight - halfPitch ? coveredRight : line.right;
        if (lengthened.left != line.left || lengthened.right != line.right)
            options.push_back(lengthened);
        variants.push_back(options);
    }
    return variants;
}

float bestCostSum(const std::vector<mrz::CellCosts> &costs) {
    float sum = 0;
    for (const mrz::CellCosts &cell : costs)
        sum += *std::min_element(cell.begin(), cell.end());
    return sum;
}

} // namespace

struct MrzReader::Attempt {
    bool found = false;
    mrz::CorrectedZone zone;
    float meanCost = std::numeric_limits<float>::max();
    std::string hint;
    std::array<cv::Point2f, 4> quad{};

    bool betterThan(const Attempt &other) const {
        if (found != other.found)
            return found;
        if (zone.valid != other.zone.valid)
            return zone.valid;
        return meanCost < other.meanCost;
    }
};

mrz::CivilDate MrzReader::systemToday() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day date(today);
    return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
            static_cast<int>(static_cast<unsigned>(date.day()))};
}

MrzReader::MrzReader()
    : MrzReader(Options()) {}

MrzReader::MrzReader(Options options)
    : m_options(std::move(options)) {}

MrzReader::Attempt MrzReader::readBlock(const cv::Mat &gray, const cv::RotatedRect &block,
                                        bool upsideDown) const {
    Attempt best;
    const auto zone = uprightZone(gray, block, upsideDown);
    if (!zone)
        return best;
    const std::vector<TextLine> lines = zoneLines(*zone);
    if (lines.empty())
        return best;

    for (const mrz::Format guess : formatsFor(lines)) {
        const int cells = mrz::lineLength(guess);
        std::vector<std::vector<mrz::CellCosts>> grid;
        for (const auto &options : lineVariants(lines, cells)) {
            std::vector<mrz::CellCosts> likeliest;
            float likeliestSum = std::numeric_limits<float>::max();
            for (const TextLine &line : options) {
                auto costs = m_classifier.classify(lineCellFeatures(*zone, line, cells));
                const float sum = bestCostSum(costs);
                if (sum < likeliestSum) {
                    likeliestSum = sum;
                    likeliest = std::move(costs);
                }
            }
            grid.push_back(std::move(likeliest));
        }
        const mrz::Format format = refineByDocumentCode(guess, grid[0][0]);

        Attempt attempt;
        attempt.found = true;
        attempt.zone = mrz::correctZone(format, grid, m_options.today, m_options.correction);
        attempt.meanCost = attempt.zone.cost / (cells * lines.size());
        const TextLine &first = lines.front();
        const TextLine &last = lines.back();
        attempt.quad = {toFrame(zone->toFrame, first.left, first.top),
                        toFrame(zone->toFrame, first.right, first.top),
                        toFrame(zone->toFrame, last.right, last.baseline),
                        toFrame(zone->toFrame, last.left, last.baseline)};
        if (!attempt.zone.valid) {
            const cv::Rect area(
                cv::Point(static_cast<int>(first.left), static_cast<int>(first.top)),
                cv::Point(static_cast<int>(last.right), static_cast<int>(last.baseline)));
            const cv::Mat print =
                zone->gray(area & cv::Rect(0, 0, zone->gray.cols, zone->gray.rows));
            const double saturated = print.empty() ? 0 : cv::countNonZero(print >= kSaturated);
            if (first.height() / zone->frameScale < kMinFrameCapHeight)
                attempt.hint = "move_closer";
            else if (!print.empty() && saturated / print.total() > kGlareShare)
                attempt.hint = "glare";
            else
                attempt.hint = "hold_still";
        }
        if (attempt.betterThan(best))
            best = std::move(attempt);
        if (best.zone.valid)
            break;
    }
    return best;
}

MrzFrameResult MrzReader::read(const cv::Mat &frame) const {
    MrzFrameResult result;
    const cv::Mat gray = toGray(frame);
    if (gray.empty())
        return result;
    Attempt best;
    for (const cv::RotatedRect &block : locateZoneCandidates(gray)) {
        for (const bool upsideDown : {false, true}) {
            Attempt attempt = readBlock(gray, block, upsideDown);
            if (attempt.betterThan(best))
                best = std::move(attempt);
            if (best.zone.valid)
                break;
        }
        if (best.zone.valid)
            break;
    }
    result.found = best.found;
    result.lines = best.zone.lines;
    result.valid = best.zone.valid;
    result.hint = best.hint;
    result.quad = best.quad;
    return result;
}

} // namespace gate::vision
