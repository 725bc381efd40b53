#pragma once

#include "core/credentials/credential.h"
#include "core/credentials/identitydocument.h"
#include "hal/sam/samframe.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

namespace gate::idcard {

// What a read answer frame says: the document on the card, or why the frame
// is not a readable answer.
struct IdCardReading {
    std::optional<IdentityDocument> document;
    std::optional<FrameError> error;
};

IdCardReading readIdCardAnswer(QByteArrayView frame);

// The object of `gatectl idcard parse` (spec/gatectl.md) without "file":
// {"ok":true,"card":"fpr2023","number":...} or {"ok":false,"error":"bad_checksum"}.
// It shows the number: it is meant for integrators working on test cards.
QJsonObject toJson(const IdCardReading &reading);

} // namespace gate::idcard

namespace gate {

// A reader's answer frame as a credential: the card's document, or the failure
// "card_unreadable" (not a readable answer) or "card_number_invalid" (the
// number's check digit does not hold).
Credential credentialFromIdCardAnswer(const QByteArray &frame);

} // namespace gate
