#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace gate::mrz {

// A calendar date without time zone, as printed in an MRZ.
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const CivilDate &) const = default;
    bool exists() const;
    std::string iso() const; // "YYYY-MM-DD"
};

// Two-digit years get a century: a birth date is the latest one not after
// `today`; an expiry date the latest one at most `kExpiryHorizonYears` ahead.
constexpr int kExpiryHorizonYears = 20;
enum class DateRole { Birth, Expiry };

// Reads "YYMMDD" (digits only) and infers its century; none when the
// characters are not digits or no such day exists.
std::optional<CivilDate> mrzDate(std::string_view yymmdd, DateRole role, const CivilDate &today);

} // namespace gate::mrz
