#include "passengerscreenmodel.h"

#include "ticketdisplay.h"

namespace gate::ui {

namespace {

// Texts from outside (decision layer, device reports) are cut to what the
// screen can show; a runaway string must not push the layout apart.
constexpr qsizetype kMaxMessageLength = 200;
constexpr qsizetype kMaxCodeLength = 48;

bool isFreeMode(const QString &laneReason) {
    return laneReason == u"free_entry" || laneReason == u"free_exit" ||
           laneReason == u"free_passage";
}

// Denials whose advice sends the passenger to staff (core/reason.h).
bool sendsToStaff(const QString &reasonCode) {
    return reasonCode == u"staff_check_required" || reasonCode == u"already_used";
}

} // namespace

PassengerScreenModel::PassengerScreenModel(QObject *parent)
    : QObject(parent) {
    m_returnTimer.setSingleShot(true);
    connect(&m_returnTimer, &QTimer::timeout, this, &PassengerScreenModel::onReturnTimer);
    m_documentTick.setInterval(250);
    connect(&m_documentTick, &QTimer::timeout, this,
            &PassengerScreenModel::documentSecsLeftChanged);
    setLanguage(m_defaultLanguage);
}

PassengerScreenModel::Screen PassengerScreenModel::screen() const {
    if (m_emergency)
        return Screen::Emergency;
    if (m_outOfService)
        return isFreeMode(m_outOfServiceReason) ? Screen::FreePassage : Screen::OutOfService;
    return m_passengerScreen;
}

void PassengerScreenModel::showIdle() {
    m_returnTimer.stop();
    setLanguage(m_defaultLanguage);
    setPassengerScreen(Screen::Idle, 0);
}

void PassengerScreenModel::showReading(const QString &hint) {
    m_readingHint = hint.left(kMaxCodeLength);
    emit contentChanged();
    setPassengerScreen(Screen::Reading, m_readingTimeoutMs);
}

void PassengerScreenModel::showAwaitingDocument(qint64 windowMs) {
    m_documentDeadline = QDeadlineTimer(windowMs);
    m_documentTick.start();
    emit documentSecsLeftChanged();
    // The decision normally ends the wait; this only guards a lost one.
    setPassengerScreen(Screen::AwaitingDocument, int(windowMs) + m_resultDisplayMs);
}

int PassengerScreenModel::documentSecsLeft() const {
    return int((std::max<qint64>(0, m_documentDeadline.remainingTime()) + 999) / 1000);
}

void PassengerScreenModel::showAdmitted(const QVariantMap &ticket) {
    m_ticket = ticketForDisplay(ticket);
    emit contentChanged();
    setPassengerScreen(Screen::Admitted, m_resultDisplayMs);
    emit cueRequested(Cue::Admit);
}

void PassengerScreenModel::showDenied(const QString &reasonCode, const QString &headline,
                                      const QString &advice) {
    showDenied(reasonCode, [headline, advice] { return std::pair{headline, advice}; });
}

void PassengerScreenModel::showDenied(const QString &reasonCode, DeniedText text) {
    m_reasonCode = reasonCode.left(kMaxCodeLength);
    m_deniedText = std::move(text);
    const auto [headline, advice] = m_deniedText ? m_deniedText() : std::pair<QString, QString>();
    setDeniedText(headline, advice);
    setPassengerScreen(Screen::Denied, m_resultDisplayMs);
    emit cueRequested(Cue::Deny);
}

void PassengerScreenModel::setDeniedText(const QString &headline, const QString &advice) {
    m_headline = headline.left(kMaxMessageLength);
    m_advice = advice.left(kMaxMessageLength);
    emit contentChanged();
}

void PassengerScreenModel::setOutOfService(bool outOfService, const QString &reasonCode) {
    const QString reason = outOfService ? reasonCode.left(kMaxCodeLength) : QString();
    if (outOfService == m_outOfService && reason == m_outOfServiceReason)
        return;
    m_outOfService = outOfService;
    m_outOfServiceReason = reason;
    emit screenChanged();
}

void PassengerScreenModel::setNotCommissioned(const QStringList &items) {
    const bool wasNotCommissioned = !m_notCommissioned.isEmpty();
    m_notCommissioned = items;
    if (!items.isEmpty())
        setOutOfService(true, QStringLiteral("not_commissioned"));
    else if (wasNotCommissioned)
        setOutOfService(false);
    emit screenChanged();
}

QString PassengerScreenModel::screenName() const {
    switch (screen()) {
    case Screen::Idle:
        return QStringLiteral("idle");
    case Screen::Reading:
        return QStringLiteral("reading");
    case Screen::Admitted:
        return QStringLiteral("admitted");
    case Screen::Denied:
        return QStringLiteral("denied");
    case Screen::OutOfService:
        return QStringLiteral("out_of_service");
    case Screen::FreePassage:
        return QStringLiteral("free_passage");
    case Screen::Emergency:
        return QStringLiteral("emergency");
    case Screen::AwaitingDocument:
        return QStringLiteral("awaiting_document");
    }
    return {};
}

void PassengerScreenModel::setEmergency(bool emergency) {
    if (emergency == m_emergency)
        return;
    m_emergency = emergency;
    emit screenChanged();
    if (emergency)
        emit cueRequested(Cue::Alarm);
}

void PassengerScreenModel::setListStale(bool stale, qint64 ageSecs) {
    if (stale == m_listStale && ageSecs == m_listAgeSecs)
        return;
    m_listStale = stale;
    m_listAgeSecs = qMax<qint64>(0, ageSecs);
    emit listStaleChanged();
}

void PassengerScreenModel::setWideLane(bool wide) {
    if (wide == m_wideLane)
        return;
    m_wideLane = wide;
    emit wideLaneChanged();
    emit contentChanged();
}

bool PassengerScreenModel::staffHelpsHere() const {
    return m_wideLane && sendsToStaff(m_reasonCode);
}

void PassengerScreenModel::setLanguage(Language language) {
    const Language shown = m_switcher.apply(language) ? language : Language::English;
    if (shown == m_language)
        return;
    m_language = shown;
    emit languageChanged();
    if (m_passengerScreen == Screen::Denied && m_deniedText) {
        const auto [headline, advice] = m_deniedText();
        setDeniedText(headline, advice);
    }
    if (m_passengerScreen == Screen::Idle && m_language != m_defaultLanguage)
        m_returnTimer.start(m_idleLanguageResetMs);
}

void PassengerScreenModel::setLanguages(const QList<Language> &languages,
                                        Language defaultLanguage) {
    m_languages = languages;
    if (!m_languages.contains(defaultLanguage))
        m_languages.prepend(defaultLanguage);
    m_defaultLanguage = defaultLanguage;
    emit languageChanged(); // the button's next language may be another now
    if (m_passengerScreen == Screen::Idle)
        setLanguage(defaultLanguage);
}

void PassengerScreenModel::preferLanguage(std::optional<Language> holderLanguage) {
    if (!holderLanguage)
        return;
    if (m_languages.contains(*holderLanguage))
        setLanguage(*holderLanguage);
    else if (m_languages.contains(Language::English))
        setLanguage(Language::English);
    else
        setLanguage(m_defaultLanguage);
}

Language PassengerScreenModel::followingLanguage() const {
    const qsizetype at = m_languages.indexOf(m_language); // -1 when shown as a fallback
    return m_languages.at((at + 1) % m_languages.size());
}

QString PassengerScreenModel::nextLanguageName() const {
    if (m_languages.size() < 2)
        return {};
    return QString::fromUtf8(languageEntry(followingLanguage()).ownName);
}

void PassengerScreenModel::nextLanguage() {
    if (m_languages.size() < 2)
        return;
    setLanguage(followingLanguage());
    // A passenger reading a result gets the full time again in the new language.
    if (m_returnTimer.isActive() && m_passengerScreen != Screen::Idle)
        m_returnTimer.start();
}

void PassengerScreenModel::setPassengerScreen(Screen screen, int returnAfterMs) {
    if (screen != Screen::Denied)
        m_deniedText = nullptr;
    if (screen != Screen::AwaitingDocument)
        m_documentTick.stop();
    if (returnAfterMs > 0)
        m_returnTimer.start(returnAfterMs);
    if (screen == m_passengerScreen)
        return;
    m_passengerScreen = screen;
    emit screenChanged();
}

void PassengerScreenModel::onReturnTimer() {
    if (m_passengerScreen == Screen::Idle)
        setLanguage(m_defaultLanguage);
    else
        showIdle();
}

} // namespace gate::ui
