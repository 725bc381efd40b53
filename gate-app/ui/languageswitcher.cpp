#include "languageswitcher.h"

#include <QCoreApplication>

namespace gate::ui {

LanguageSwitcher::LanguageSwitcher() {
    for (const LanguageEntry &entry : kLanguages) {
        auto catalogue = std::make_unique<QTranslator>();
        if (loadCatalogue(*catalogue, entry.language))
            m_catalogues[std::size_t(entry.language)] = std::move(catalogue);
    }
}

bool LanguageSwitcher::loadCatalogue(QTranslator &translator, Language language) {
    const std::string_view locale = languageEntry(language).catalogue;
    if (locale.empty())
        return false;
    return translator.load(QStringLiteral(":/i18n/station-gate_%1.qm")
                               .arg(QLatin1StringView(locale.data(), qsizetype(locale.size()))));
}

LanguageSwitcher::~LanguageSwitcher() {
    if (m_installed)
        QCoreApplication::removeTranslator(m_installed);
}

bool LanguageSwitcher::apply(Language language) {
    QTranslator *wanted = m_catalogues[std::size_t(language)].get();
    if (wanted != m_installed) {
        if (m_installed)
            QCoreApplication::removeTranslator(m_installed);
        m_installed = wanted && QCoreApplication::installTranslator(wanted) ? wanted : nullptr;
    }
    return language == Language::English || m_installed;
}

} // namespace gate::ui
