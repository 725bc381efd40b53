#pragma once

#include <string>
#include <vector>

namespace gate::mrztest {

// The synthetic passports whose numbers are padded with zeros (E000010,
// H000015, ...): a check digit cannot tell 0 from O in every combination, so
// the reader often refuses them as ambiguous. `i` from 1 up.
std::vector<std::string> zeroPaddedPassport(int i);

} // namespace gate::mrztest
