#pragma once

#include "emrtd/bytes.h"

#include <optional>

namespace gate::emrtd {

// The 3DES primitives of BAC and its secure messaging (ICAO 9303 part 11,
// 9.7 and 9.8): two-key 3DES in CBC mode with a zero IV, the ISO 9797-1
// retail MAC (MAC algorithm 3 with DES), ISO 9797-1 padding method 2, and
// the key derivation from a key seed. A 16-byte key is K1 || K2.

// ISO 9797-1 padding method 2 to a multiple of eight bytes: 0x80, then zeros.
Bytes pad8(ByteView data);
// Strips padding method 2; empty on a malformed padding.
std::optional<Bytes> unpad8(ByteView data);

// Input must be a multiple of eight bytes (already padded).
Bytes tripleDesEncrypt(ByteView key16, ByteView data);
Bytes tripleDesDecrypt(ByteView key16, ByteView data);

// The 8-byte retail MAC of `data`, which this function pads.
Bytes retailMac(ByteView key16, ByteView data);

// KDF of part 11, 9.7.1: SHA-1(seed || counter), first 16 bytes (parity ignored:
// the cipher does not check it). counter 1 derives the cipher key, 2 the MAC key.
Bytes deriveKey(ByteView seed, std::uint32_t counter);

Bytes sha1(ByteView data);

// Equal in time independent of where the first difference is.
bool constantTimeEqual(ByteView a, ByteView b);

} // namespace gate::emrtd
