#pragma once

#include "core/credentials/eticket/cborreader.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace gate::eticket {

// COSE tag of a single-signer signed message (RFC 9052).
constexpr quint64 coseSign1Tag = 18;
constexpr qint64 coseHeaderAlg = 1;
constexpr qint64 coseHeaderKid = 4;
constexpr qsizetype coseSignatureSize = 64;
constexpr qsizetype kidSize = 8;

// A structurally sound COSE_Sign1 of an RT1 code: nothing here is trusted yet.
struct CoseSign1 {
    QByteArray protectedHeader; // the exact bytes that were signed
    qint64 alg = 0;
    QByteArray kid;
    QByteArray payload; // the exact bytes that were signed
    CborItem claims;    // the payload, decoded: a map (types not yet checked)
    QByteArray signature;
};

// Checks the envelope's shape: optional tag 18, four elements, a protected
// header map holding an integer alg and an 8-byte kid, an empty unprotected
// map, a payload that is a CBOR map, and a 64-byte signature.
std::optional<CoseSign1> parseCoseSign1(QByteArrayView bytes, QString *error);

// The bytes a COSE_Sign1 signature covers:
// ["Signature1", protected, h'', payload] (RFC 9052 section 4.4).
QByteArray signatureInput(QByteArrayView protectedHeader, QByteArrayView payload);

} // namespace gate::eticket
