#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace gate::eticket {

// Base45 (RFC 9285), the encoding whose alphabet is exactly the QR code's
// alphanumeric set, so a code stays in the dense alphanumeric mode.

// Strict decoding: only the 45 alphabet characters, no length of the form
// 3n+1, no triple above 65535 and no pair above 255. `maxBytes` bounds the
// output before anything is allocated.
std::optional<QByteArray> decodeBase45(QStringView text, qsizetype maxBytes);

QString encodeBase45(QByteArrayView bytes);

} // namespace gate::eticket
