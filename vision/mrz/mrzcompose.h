#pragma once

#include <array>
#include <string>

namespace gate::mrz {

// The fields of a TD3 (passport) data page, already in MRZ form: capitals,
// digits and '<' for spaces. Dates are YYMMDD.
struct Td3Fields {
    std::string issuer; // issuing state, 3 letters
    std::string name;   // "SURNAME<<GIVEN<NAMES"
    std::string number; // document number, up to 9 characters
    std::string nationality;
    std::string birth;
    char sex = '<'; // 'M', 'F' or '<'
    std::string expiry;
    std::string optional; // personal number, up to 14 characters
};

// The two 44-character lines with every check digit computed. Fields longer
// than their place are cut, as an issuer truncating a long name would. For
// specimen and synthetic documents: the gate reads MRZs, it never writes one.
std::array<std::string, 2> composeTd3(const Td3Fields &fields);

} // namespace gate::mrz
