#pragma once

#include "hal/sam/samframe.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace gate::idcard {

// The parts of a read answer (30 01 or 30 10), cut by its length fields.
// Photo and fingerprint stay opaque: the gate does not need them to match
// tickets.
struct CardAnswer {
    QByteArray text; // 256 bytes, see textblock.h
    QByteArray photo;
    QByteArray fingerprint; // empty when the card has none or 30 01 was sent
};

struct CardAnswerParse {
    std::optional<CardAnswer> answer;
    std::optional<FrameError> error;
};

// Checks one whole answer frame (frame layer, then SW3 == 90, then the length
// fields) and cuts it into its parts. Which read it answers is told by the
// length fields: text + photo (30 01) or text + photo + fingerprint (30 10).
CardAnswerParse parseCardAnswer(QByteArrayView frame);

} // namespace gate::idcard
