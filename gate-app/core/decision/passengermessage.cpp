#include "core/decision/passengermessage.h"

#include "core/decision/beijingtime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTranslator>

namespace gate {

namespace {

// Looks a text up in the "gate::Reason" context: through the application's
// installed translators (the screen), or through one given catalogue, where
// none means the English source (the bilingual console).
class ReasonText {
public:
    static ReasonText installed() { return ReasonText(true, nullptr); }
    static ReasonText from(const QTranslator *catalogue) { return ReasonText(false, catalogue); }

    QString operator()(const char *text) const {
        if (m_installed)
            return QCoreApplication::translate("gate::Reason", text);
        const QString translated =
            m_catalogue ? m_catalogue->translate("gate::Reason", text) : QString();
        return translated.isEmpty() ? QString::fromUtf8(text) : translated;
    }

private:
    ReasonText(bool installed, const QTranslator *catalogue)
        : m_installed(installed)
        , m_catalogue(catalogue) {}
    bool m_installed;
    const QTranslator *m_catalogue;
};

// "14:05" on the day of the decision, "11-22 14:05" on another day.
QString beijingTimeText(qint64 unixSecs, qint64 decidedAt) {
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSecs, beijingTimeZone());
    const bool sameDay = at.date() == beijingDate(decidedAt);
    return at.toString(sameDay ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm"));
}

PassengerMessage credentialFailure(const QString &reason, const ReasonText &tr) {
    if (reason == QLatin1String("ticket_expired"))
        return {tr("This e-ticket has expired"), tr("Please go to the service counter")};
    if (reason == QLatin1String("ticket_no_trust_list"))
        return {tr("E-tickets cannot be checked at this gate now"),
                tr("Please use your ID, or ask staff for help")};
    if (reason == QLatin1String("ticket_not_yet_valid"))
        return {tr("This e-ticket is not valid yet"), tr("Please go to the service counter")};
    if (reason.startsWith(QLatin1String("ticket_")))
        return {tr("This code is not a valid e-ticket"),
                tr("Please show the e-ticket from the official app, or use your ID")};
    if (reason.startsWith(QLatin1String("mrz_")))
        return {tr("Your passport could not be read"),
                tr("Please place the photo page flat on the reader")};
    if (reason.startsWith(QLatin1String("card_")))
        return {tr("Your card could not be read"),
                tr("Please place your card on the reader again")};
    return {tr("Your ticket could not be read"), tr("Please try again")};
}

PassengerMessage message(const Decision &decision, const ReasonText &tr) {
    const QString &reason = decision.reason;
    const QVariantMap &details = decision.details;
    const QString train = details.value(QStringLiteral("trn")).toString();
    const auto time = [&](const char *key) {
        return beijingTimeText(details.value(QLatin1String(key)).toLongLong(), decision.decidedAt);
    };

    if (decision.admit) {
        const MatchedTicket *ticket = decision.ticket ? &*decision.ticket : nullptr;
        if (ticket && ticket->car && !ticket->seat.isEmpty())
            return {tr("Please pass"), tr("Train %1, coach %2, seat %3")
                                           .arg(ticket->trn)
                                           .arg(*ticket->car)
                                           .arg(ticket->seat)};
        return {tr("Please pass"), ticket ? tr("Train %1").arg(ticket->trn) : QString()};
    }
    if (reason == QLatin1String("too_early"))
        return {tr("Check-in for %1 opens at %2").arg(train, time("opens_at")),
                tr("Please wait in the waiting hall")};
    if (reason == QLatin1String("too_late"))
        return {tr("Check-in for %1 closed at %2").arg(train, time("closes_at")),
                tr("Please go to the service counter to change your ticket")};
    if (reason == QLatin1String("wrong_gate"))
        return {tr("%1 does not board at this gate").arg(train),
                tr("Please go to gate %1")
                    .arg(details.value(QStringLiteral("gates"))
                             .toStringList()
                             .join(QStringLiteral(", ")))};
    if (reason == QLatin1String("wrong_station"))
        return {tr("This ticket is not for this station"),
                tr("Your ticket is for station %1")
                    .arg(details.value(QStringLiteral("station")).toString())};
    if (reason == QLatin1String("train_cancelled"))
        return {tr("Train %1 is cancelled").arg(train),
                tr("Please go to the service counter for a refund or another train")};
    if (reason == QLatin1String("train_unknown"))
        return {tr("Train %1 is not on today's list").arg(train),
                tr("Please go to the service counter")};
    if (reason == QLatin1String("ticket_refunded"))
        return {tr("This ticket was refunded"), tr("Please go to the service counter")};
    if (reason == QLatin1String("ticket_changed"))
        return {tr("This ticket was changed to another train"), tr("Please use your new ticket")};
    if (reason == QLatin1String("already_used"))
        return {tr("This ticket was already used at %1").arg(time("used_at")),
                tr("Please ask staff for help")};
    if (reason == QLatin1String("no_ticket"))
        return {tr("No ticket found for this document"),
                tr("Please use the document you bought the ticket with")};
    if (reason == QLatin1String("ticket_unknown"))
        return {tr("This ticket is not on the list"), tr("Please go to the service counter")};
    if (reason == QLatin1String("holder_mismatch"))
        return {tr("This ticket belongs to another document"),
                tr("Please use the document you bought the ticket with")};
    if (reason == QLatin1String("binding_key_unknown"))
        return {tr("This ticket cannot be checked against your document"),
                tr("Please show the e-ticket alone, or ask staff for help")};
    if (reason == QLatin1String("list_stale") || reason == QLatin1String("list_unavailable"))
        return {tr("ID check is not available at this gate now"),
                tr("Please show your e-ticket code, or ask staff for help")};
    if (reason == QLatin1String("document_expired"))
        return {tr("Your document has expired"), tr("Please go to the service counter")};
    if (reason == QLatin1String("document_invalid"))
        return {tr("Your document number could not be verified"),
                tr("Please go to the service counter")};
    if (reason == QLatin1String("lane_unavailable") ||
        reason == QLatin1String("gate_out_of_service"))
        return {tr("This gate is not in service"), tr("Please use another gate")};
    return credentialFailure(reason, tr);
}

} // namespace

PassengerMessage passengerMessage(const Decision &decision) {
    return message(decision, ReasonText::installed());
}

PassengerMessage passengerMessage(const Decision &decision, const QTranslator *catalogue) {
    return message(decision, ReasonText::from(catalogue));
}

} // namespace gate
