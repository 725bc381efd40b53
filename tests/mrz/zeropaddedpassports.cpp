#include "zeropaddedpassports.h"

#include "vision/mrz/mrzcompose.h"

#include <cstdio>

namespace gate::mrztest {

std::vector<std::string> zeroPaddedPassport(int i) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06d", i * 5);
    const auto lines = mrz::composeTd3({.issuer = "UTO",
                                        .name = "SPECIMEN<<TEST",
                                        .number = std::string(i % 2 ? "H" : "E") + digits,
                                        .nationality = "UTO",
                                        .birth = "900101",
                                        .sex = 'F',
                                        .expiry = "310101",
                                        .optional = {}});
    return {lines[0], lines[1]};
}

} // namespace gate::mrztest
