#include "vision/mrz/civildate.h"

#include <cstdio>

namespace gate::mrz {

namespace {

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

int twoDigits(std::string_view text) {
    if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
        return -1;
    return (text[0] - '0') * 10 + (text[1] - '0');
}

} // namespace

bool CivilDate::exists() const {
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

std::string CivilDate::iso() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

std::optional<CivilDate> mrzDate(std::string_view yymmdd, DateRole role, const CivilDate &today) {
    if (yymmdd.size() != 6)
        return std::nullopt;
    const int yy = twoDigits(yymmdd.substr(0, 2));
    const int month = twoDigits(yymmdd.substr(2, 2));
    const int day = twoDigits(yymmdd.substr(4, 2));
    if (yy < 0 || month < 0 || day < 0)
        return std::nullopt;
    const CivilDate limit =
        role == DateRole::Birth ? today : CivilDate{today.year + kExpiryHorizonYears, 12, 31};
    const int century = limit.year / 100 * 100;
    for (int base = century; base >= century - 200; base -= 100) {
        const CivilDate date{base + yy, month, day};
        if (date <= limit)
            return date.exists() ? std::optional(date) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace gate::mrz
