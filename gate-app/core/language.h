#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <string_view>

namespace gate {

// A language the passenger screen speaks. English is the source language of
// every text; each other one has its catalogue built into the application
// (gate-app/ui/i18n/station-gate_<catalogue>.ts). `kLanguages` holds one entry
// per value, in declaration order.
enum class Language { Chinese, English, Korean, Japanese, Russian };

struct LanguageEntry {
    Language language;
    std::string_view code;      // as the configuration writes it: "zh", "en", ...
    std::string_view catalogue; // the Qt catalogue's locale: "zh_CN"; empty for the source
    const char *ownName;        // in the language itself, UTF-8, for the language button
};

inline constexpr std::array kLanguages{
    LanguageEntry{Language::Chinese, "zh", "zh_CN", "中文"},
    LanguageEntry{Language::English, "en", "", "English"},
    LanguageEntry{Language::Korean, "ko", "ko_KR", "한국어"},
    LanguageEntry{Language::Japanese, "ja", "ja_JP", "日本語"},
    LanguageEntry{Language::Russian, "ru", "ru_RU", "Русский"},
};

constexpr bool languageTableComplete() {
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
        if (std::size_t(kLanguages[i].language) != i || kLanguages[i].code.size() != 2)
            return false;
    }
    return std::size_t(Language::Russian) + 1 == kLanguages.size();
}
static_assert(languageTableComplete(), "gate::kLanguages must list every gate::Language in order");

constexpr const LanguageEntry &languageEntry(Language language) {
    return kLanguages[std::size_t(language)];
}

// The configuration's code ("ko").
QString toString(Language language);
// The language of a code; nothing for a code the gate has no catalogue for.
std::optional<Language> languageFromCode(QStringView code);
// The language of a Qt catalogue's locale ("zh_CN", as QTranslator::language()
// gives it); English for an empty one, nothing for one the gate does not know.
std::optional<Language> languageFromCatalogue(QStringView catalogue);

// The language a document's holder most likely reads, from its nationality
// (ISO 3166 alpha-3, as in the MRZ and on the FPR card). Chinese for China,
// Hong Kong, Macau and Taiwan; Korean for both Koreas; Japanese for Japan;
// Russian for Russia and the neighbours where Russian is an official or the
// common second language (Belarus, Kazakhstan, Kyrgyzstan); English for every
// other nationality, and for one that is not a code at all.
Language languageForNationality(QStringView alpha3);

} // namespace gate
