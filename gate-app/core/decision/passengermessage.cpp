#include "core/decision/passengermessage.h"

#include "core/decision/beijingtime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTranslator>

namespace gate {

namespace {

// Texts are marked QT_TRANSLATE_NOOP("gate::Reason", ...) so that lupdate
// files them under the context they are looked up in.
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

PassengerMessage credentialFailure(const QString &reason, const ReasonText &reasonText) {
    if (reason == QLatin1String("ticket_expired"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This e-ticket has expired")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("ticket_no_trust_list"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "E-tickets cannot be checked at this gate now")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "Please use your ID, or ask staff for help"))};
    if (reason == QLatin1String("ticket_not_yet_valid"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This e-ticket is not valid yet")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason.startsWith(QLatin1String("ticket_")))
        return {
            reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket")),
            reasonText(QT_TRANSLATE_NOOP(
                "gate::Reason", "Please show the e-ticket from the official app, or use your ID"))};
    if (reason.startsWith(QLatin1String("mrz_")))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Your passport could not be read")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "Please place the photo page flat on the reader"))};
    if (reason.startsWith(QLatin1String("card_")))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Your card could not be read")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "Please place your card on the reader again"))};
    return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Your ticket could not be read")),
            reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please try again"))};
}

PassengerMessage message(const Decision &decision, const ReasonText &reasonText) {
    const QString &reason = decision.reason;
    const QVariantMap &details = decision.details;
    const QString train = details.value(QStringLiteral("trn")).toString();
    const auto time = [&](const char *key) {
        return beijingTimeText(details.value(QLatin1String(key)).toLongLong(), decision.decidedAt);
    };

    if (decision.admit) {
        const MatchedTicket *ticket = decision.ticket ? &*decision.ticket : nullptr;
        if (ticket && ticket->car && !ticket->seat.isEmpty())
            return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please pass")),
                    reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Train %1, coach %2, seat %3"))
                        .arg(ticket->trn)
                        .arg(*ticket->car)
                        .arg(ticket->seat)};
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please pass")),
                ticket ? reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Train %1")).arg(ticket->trn)
                       : QString()};
    }
    if (reason == QLatin1String("too_early"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Check-in for %1 opens at %2"))
                    .arg(train, time("opens_at")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please wait in the waiting hall"))};
    if (reason == QLatin1String("too_late"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Check-in for %1 closed at %2"))
                    .arg(train, time("closes_at")),
                reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "Please go to the service counter to change your ticket"))};
    if (reason == QLatin1String("wrong_gate"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "%1 does not board at this gate"))
                    .arg(train),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to gate %1"))
                    .arg(details.value(QStringLiteral("gates"))
                             .toStringList()
                             .join(QStringLiteral(", ")))};
    if (reason == QLatin1String("wrong_station"))
        return {
            reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This ticket is not for this station")),
            reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Your ticket is for station %1"))
                .arg(details.value(QStringLiteral("station")).toString())};
    if (reason == QLatin1String("train_cancelled"))
        return {
            reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Train %1 is cancelled")).arg(train),
            reasonText(QT_TRANSLATE_NOOP(
                "gate::Reason", "Please go to the service counter for a refund or another train"))};
    if (reason == QLatin1String("train_unknown"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Train %1 is not on today's list"))
                    .arg(train),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("ticket_refunded"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This ticket was refunded")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("ticket_changed"))
        return {reasonText(
                    QT_TRANSLATE_NOOP("gate::Reason", "This ticket was changed to another train")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please use your new ticket"))};
    if (reason == QLatin1String("already_used"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This ticket was already used at %1"))
                    .arg(time("used_at")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please ask staff for help"))};
    if (reason == QLatin1String("no_ticket"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "No ticket found for this document")),
                reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "Please use the document you bought the ticket with"))};
    if (reason == QLatin1String("ticket_unknown"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This ticket is not on the list")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("holder_mismatch"))
        return {reasonText(
                    QT_TRANSLATE_NOOP("gate::Reason", "This ticket belongs to another document")),
                reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "Please use the document you bought the ticket with"))};
    if (reason == QLatin1String("binding_key_unknown"))
        return {reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "This ticket cannot be checked against your document")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("holder_document_required"))
        return {reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "This e-ticket is valid only with its holder's document")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "Show the code, then place the ID card or passport "
                                             "you bought the ticket with"))};
    // Past the list's hard limit a code is refused too: asking for the code
    // would send the passenger round in a circle.
    if (reason == QLatin1String("list_stale") && decision.identityKind == QLatin1String("eticket"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This gate is not in service")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please use another gate"))};
    if (reason == QLatin1String("list_stale") || reason == QLatin1String("list_unavailable"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "ID check is not available at this gate now")),
                reasonText(QT_TRANSLATE_NOOP(
                    "gate::Reason", "Please show your e-ticket code, or ask staff for help"))};
    if (reason == QLatin1String("document_expired"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Your document has expired")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("document_invalid"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason",
                                             "Your document number could not be verified")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter"))};
    if (reason == QLatin1String("lane_unavailable") ||
        reason == QLatin1String("gate_out_of_service"))
        return {reasonText(QT_TRANSLATE_NOOP("gate::Reason", "This gate is not in service")),
                reasonText(QT_TRANSLATE_NOOP("gate::Reason", "Please use another gate"))};
    return credentialFailure(reason, reasonText);
}

} // namespace

PassengerMessage passengerMessage(const Decision &decision) {
    return message(decision, ReasonText::installed());
}

PassengerMessage passengerMessage(const Decision &decision, const QTranslator *catalogue) {
    return message(decision, ReasonText::from(catalogue));
}

} // namespace gate
