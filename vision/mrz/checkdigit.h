#pragma once

#include <string_view>

namespace gate::mrz {

// ICAO 9303 check digit: digits count as themselves, A..Z as 10..35, '<' as 0;
// weights 7, 3, 1 repeating; sum modulo 10. Returns -1 for a character outside
// the MRZ alphabet.
int checkDigit(std::string_view field);

// Value of one MRZ character in the check-digit sum, or -1 outside the alphabet.
int characterValue(char c);

} // namespace gate::mrz
