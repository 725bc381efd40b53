#include "core/credentials/eticket/ecdsalows.h"

#include <algorithm>
#include <array>

namespace gate::eticket {

namespace {

// (n - 1) / 2 for the P-256 group order
// n = FFFFFFFF 00000000 FFFFFFFF FFFFFFFF BCE6FAAD A7179E84 F3B9CAC2 FC632551.
constexpr std::array<unsigned char, 32> halfOrder{
    0x7f, 0xff, 0xff, 0xff, 0x80, 0x00, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xde, 0x73, 0x7d, 0x56, 0xd3, 0x8b, 0xcf, 0x42, 0x79, 0xdc, 0xe5, 0x61, 0x7e, 0x31, 0x92, 0xa8,
};

} // namespace

bool isLowSEcdsaP256(const QByteArray &rawSignature) {
    if (rawSignature.size() != 64)
        return false;
    const auto *s = reinterpret_cast<const unsigned char *>(rawSignature.constData()) + 32;
    // Big-endian, same length: lexicographic order is numeric order.
    return !std::lexicographical_compare(halfOrder.begin(), halfOrder.end(), s, s + 32);
}

} // namespace gate::eticket
