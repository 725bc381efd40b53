#include "emrtd/tlv.h"

namespace gate::emrtd {

namespace {

struct Header {
    std::uint32_t tag = 0;
    std::size_t headerSize = 0;
    std::size_t valueSize = 0;
};

std::optional<Header> parseHeader(ByteView bytes) {
    Header header;
    std::size_t at = 0;
    if (bytes.empty())
        return std::nullopt;
    const std::uint8_t first = bytes[at++];
    if (first == 0x00 || first == 0xFF) // padding, not a tag
        return std::nullopt;
    header.tag = first;
    if ((first & 0x1F) == 0x1F) {
        for (;;) {
            if (at >= bytes.size() || at >= kMaxTagBytes)
                return std::nullopt;
            const std::uint8_t next = bytes[at++];
            header.tag = (header.tag << 8) | next;
            if ((next & 0x80) == 0)
                break;
        }
    }
    if (at >= bytes.size())
        return std::nullopt;
    const std::uint8_t lengthByte = bytes[at++];
    if (lengthByte < 0x80) {
        header.valueSize = lengthByte;
    } else {
        const std::size_t count = lengthByte & 0x7F;
        if (count == 0 || count > kMaxLengthBytes || bytes.size() - at < count)
            return std::nullopt; // indefinite or oversized length
        for (std::size_t i = 0; i < count; ++i)
            header.valueSize = (header.valueSize << 8) | bytes[at++];
    }
    header.headerSize = at;
    return header;
}

} // namespace

bool Tlv::constructed() const {
    std::uint32_t firstByte = tag;
    while (firstByte > 0xFF)
        firstByte >>= 8;
    return (firstByte & 0x20) != 0;
}

std::optional<Tlv> parseTlv(ByteView bytes) {
    const auto header = parseHeader(bytes);
    if (!header || bytes.size() - header->headerSize < header->valueSize)
        return std::nullopt;
    Tlv tlv;
    tlv.tag = header->tag;
    tlv.value = bytes.subspan(header->headerSize, header->valueSize);
    tlv.whole = bytes.first(header->headerSize + header->valueSize);
    return tlv;
}

std::optional<Tlv> parseSingleTlv(ByteView bytes) {
    auto tlv = parseTlv(bytes);
    if (!tlv || tlv->whole.size() != bytes.size())
        return std::nullopt;
    return tlv;
}

std::optional<std::vector<Tlv>> parseTlvList(ByteView bytes) {
    std::vector<Tlv> list;
    while (!bytes.empty()) {
        if (list.size() == kMaxTlvChildren)
            return std::nullopt;
        const auto tlv = parseTlv(bytes);
        if (!tlv)
            return std::nullopt;
        list.push_back(*tlv);
        bytes = bytes.subspan(tlv->whole.size());
    }
    return list;
}

std::optional<Tlv> findTlv(const std::vector<Tlv> &list, std::uint32_t tag) {
    for (const Tlv &tlv : list)
        if (tlv.tag == tag)
            return tlv;
    return std::nullopt;
}

Bytes encodeTlv(std::uint32_t tag, ByteView value) {
    Bytes out;
    for (int shift = 16; shift >= 0; shift -= 8)
        if ((tag >> shift) != 0 || shift == 0)
            out.push_back(static_cast<std::uint8_t>(tag >> shift));
    const std::size_t size = value.size();
    if (size < 0x80) {
        out.push_back(static_cast<std::uint8_t>(size));
    } else if (size <= 0xFF) {
        out.insert(out.end(), {0x81, static_cast<std::uint8_t>(size)});
    } else if (size <= 0xFFFF) {
        out.insert(out.end(),
                   {0x82, static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size)});
    } else {
        out.insert(out.end(),
                   {0x83, static_cast<std::uint8_t>(size >> 16),
                    static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size)});
    }
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

std::optional<std::size_t> announcedTlvSize(ByteView header) {
    const auto parsed = parseHeader(header);
    if (!parsed)
        return std::nullopt;
    return parsed->headerSize + parsed->valueSize;
}

} // namespace gate::emrtd
