#include "vision/mrz/mrzcompose.h"

#include "vision/mrz/checkdigit.h"

namespace gate::mrz {

namespace {

std::string padded(std::string text, size_t width) {
    text.resize(width, '<');
    return text;
}

char digitOf(const std::string &field) {
    return char('0' + checkDigit(field));
}

} // namespace

std::array<std::string, 2> composeTd3(const Td3Fields &fields) {
    const std::string line1 = padded("P<" + padded(fields.issuer, 3) + fields.name, 44);
    const std::string number = padded(fields.number, 9);
    const std::string birth = padded(fields.birth, 6);
    const std::string expiry = padded(fields.expiry, 6);
    const std::string optional = padded(fields.optional, 14);
    const std::string first = number + digitOf(number);
    const std::string middle = birth + digitOf(birth);
    const std::string last = expiry + digitOf(expiry) + optional + digitOf(optional);
    const std::string line2 = first + padded(fields.nationality, 3) + middle + fields.sex + last +
                              digitOf(first + middle + last);
    return {line1, line2};
}

} // namespace gate::mrz
