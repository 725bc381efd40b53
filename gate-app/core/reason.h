#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <string_view>

namespace gate {

// Why a passenger was admitted or not: the stable reason code of every
// decision and credential failure (docs/reason-codes.md). The code is what
// the audit record, the ops log and the screen's symbol use; the texts are
// the passenger message's English source, translated in the "gate::Reason"
// context. `kReasons` holds one entry per value, in declaration order.
enum class Reason {
    Ok,
    // The ticket the list holds, or the list itself.
    TooEarly,
    TooLate,
    WrongGate,
    WrongStation,
    TrainCancelled,
    TrainUnknown,
    TicketRefunded,
    TicketChanged,
    AlreadyUsed,
    NoTicket,
    TicketUnknown,
    HolderMismatch,
    BindingKeyUnknown,
    HolderDocumentRequired,
    ListStale,
    ListUnavailable,
    DocumentExpired,
    DocumentInvalid,
    // The ticket's kind or party needs a person, not the gate.
    DiscountCheckRequired,
    StaffCheckRequired,
    DocumentForged,
    ChipRequired,
    // The gate, not the passenger.
    LaneUnavailable,
    GateOutOfService,
    // The credential layer: a read that gave no verified credential.
    CredentialUnreadable,
    TicketNotRecognised,
    TicketNoTrustList,
    TicketMalformed,
    TicketUnsupportedAlg,
    TicketUnknownKey,
    TicketBadSignature,
    TicketKeyRevoked,
    TicketIssuerMismatch,
    TicketKeyExpired,
    TicketNotYetValid,
    TicketExpired,
    MrzInvalid,
    MrzAmbiguous,
    CardUnreadable,
    CardNumberInvalid,
};

struct ReasonEntry {
    Reason reason;
    std::string_view code;
    const char *headline; // English source, context "gate::Reason"
    const char *advice;
};

inline constexpr std::array kReasons{
    ReasonEntry{Reason::Ok, "ok", QT_TRANSLATE_NOOP("gate::Reason", "Please pass"),
                QT_TRANSLATE_NOOP("gate::Reason", "Train %1, coach %2, seat %3")},
    ReasonEntry{Reason::TooEarly, "too_early",
                QT_TRANSLATE_NOOP("gate::Reason", "Check-in for %1 opens at %2"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please wait in the waiting hall")},
    ReasonEntry{Reason::TooLate, "too_late",
                QT_TRANSLATE_NOOP("gate::Reason", "Check-in for %1 closed at %2"),
                QT_TRANSLATE_NOOP("gate::Reason",
                                  "Please go to the service counter to change your ticket")},
    ReasonEntry{Reason::WrongGate, "wrong_gate",
                QT_TRANSLATE_NOOP("gate::Reason", "%1 does not board at this gate"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to gate %1")},
    ReasonEntry{Reason::WrongStation, "wrong_station",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket is not for this station"),
                QT_TRANSLATE_NOOP("gate::Reason", "Your ticket is for station %1")},
    ReasonEntry{
        Reason::TrainCancelled, "train_cancelled",
        QT_TRANSLATE_NOOP("gate::Reason", "Train %1 is cancelled"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please go to the service counter for a refund or another train")},
    ReasonEntry{Reason::TrainUnknown, "train_unknown",
                QT_TRANSLATE_NOOP("gate::Reason", "Train %1 is not on today's list"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::TicketRefunded, "ticket_refunded",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket was refunded"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::TicketChanged, "ticket_changed",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket was changed to another train"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please use your new ticket")},
    ReasonEntry{Reason::AlreadyUsed, "already_used",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket was already used at %1"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please ask staff for help")},
    ReasonEntry{
        Reason::NoTicket, "no_ticket",
        QT_TRANSLATE_NOOP("gate::Reason", "No ticket found for this document"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please use the document you bought the ticket with")},
    ReasonEntry{Reason::TicketUnknown, "ticket_unknown",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket is not on the list"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{
        Reason::HolderMismatch, "holder_mismatch",
        QT_TRANSLATE_NOOP("gate::Reason", "This ticket belongs to another document"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please use the document you bought the ticket with")},
    ReasonEntry{
        Reason::BindingKeyUnknown, "binding_key_unknown",
        QT_TRANSLATE_NOOP("gate::Reason", "This ticket cannot be checked against your document"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{
        Reason::HolderDocumentRequired, "holder_document_required",
        QT_TRANSLATE_NOOP("gate::Reason", "This e-ticket is valid only with its holder's document"),
        QT_TRANSLATE_NOOP("gate::Reason", "Show the code, then place the ID card or "
                                          "passport you bought the ticket with")},
    // A code past the hard limit is told the gate is not in service instead
    // (passengerMessage): asking for the code would send it round in a circle.
    ReasonEntry{
        Reason::ListStale, "list_stale",
        QT_TRANSLATE_NOOP("gate::Reason", "ID check is not available at this gate now"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please show your e-ticket code, or ask staff for help")},
    ReasonEntry{
        Reason::ListUnavailable, "list_unavailable",
        QT_TRANSLATE_NOOP("gate::Reason", "ID check is not available at this gate now"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please show your e-ticket code, or ask staff for help")},
    ReasonEntry{Reason::DocumentExpired, "document_expired",
                QT_TRANSLATE_NOOP("gate::Reason", "Your document has expired"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::DocumentInvalid, "document_invalid",
                QT_TRANSLATE_NOOP("gate::Reason", "Your document number could not be verified"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::DiscountCheckRequired, "discount_check_required",
                QT_TRANSLATE_NOOP("gate::Reason", "Your student discount needs its yearly check"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::StaffCheckRequired, "staff_check_required",
                QT_TRANSLATE_NOOP("gate::Reason", "This ticket is checked by staff"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the staffed gate")},
    ReasonEntry{Reason::DocumentForged, "document_forged",
                QT_TRANSLATE_NOOP("gate::Reason", "This passport could not be verified"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{
        Reason::ChipRequired, "chip_required",
        QT_TRANSLATE_NOOP("gate::Reason", "The chip of your passport could not be checked"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please place the passport on the reader again, or ask staff for help")},
    ReasonEntry{Reason::LaneUnavailable, "lane_unavailable",
                QT_TRANSLATE_NOOP("gate::Reason", "This gate is not in service"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please use another gate")},
    ReasonEntry{Reason::GateOutOfService, "gate_out_of_service",
                QT_TRANSLATE_NOOP("gate::Reason", "This gate is not in service"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please use another gate")},
    ReasonEntry{Reason::CredentialUnreadable, "credential_unreadable",
                QT_TRANSLATE_NOOP("gate::Reason", "Your ticket could not be read"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please try again")},
    ReasonEntry{
        Reason::TicketNotRecognised, "ticket_not_recognised",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{Reason::TicketNoTrustList, "ticket_no_trust_list",
                QT_TRANSLATE_NOOP("gate::Reason", "E-tickets cannot be checked at this gate now"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please use your ID, or ask staff for help")},
    ReasonEntry{
        Reason::TicketMalformed, "ticket_malformed",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketUnsupportedAlg, "ticket_unsupported_alg",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketUnknownKey, "ticket_unknown_key",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketBadSignature, "ticket_bad_signature",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketKeyRevoked, "ticket_key_revoked",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketIssuerMismatch, "ticket_issuer_mismatch",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{
        Reason::TicketKeyExpired, "ticket_key_expired",
        QT_TRANSLATE_NOOP("gate::Reason", "This code is not a valid e-ticket"),
        QT_TRANSLATE_NOOP("gate::Reason",
                          "Please show the e-ticket from the official app, or use your ID")},
    ReasonEntry{Reason::TicketNotYetValid, "ticket_not_yet_valid",
                QT_TRANSLATE_NOOP("gate::Reason", "This e-ticket is not valid yet"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{Reason::TicketExpired, "ticket_expired",
                QT_TRANSLATE_NOOP("gate::Reason", "This e-ticket has expired"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please go to the service counter")},
    ReasonEntry{
        Reason::MrzInvalid, "mrz_invalid",
        QT_TRANSLATE_NOOP("gate::Reason", "Your passport could not be read"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please place the photo page flat on the reader")},
    ReasonEntry{
        Reason::MrzAmbiguous, "mrz_ambiguous",
        QT_TRANSLATE_NOOP("gate::Reason", "Your passport could not be read"),
        QT_TRANSLATE_NOOP("gate::Reason", "Please place the photo page flat on the reader")},
    ReasonEntry{Reason::CardUnreadable, "card_unreadable",
                QT_TRANSLATE_NOOP("gate::Reason", "Your card could not be read"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please place your card on the reader again")},
    ReasonEntry{Reason::CardNumberInvalid, "card_number_invalid",
                QT_TRANSLATE_NOOP("gate::Reason", "Your card could not be read"),
                QT_TRANSLATE_NOOP("gate::Reason", "Please place your card on the reader again")},
};

// Every value has its entry, at its own index: a new Reason without a row,
// or rows out of order, does not compile.
constexpr bool reasonTableComplete() {
    for (std::size_t i = 0; i < kReasons.size(); ++i) {
        if (std::size_t(kReasons[i].reason) != i || kReasons[i].code.empty() ||
            !kReasons[i].headline || !kReasons[i].advice)
            return false;
    }
    return std::size_t(Reason::CardNumberInvalid) + 1 == kReasons.size();
}
static_assert(reasonTableComplete(), "gate::kReasons must list every gate::Reason in order");

constexpr const ReasonEntry &reasonEntry(Reason reason) {
    return kReasons[std::size_t(reason)];
}

// The stable code ("too_early"), as the audit, the logs and QML know it.
QString toString(Reason reason);
// The code's Reason; nothing for a code this gate does not know.
std::optional<Reason> reasonFromCode(QStringView code);

} // namespace gate
