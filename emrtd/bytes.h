#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gate::emrtd {

// Everything the chip says and everything said to it is a byte string.
using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline Bytes concat(std::initializer_list<ByteView> parts) {
    Bytes out;
    for (ByteView part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

inline Bytes bytesOf(const std::string &text) {
    return Bytes(text.begin(), text.end());
}

} // namespace gate::emrtd
