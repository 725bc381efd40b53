#pragma once

#include "emrtd/bytes.h"

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace gate::emrtd {

// PACE's elliptic-curve arithmetic with the generic mapping (ICAO Doc 9303
// part 11, 4.4.3.3.1): key pairs on the curve's generator, the mapped
// generator G' = s·G + H, key pairs on G' and the shared secret. Points are
// written uncompressed (04 || x || y), scalars big-endian. Every point the
// chip sends is checked to lie on the curve and not to be the point at
// infinity before it is used: an invalid point would leak the private key
// multiplied with it.
class PaceCurve {
public:
    // None when OpenSSL does not know `curveNid`.
    static std::optional<PaceCurve> named(int curveNid);
    PaceCurve(PaceCurve &&) noexcept;
    PaceCurve &operator=(PaceCurve &&) noexcept;
    ~PaceCurve();

    // A random scalar in [1, order - 1], of the order's size.
    Bytes randomPrivateKey() const;
    // privateKey × the current generator.
    Bytes publicPoint(ByteView privateKey) const;
    // privateKey × peerPoint, whole (the mapping's H) or its x-coordinate
    // (the key agreement's K). None when peerPoint is no valid point.
    std::optional<Bytes> sharedPoint(ByteView privateKey, ByteView peerPoint) const;
    std::optional<Bytes> sharedSecret(ByteView privateKey, ByteView peerPoint) const;
    // Replaces the generator by s·G + H; false when H is no valid point or
    // the result is the point at infinity.
    bool mapGenerator(ByteView nonce, ByteView sharedPointH);

    Bytes generator() const;
    bool isValidPoint(ByteView point) const;

private:
    struct State;
    explicit PaceCurve(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

} // namespace gate::emrtd
