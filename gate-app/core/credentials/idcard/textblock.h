#pragma once

#include "core/credentials/identitydocument.h"

#include <QByteArrayView>

#include <optional>

namespace gate::idcard {

// Reads the 256-byte text block of a card answer, branching on the card type
// (resident ID, HMT permit, FPR 2017, FPR 2023). `numberValid` tells whether
// the number's check digit holds; an expired card is still read. nullopt when
// the block is not readable text of the layout it announces: wrong size,
// control characters, a missing number or name, a date or sex code that is
// not one (the answer's "bad_text").
std::optional<IdentityDocument> parseTextBlock(QByteArrayView block);

} // namespace gate::idcard
