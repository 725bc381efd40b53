#pragma once

#include <QTranslator>

namespace gate::ui {

// The screen language. Chinese is the station default; English is chosen by
// the passenger or automatically for passports and FPR cards.
enum class Language { Chinese, English };

// Installs the application's one translator for the chosen language, so that
// the QML texts and the decision layer's passenger messages (context
// "gate::Reason") switch together. English is the source language: no
// translator at all.
class LanguageSwitcher {
public:
    LanguageSwitcher();
    ~LanguageSwitcher();

    // Loads the Chinese catalogue built into the application; false when it
    // is missing. For anyone who needs Chinese texts without switching the
    // screen (the bilingual console).
    static bool loadChinese(QTranslator &translator);
    LanguageSwitcher(const LanguageSwitcher &) = delete;
    LanguageSwitcher &operator=(const LanguageSwitcher &) = delete;

    // False when the Chinese catalogue is missing from the resources; the
    // screen then stays in English rather than showing half a translation.
    bool apply(Language language);

private:
    QTranslator m_chinese;
    bool m_chineseLoaded = false;
    bool m_installed = false;
};

} // namespace gate::ui
