#pragma once

#include "core/decision/decision.h"

#include <QString>

class QTranslator;

namespace gate {

// What the passenger screen says about a decision: a headline and what to
// do next. English source text, translated through the "gate::Reason"
// context (docs/reason-codes.md lists every text with its Chinese).
struct PassengerMessage {
    QString headline;
    QString advice;
};

// Through the application's installed translators: what the screen shows.
PassengerMessage passengerMessage(const Decision &decision);
// Through one catalogue, whatever is installed; nullptr: the English source.
PassengerMessage passengerMessage(const Decision &decision, const QTranslator *catalogue);

} // namespace gate
