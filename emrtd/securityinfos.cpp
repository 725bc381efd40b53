#include "emrtd/securityinfos.h"

#include <algorithm>

namespace gate::emrtd {

std::optional<std::vector<SecurityInfo>> parseSecurityInfos(ByteView dg14File) {
    const auto dg14 = parseSingleTlv(dg14File);
    if (!dg14 || dg14->tag != 0x6E)
        return std::nullopt;
    return parseSecurityInfoSet(dg14->value);
}

std::optional<std::vector<SecurityInfo>> parseSecurityInfoSet(ByteView setOfInfos) {
    const auto set = parseSingleTlv(setOfInfos);
    const auto list = set && set->tag == 0x31 ? parseTlvList(set->value) : std::nullopt;
    if (!list)
        return std::nullopt;
    std::vector<SecurityInfo> infos;
    infos.reserve(list->size());
    for (const Tlv &info : *list) {
        auto fields = info.tag == 0x30 ? parseTlvList(info.value) : std::nullopt;
        if (!fields || fields->size() < 2 || fields->size() > 3 || (*fields)[0].tag != 0x06)
            return std::nullopt;
        infos.push_back({(*fields)[0].value, std::vector<Tlv>(fields->begin() + 1, fields->end())});
    }
    return infos;
}

bool oidUnder(ByteView oid, ByteView prefix) {
    return oid.size() == prefix.size() + 1 &&
           std::equal(prefix.begin(), prefix.end(), oid.begin()) && oid.back() < 0x80;
}

} // namespace gate::emrtd
