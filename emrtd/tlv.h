#pragma once

#include "emrtd/bytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace gate::emrtd {

// One BER-TLV element (ISO 7816-4, DER for ASN.1) as views into the bytes it
// was parsed from: the caller keeps those bytes alive.
struct Tlv {
    std::uint32_t tag = 0; // up to three tag bytes, big-endian: 0x5F1F, 0x7F61
    ByteView value;
    ByteView whole; // tag, length and value
    bool constructed() const;
};

// Hard limits, because every byte here comes from a chip or a file nobody vouches for.
constexpr std::size_t kMaxTagBytes = 3;
constexpr std::size_t kMaxLengthBytes = 3;   // lengths up to 16 MiB - 1, far above any file we read
constexpr std::size_t kMaxTlvChildren = 512; // elements in one constructed value
constexpr int kMaxTlvDepth = 16;             // nesting the LDS and CMS parsers walk

// The element at the start of `bytes`; none when it is truncated, its tag or
// length is malformed (indefinite lengths included) or longer than the limits.
std::optional<Tlv> parseTlv(ByteView bytes);

// The element that fills `bytes` exactly; none when anything follows it.
std::optional<Tlv> parseSingleTlv(ByteView bytes);

// Every element of a concatenation filling `bytes` exactly; none on any fault
// or beyond kMaxTlvChildren.
std::optional<std::vector<Tlv>> parseTlvList(ByteView bytes);

// The first child with `tag` among the elements of `list`.
std::optional<Tlv> findTlv(const std::vector<Tlv> &list, std::uint32_t tag);

// The encoding of one element (definite length, minimal length bytes).
Bytes encodeTlv(std::uint32_t tag, ByteView value);

// How many bytes a tag and length announce: the size of a whole element
// from its first few bytes, which is how a file's length is learnt from its
// first read. None when the header is incomplete or malformed.
std::optional<std::size_t> announcedTlvSize(ByteView header);

} // namespace gate::emrtd
