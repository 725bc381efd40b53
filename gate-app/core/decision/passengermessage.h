#pragma once

#include "core/decision/decision.h"

#include <QString>

namespace gate {

// What the passenger screen says about a decision: a headline and what to
// do next. English source text, translated through the "gate::Reason"
// context (docs/reason-codes.md lists every text with its Chinese).
struct PassengerMessage {
    QString headline;
    QString advice;
};

PassengerMessage passengerMessage(const Decision &decision);

} // namespace gate
