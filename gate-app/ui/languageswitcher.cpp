#include "languageswitcher.h"

#include <QCoreApplication>

namespace gate::ui {

LanguageSwitcher::LanguageSwitcher() {
    m_chineseLoaded = loadChinese(m_chinese);
}

bool LanguageSwitcher::loadChinese(QTranslator &translator) {
    return translator.load(QStringLiteral(":/i18n/station-gate_zh_CN.qm"));
}

LanguageSwitcher::~LanguageSwitcher() {
    if (m_installed)
        QCoreApplication::removeTranslator(&m_chinese);
}

bool LanguageSwitcher::apply(Language language) {
    const bool wantChinese = language == Language::Chinese && m_chineseLoaded;
    if (wantChinese && !m_installed)
        m_installed = QCoreApplication::installTranslator(&m_chinese);
    else if (!wantChinese && m_installed)
        m_installed = !QCoreApplication::removeTranslator(&m_chinese);
    return language == Language::English || m_chineseLoaded;
}

} // namespace gate::ui
