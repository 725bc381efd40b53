#include "core/decision/passengermessage.h"

#include "core/decision/beijingtime.h"
#include "core/decision/stationname.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTranslator>

namespace gate {

namespace {

// Texts are marked QT_TRANSLATE_NOOP("gate::Reason", ...) so that lupdate
// files them under the context they are looked up in.
// Looks a text up in the "gate::Reason" context: through the application's
// installed translators (the screen), or through one given catalogue, where
// none means the English source (the bilingual console). `language` is the
// language the texts come out in, which station names follow.
class ReasonText {
public:
    static ReasonText installed(Language language) { return ReasonText(true, nullptr, language); }
    static ReasonText from(const QTranslator *catalogue) {
        const auto language =
            catalogue ? languageFromCatalogue(catalogue->language()) : Language::English;
        return ReasonText(false, catalogue, language.value_or(Language::English));
    }

    QString operator()(const char *text) const {
        if (m_installed)
            return QCoreApplication::translate("gate::Reason", text);
        const QString translated =
            m_catalogue ? m_catalogue->translate("gate::Reason", text) : QString();
        return translated.isEmpty() ? QString::fromUtf8(text) : translated;
    }

    Language language() const { return m_language; }

private:
    ReasonText(bool installed, const QTranslator *catalogue, Language language)
        : m_installed(installed)
        , m_catalogue(catalogue)
        , m_language(language) {}
    bool m_installed;
    const QTranslator *m_catalogue;
    Language m_language;
};

// "14:05" on the day of the decision, "11-22 14:05" on another day.
QString beijingTimeText(qint64 unixSecs, qint64 decidedAt) {
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSecs, beijingTimeZone());
    const bool sameDay = at.date() == beijingDate(decidedAt);
    return at.toString(sameDay ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm"));
}

PassengerMessage message(const Decision &decision, const ReasonText &reasonText) {
    const QVariantMap &details = decision.details;
    const QString train = details.value(QStringLiteral("trn")).toString();
    const auto time = [&](const char *key) {
        return beijingTimeText(details.value(QLatin1String(key)).toLongLong(), decision.decidedAt);
    };
    // Past the list's hard limit a code is refused too: asking for the code
    // would send the passenger round in a circle.
    const Reason shown =
        decision.reason == Reason::ListStale && decision.identityKind == QLatin1String("eticket")
            ? Reason::GateOutOfService
            : decision.reason;
    const ReasonEntry &entry = reasonEntry(shown);
    QString headline = reasonText(entry.headline);
    QString advice = reasonText(entry.advice);
    switch (shown) {
    case Reason::Ok:
        if (const MatchedTicket *ticket = decision.ticket ? &*decision.ticket : nullptr;
            ticket && ticket->car && !ticket->seat.isEmpty())
            advice = advice.arg(ticket->train).arg(*ticket->car).arg(ticket->seat);
        else
            advice =
                ticket
                    ? reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Train %1")).arg(ticket->train)
                    : QString();
        if (decision.partyTids.size() > 1)
            headline = reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                                    "%1 passengers, please pass one by one"))
                           .arg(decision.partyTids.size());
        break;
    case Reason::TooEarly:
        headline = headline.arg(train, time("opens_at"));
        break;
    case Reason::TooLate:
        headline = headline.arg(train, time("closes_at"));
        break;
    case Reason::WrongGate:
        headline = headline.arg(train);
        advice = advice.arg(
            details.value(QStringLiteral("gates")).toStringList().join(QStringLiteral(", ")));
        break;
    case Reason::WrongStation:
        advice = advice.arg(stationName(details, QStringLiteral("station"), reasonText.language()));
        break;
    case Reason::TrainCancelled:
    case Reason::TrainUnknown:
        headline = headline.arg(train);
        break;
    case Reason::AlreadyUsed:
        headline = headline.arg(time("used_at"));
        break;
    default: // the texts of every other reason have nothing to fill in
        break;
    }
    return {headline, advice};
}

} // namespace

PassengerMessage passengerMessage(const Decision &decision, Language language) {
    return message(decision, ReasonText::installed(language));
}

PassengerMessage passengerMessage(const Decision &decision, const QTranslator *catalogue) {
    return message(decision, ReasonText::from(catalogue));
}

} // namespace gate
