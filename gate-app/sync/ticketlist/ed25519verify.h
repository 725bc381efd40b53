#pragma once

#include <QByteArray>

namespace gate::sync {

// True when `signature` (64 bytes) is a valid Ed25519 signature of the exact
// `message` bytes under the raw 32-byte `publicKey`.
bool verifyEd25519(const QByteArray &publicKey, const QByteArray &message,
                   const QByteArray &signature);

} // namespace gate::sync
