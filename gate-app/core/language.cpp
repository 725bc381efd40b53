#include "core/language.h"

namespace gate {

namespace {

struct NationalityLanguage {
    std::string_view alpha3;
    Language language;
};

// Hong Kong and Macau SAR passports give the nationality "CHN"; other travel
// documents of their residents "HKG" or "MAC"; Taiwan's "TWN".
constexpr std::array kNationalityLanguages{
    NationalityLanguage{"CHN", Language::Chinese},  NationalityLanguage{"HKG", Language::Chinese},
    NationalityLanguage{"MAC", Language::Chinese},  NationalityLanguage{"TWN", Language::Chinese},
    NationalityLanguage{"KOR", Language::Korean},   NationalityLanguage{"PRK", Language::Korean},
    NationalityLanguage{"JPN", Language::Japanese}, NationalityLanguage{"RUS", Language::Russian},
    NationalityLanguage{"BLR", Language::Russian},  NationalityLanguage{"KAZ", Language::Russian},
    NationalityLanguage{"KGZ", Language::Russian},
};

QLatin1StringView view(std::string_view text) {
    return QLatin1StringView(text.data(), qsizetype(text.size()));
}

} // namespace

QString toString(Language language) {
    return view(languageEntry(language).code);
}

std::optional<Language> languageFromCode(QStringView code) {
    for (const LanguageEntry &entry : kLanguages) {
        if (code == view(entry.code))
            return entry.language;
    }
    return std::nullopt;
}

std::optional<Language> languageFromCatalogue(QStringView catalogue) {
    for (const LanguageEntry &entry : kLanguages) {
        if (catalogue == view(entry.catalogue))
            return entry.language;
    }
    return std::nullopt;
}

Language languageForNationality(QStringView alpha3) {
    for (const NationalityLanguage &entry : kNationalityLanguages) {
        if (alpha3 == view(entry.alpha3))
            return entry.language;
    }
    return Language::English;
}

} // namespace gate
