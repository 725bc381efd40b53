#pragma once

#include <QByteArray>

namespace gate::eticket {

// True when the raw r||s ES256 signature (64 bytes) has s <= n/2, n the order
// of P-256. ECDSA accepts both s and n - s; the spec takes only the low one so
// that a code has exactly one valid encoding.
bool isLowSEcdsaP256(const QByteArray &rawSignature);

} // namespace gate::eticket
