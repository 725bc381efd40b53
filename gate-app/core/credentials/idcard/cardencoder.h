#pragma once

#include "core/credentials/idcard/carddescription.h"
#include "hal/sam/samframe.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Builds what a reader sends for a card: for the reader simulator, tests,
// benchmarks and the demo. The gate itself only parses.
namespace gate::idcard {

// The 256-byte text block of the card. nullopt and an error naming the field
// when a value does not fit its place.
std::optional<QByteArray> encodeTextBlock(const CardDescription &card, QString *error);

// The whole answer frame to a read: `ReadText` (30 01, 1295 bytes) or
// `ReadTextFingerprint` (30 10, 2321 bytes; fingerprint length 0 and an empty
// area when the card has none). The photo is an opaque placeholder of the
// real size.
std::optional<QByteArray> encodeReadAnswer(const CardDescription &card, SamCommand read,
                                           QString *error);

} // namespace gate::idcard
