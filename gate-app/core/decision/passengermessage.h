#pragma once

#include "core/decision/decision.h"
#include "core/language.h"

#include <QString>

class QTranslator;

namespace gate {

// What the passenger screen says about a decision: a headline and what to
// do next. English source text, translated through the "gate::Reason"
// context (docs/reason-codes.md lists every text with its Chinese;
// tests/ui/reason-messages.golden with every language).
struct PassengerMessage {
    QString headline;
    QString advice;
};

// Through the application's installed translators, which speak `language`
// (what the screen shows); station names follow `language`.
PassengerMessage passengerMessage(const Decision &decision, Language language);
// Through one catalogue, whatever is installed; nullptr: the English source.
// Station names follow the catalogue's language.
PassengerMessage passengerMessage(const Decision &decision, const QTranslator *catalogue);

} // namespace gate
