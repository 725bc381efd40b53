#pragma once

#include "core/credentials/identitydocument.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gate {

// Canonical document identities of spec/eticket-qr.md ("ID:...", "HMT:...",
// "FPR:...", "PP:<state>:<number>"). A renewed 2023 FPR card yields two: its
// own number first, then the rebuilt 2017 number. Empty when the document
// number did not verify.
QStringList canonicalIdentities(const IdentityDocument &document);

// First 16 bytes of HMAC-SHA256(listKey, identity), base64url, no padding.
QString holderKey(const QByteArray &listKey, const QString &identity);

// First 8 bytes of HMAC-SHA256(bindKey, identity || "|" || tid).
QByteArray bindingTag(const QByteArray &bindKey, const QString &identity, const QString &tid);

// Compares two byte strings in time independent of where they differ.
bool equalsConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace gate
