#include "vision/mrz/mrzformat.h"

namespace gate::mrz {

namespace {

struct Range {
    int start;
    int length;
    std::uint8_t classes;
};

constexpr std::uint8_t kAlnumFiller = Digit | Letter | Filler;
constexpr std::uint8_t kLetterFiller = Letter | Filler;

void fill(std::vector<std::uint8_t> &line, const Range &range) {
    for (int i = range.start; i < range.start + range.length; ++i)
        line[i] = range.classes;
}

// Line 1 of TD2, TD3 and visas: document code, issuing state, name.
std::vector<std::uint8_t> codeStateNameLine(int length) {
    std::vector<std::uint8_t> line(length, kLetterFiller);
    line[0] = Letter;
    return line;
}

// Line 2 of TD2, TD3 and visas: number, nationality, birth, sex, expiry, optional.
std::vector<std::uint8_t> passportDataLine(Format format) {
    const int length = lineLength(format);
    std::vector<std::uint8_t> line(length, kAlnumFiller);
    // Long document numbers (TD2) put '<' in the number's check digit.
    fill(line, {9, 1, static_cast<std::uint8_t>(format == Format::TD2 ? Digit | Filler : Digit)});
    fill(line, {10, 3, kLetterFiller});
    fill(line, {13, 7, Digit});
    fill(line, {20, 1, kLetterFiller});
    fill(line, {21, 7, Digit});
    if (format == Format::TD3) {
        fill(line, {42, 1, Digit | Filler});
        fill(line, {43, 1, Digit});
    } else if (format == Format::TD2) {
        fill(line, {35, 1, Digit});
    }
    return line;
}

} // namespace

std::string_view formatName(Format format) {
    switch (format) {
    case Format::TD1:
        return "TD1";
    case Format::TD2:
        return "TD2";
    case Format::TD3:
        return "TD3";
    case Format::MrvA:
        return "MRV-A";
    case Format::MrvB:
        return "MRV-B";
    }
    return "";
}

int lineCount(Format format) {
    return format == Format::TD1 ? 3 : 2;
}

int lineLength(Format format) {
    switch (format) {
    case Format::TD1:
        return 30;
    case Format::TD2:
    case Format::MrvB:
        return 36;
    case Format::TD3:
    case Format::MrvA:
        return 44;
    }
    return 0;
}

bool hasComposite(Format format) {
    return format != Format::MrvA && format != Format::MrvB;
}

std::optional<Format> detectFormat(const std::vector<std::string> &lines) {
    if (lines.empty() || lines[0].empty())
        return std::nullopt;
    for (const auto &line : lines) {
        if (line.size() != lines[0].size())
            return std::nullopt;
    }
    const bool visa = lines[0][0] == 'V';
    if (lines.size() == 3 && lines[0].size() == 30)
        return Format::TD1;
    if (lines.size() == 2 && lines[0].size() == 36)
        return visa ? Format::MrvB : Format::TD2;
    if (lines.size() == 2 && lines[0].size() == 44)
        return visa ? Format::MrvA : Format::TD3;
    return std::nullopt;
}

bool inClass(char c, std::uint8_t classes) {
    if (c >= '0' && c <= '9')
        return classes & Digit;
    if (c >= 'A' && c <= 'Z')
        return classes & Letter;
    if (c == '<')
        return classes & Filler;
    return false;
}

std::vector<std::vector<std::uint8_t>> positionClasses(Format format) {
    if (format != Format::TD1)
        return {codeStateNameLine(lineLength(format)), passportDataLine(format)};

    std::vector<std::uint8_t> first(30, kAlnumFiller);
    fill(first, {0, 1, Letter});
    fill(first, {1, 4, kLetterFiller});
    // Long document numbers put '<' in the number's check digit.
    fill(first, {14, 1, Digit | Filler});
    std::vector<std::uint8_t> second(30, kAlnumFiller);
    fill(second, {0, 7, Digit});
    fill(second, {7, 1, kLetterFiller});
    fill(second, {8, 7, Digit});
    fill(second, {15, 3, kLetterFiller});
    fill(second, {29, 1, Digit});
    std::vector<std::uint8_t> third(30, kLetterFiller);
    return {first, second, third};
}

std::vector<CheckedField> checkedFields(Format format) {
    if (format == Format::TD1) {
        return {{"number", 0, 5, 9, 14}, {"birth", 1, 0, 6, 6}, {"expiry", 1, 8, 6, 14}};
    }
    std::vector<CheckedField> fields = {
        {"number", 1, 0, 9, 9}, {"birth", 1, 13, 6, 19}, {"expiry", 1, 21, 6, 27}};
    if (format == Format::TD3)
        fields.push_back({"optional", 1, 28, 14, 42});
    return fields;
}

std::optional<CompositeCheck> compositeCheck(Format format) {
    switch (format) {
    case Format::TD1:
        return CompositeCheck{1, 29, {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}}};
    case Format::TD2:
        return CompositeCheck{1, 35, {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}}};
    case Format::TD3:
        return CompositeCheck{1, 43, {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}}};
    case Format::MrvA:
    case Format::MrvB:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace gate::mrz
