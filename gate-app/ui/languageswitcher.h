#pragma once

#include "core/language.h"

#include <QTranslator>

#include <array>
#include <memory>

namespace gate::ui {

// Installs the application's one translator for the chosen language, so that
// the QML texts and the decision layer's passenger messages (context
// "gate::Reason") switch together. English is the source language: no
// translator at all.
class LanguageSwitcher {
public:
    LanguageSwitcher();
    ~LanguageSwitcher();
    LanguageSwitcher(const LanguageSwitcher &) = delete;
    LanguageSwitcher &operator=(const LanguageSwitcher &) = delete;

    // Loads the catalogue of `language` built into the application; false
    // when it is missing, and for English, the source, which has none. For
    // anyone who needs a language's texts without switching the screen (the
    // bilingual console).
    static bool loadCatalogue(QTranslator &translator, Language language);

    // False when the language's catalogue is missing from the resources; the
    // screen then stays in English rather than showing half a translation.
    bool apply(Language language);

private:
    // One per language, loaded up front; null for English and where the
    // catalogue is missing.
    std::array<std::unique_ptr<QTranslator>, kLanguages.size()> m_catalogues;
    QTranslator *m_installed = nullptr;
};

} // namespace gate::ui
