#include "mrzcandidates.h"

#include "vision/mrz/mrzparser.h"

#include <utility>

namespace gate::camera {

namespace {

// 2^12 parses of a zone take well under a millisecond; a zone with more 0/O
// cells than this is no page worth a guess.
constexpr std::size_t kMaxSwappableCells = 12;

struct Span {
    std::size_t line;
    std::size_t first;
    std::size_t last; // inclusive
};

// The fields that may hold both digits and letters (ICAO 9303 parts 4 to 6):
// the document number and the optional data. Everywhere else the format
// itself tells 0 from O (dates are digits, names and states letters).
std::vector<Span> mixedFields(const std::vector<std::string> &lines) {
    if (lines.size() == 2 && lines[1].size() == 44) // TD3
        return {{1, 0, 8}, {1, 28, 41}};
    if (lines.size() == 2 && lines[1].size() == 36) // TD2
        return {{1, 0, 8}, {1, 28, 34}};
    if (lines.size() == 3 && lines[0].size() == 30 && lines[1].size() == 30) // TD1
        return {{0, 5, 13}, {0, 15, 29}, {1, 18, 28}};
    return {};
}

} // namespace

std::vector<std::vector<std::string>> zeroOrLetterOReadings(const std::vector<std::string> &lines,
                                                            const mrz::CivilDate &today,
                                                            std::size_t maxReadings) {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    for (const Span &field : mixedFields(lines)) {
        for (std::size_t column = field.first; column <= field.last; ++column) {
            const char c = lines[field.line][column];
            if (c == '0' || c == 'O')
                cells.emplace_back(field.line, column);
        }
    }
    if (cells.empty() || cells.size() > kMaxSwappableCells)
        return {};
    std::vector<std::vector<std::string>> readings;
    std::vector<std::string> text = lines;
    for (std::size_t mask = 0; mask < (std::size_t(1) << cells.size()); ++mask) {
        for (std::size_t bit = 0; bit < cells.size(); ++bit)
            text[cells[bit].first][cells[bit].second] = (mask >> bit) & 1 ? 'O' : '0';
        if (!mrz::parseMrz(text, today).valid)
            continue;
        if (readings.size() == maxReadings)
            return {};
        readings.push_back(text);
    }
    return readings;
}

} // namespace gate::camera
