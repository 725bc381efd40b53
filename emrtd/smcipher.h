#pragma once

#include "emrtd/bytes.h"

#include <cstdint>
#include <optional>

namespace gate::emrtd {

// The block cipher of a secure messaging session and of PACE (ICAO Doc 9303
// part 11, 9.7 and 9.8): BAC and Chip Authentication with 3DES give two-key
// 3DES; PACE gives whichever its protocol names.
enum class SmCipher { TripleDes, Aes128, Aes192, Aes256 };

// The cipher an id-PACE-* or id-CA-* protocol names by its last arc (part
// 11, 9.2): 1 3DES-CBC-CBC, 2..4 AES-CBC-CMAC-128/192/256; none otherwise.
std::optional<SmCipher> cipherOfProtocolArc(std::uint8_t arc);

std::size_t blockSize(SmCipher cipher);
// The size of the send sequence counter: one block.
inline std::size_t sscSize(SmCipher cipher) {
    return blockSize(cipher);
}

// ISO/IEC 9797-1 padding method 2 to a multiple of `block` bytes: 0x80, then zeros.
Bytes padToBlock(ByteView data, std::size_t block);
// Strips padding method 2; none on a malformed padding.
std::optional<Bytes> unpadFromBlock(ByteView data, std::size_t block);

// KDF(K, c) of part 11, 9.7.1: H(K || c as four bytes), the first key-length
// bytes, with H SHA-1 for 3DES and AES-128 and SHA-256 for AES-192 and -256.
// c = 1 derives the cipher key, 2 the MAC key, 3 PACE's password key. DES
// parity bits are left as the hash gives them: the cipher ignores them.
Bytes deriveKey(SmCipher cipher, ByteView secret, std::uint32_t counter);

// CBC with a zero IV over whole blocks, no padding added: 3DES for BAC's
// authentication, and for PACE's nonce with either cipher (part 11, 4.4.3.1).
Bytes encryptZeroIv(SmCipher cipher, ByteView key, ByteView blocks);
Bytes decryptZeroIv(SmCipher cipher, ByteView key, ByteView blocks);

// The secure messaging of part 11, 9.8: CBC over whole blocks with a zero IV
// for 3DES and, for AES, IV = E(K, SSC) (9.8.6.1) for the counter `ssc` of
// this message.
Bytes encryptMessage(SmCipher cipher, ByteView key, ByteView ssc, ByteView blocks);
Bytes decryptMessage(SmCipher cipher, ByteView key, ByteView ssc, ByteView blocks);

// The 8-byte MAC of `data` as given: the ISO/IEC 9797-1 retail MAC (MAC
// algorithm 3, which pads with method 2) for 3DES, AES-CMAC's first eight
// bytes for AES. PACE's authentication tokens are this MAC (4.4.3.4).
Bytes mac(SmCipher cipher, ByteView key, ByteView data);

// Secure messaging's MAC (9.8.6.2): the same over `data` padded to the block
// first, as 9.8 pads it for either cipher (for 3DES that padding is the retail
// MAC's own).
Bytes messageMac(SmCipher cipher, ByteView key, ByteView data);

Bytes sha1(ByteView data);

// Equal in time independent of where the first difference is.
bool constantTimeEqual(ByteView a, ByteView b);

} // namespace gate::emrtd
