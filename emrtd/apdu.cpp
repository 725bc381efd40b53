#include "emrtd/apdu.h"

#include <cstdio>

namespace gate::emrtd {

Bytes encodeApdu(const CommandApdu &command, bool forceExtended) {
    const bool extended = forceExtended || command.data.size() > 255 || command.le > 256;
    Bytes out{command.cla, command.ins, command.p1, command.p2};
    if (!command.data.empty()) {
        const std::size_t size = command.data.size();
        if (extended)
            out.insert(out.end(), {0x00, static_cast<std::uint8_t>(size >> 8),
                                   static_cast<std::uint8_t>(size)});
        else
            out.push_back(static_cast<std::uint8_t>(size));
        out.insert(out.end(), command.data.begin(), command.data.end());
    }
    if (command.expectsResponse) {
        const std::size_t le = command.le;
        if (extended) {
            if (command.data.empty())
                out.push_back(0x00);
            out.insert(out.end(),
                       {static_cast<std::uint8_t>(le >> 8), static_cast<std::uint8_t>(le)});
        } else {
            out.push_back(static_cast<std::uint8_t>(le));
        }
    }
    return out;
}

std::optional<ResponseApdu> splitResponse(const Bytes &raw) {
    if (raw.size() < 2)
        return std::nullopt;
    ResponseApdu response;
    response.data.assign(raw.begin(), raw.end() - 2);
    response.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
    return response;
}

std::string ResponseApdu::statusText() const {
    char text[8];
    std::snprintf(text, sizeof text, "%04X", unsigned(sw));
    return text;
}

} // namespace gate::emrtd
