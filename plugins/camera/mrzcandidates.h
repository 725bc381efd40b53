#pragma once

#include "vision/mrz/civildate.h"

#include <string>
#include <vector>

namespace gate::camera {

// The readings of a zone the reader refused as ambiguous that differ from
// its text only in 0 and O, in the fields that may hold both (the document
// number and the optional data), and pass every check digit and format rule: the
// candidates a passport chip can tell apart (only the true MRZ opens it).
// Empty when there are none, or more than `maxReadings` (the camera then
// keeps reading), or too many 0/O cells to try them all.
std::vector<std::vector<std::string>> zeroOrLetterOReadings(const std::vector<std::string> &lines,
                                                            const mrz::CivilDate &today,
                                                            std::size_t maxReadings);

} // namespace gate::camera
