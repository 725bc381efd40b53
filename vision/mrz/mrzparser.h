#pragma once

#include "vision/mrz/civildate.h"
#include "vision/mrz/mrzformat.h"

#include <optional>
#include <string>
#include <vector>

namespace gate::mrz {

// What the zone says, as printed: fillers trimmed, names split, dates in ISO
// form with their century inferred. Empty strings for what could not be read.
struct MrzDocument {
    std::string type;        // document code without fillers: "P", "ID", "V" ...
    std::string issuer;      // "UTO", "D" for Germany's "D<<"
    std::string number;      // long TD1/TD2 numbers joined
    std::string surname;     // parts separated by single spaces
    std::string givenNames;  // parts separated by single spaces
    std::string nationality; // as issuer
    std::string birth;       // "YYYY-MM-DD"; empty when unknown or impossible
    std::string sex;         // "F", "M", "X"; empty when unspecified
    std::string expiry;      // "YYYY-MM-DD"
    std::string optional;    // optional data, fillers trimmed (TD1: both lines, space between)
};

// The outcome of checking MRZ text. `valid` is true only when every check
// digit and every format rule holds; `failedChecks` names the others:
// "layout", "charset", "document_code", "issuer", "nationality",
// "number_format", "birth_date", "sex", "expiry_date", "name",
// "number_check", "birth_check", "expiry_check", "optional_check",
// "composite_check".
struct MrzParseResult {
    std::optional<Format> format;
    std::vector<std::string> lines;
    bool valid = false;
    MrzDocument document;
    std::vector<std::string> failedChecks;
};

// Lines longer than this, or more than three lines, are refused unread.
constexpr std::size_t kMaxLineLength = 44;

// Checks and reads the lines of one zone; `today` anchors the century of
// two-digit years.
MrzParseResult parseMrz(const std::vector<std::string> &lines, const CivilDate &today);

} // namespace gate::mrz
