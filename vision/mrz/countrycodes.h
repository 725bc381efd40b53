#pragma once

#include <string_view>

namespace gate::mrz {

// True for the three-character codes an MRZ may carry as issuing state or
// nationality: ISO 3166-1 alpha-3, Germany's "D<<", the ICAO codes of Doc 9303
// part 3 (GBD GBN GBO GBS GBP RKS EUE, UN and other organisations, XXA XXB XXC
// XXX) and "UTO", the fictitious state of ICAO's specimens.
bool isKnownStateCode(std::string_view code);

} // namespace gate::mrz
