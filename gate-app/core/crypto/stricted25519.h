#pragma once

#include <QByteArrayView>

namespace gate::crypto {

// Ed25519 with RFC 8032's strict checks, the only Ed25519 verification in
// the gate: the ticket-list manifest and e-ticket codes both go through it.

// True for a raw 32-byte public key that is a canonical encoding of a point
// of the prime-order subgroup. Small-order points (the identity among them)
// and mixed-order points are refused: under such a key a forged signature
// (R = identity, S = 0) verifies for many messages. Trust lists and the
// pinned root key are checked with it when they are loaded.
bool isStrictEd25519PublicKey(QByteArrayView publicKey);

// True when `signature` (64 bytes) is a valid Ed25519 signature of the exact
// `message` bytes under `publicKey` (32 bytes), with S < L, R not of small
// order and the key canonical and not of small order.
bool verifyEd25519(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

} // namespace gate::crypto
