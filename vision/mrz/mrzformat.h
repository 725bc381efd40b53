#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gate::mrz {

// The characters an MRZ is printed with, in the order classifiers score them.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
constexpr int kAlphabetSize = 37;

// The machine readable zone layouts of ICAO Doc 9303 parts 4-7.
enum class Format { TD1, TD2, TD3, MrvA, MrvB };

// "TD1", "TD2", "TD3", "MRV-A", "MRV-B".
std::string_view formatName(Format format);
int lineCount(Format format);
int lineLength(Format format);
bool hasComposite(Format format);

// The format a set of lines has by count, length and first character; none
// when no layout has that shape.
std::optional<Format> detectFormat(const std::vector<std::string> &lines);

// Which characters may stand at one position. The reader restricts its
// candidates with these classes before check-digit correction.
enum CharClass : std::uint8_t {
    Digit = 1,
    Letter = 2,
    Filler = 4,
    AnyClass = Digit | Letter | Filler,
};
bool inClass(char c, std::uint8_t classes);

// Allowed classes for every position of every line of a format.
std::vector<std::vector<std::uint8_t>> positionClasses(Format format);

// A field closed by a check digit: the digit at (line, digitAt) checks the
// characters [start, start + length) of `line`, 0-based.
struct CheckedField {
    std::string_view name; // "number", "birth", "expiry", "optional"
    int line;
    int start;
    int length;
    int digitAt;
};
std::vector<CheckedField> checkedFields(Format format);

// The composite check digit's position and the spans it covers; none for visas.
struct Span {
    int line;
    int start;
    int length;
};
struct CompositeCheck {
    int line;
    int digitAt;
    std::vector<Span> spans;
};
std::optional<CompositeCheck> compositeCheck(Format format);

} // namespace gate::mrz
