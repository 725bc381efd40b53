#include "emrtd/lds.h"

#include "emrtd/tlv.h"

#include <algorithm>
#include <array>

namespace gate::emrtd {

namespace {

constexpr std::array<std::uint8_t, 16> kDataGroupTags = {
    0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

std::optional<Tlv> fileBody(ByteView file, std::uint32_t tag) {
    const auto outer = parseSingleTlv(file);
    if (!outer || outer->tag != tag)
        return std::nullopt;
    return outer;
}

// The first element with `tag` found by walking constructed elements depth-first.
std::optional<Tlv> findDeep(ByteView bytes, std::uint32_t tag, int depth) {
    if (depth > kMaxTlvDepth)
        return std::nullopt;
    const auto list = parseTlvList(bytes);
    if (!list)
        return std::nullopt;
    for (const Tlv &tlv : *list) {
        if (tlv.tag == tag)
            return tlv;
        if (tlv.constructed())
            if (auto found = findDeep(tlv.value, tag, depth + 1))
                return found;
    }
    return std::nullopt;
}

std::uint32_t bigEndian(ByteView bytes) {
    std::uint32_t value = 0;
    for (std::uint8_t byte : bytes)
        value = (value << 8) | byte;
    return value;
}

std::optional<int> smallInteger(const Tlv &tlv) {
    if (tlv.tag != 0x02 || tlv.value.empty() || tlv.value.size() > 2 || (tlv.value[0] & 0x80))
        return std::nullopt;
    return static_cast<int>(bigEndian(tlv.value));
}

} // namespace

std::optional<int> dataGroupOfTag(std::uint8_t tag) {
    const auto found = std::find(kDataGroupTags.begin(), kDataGroupTags.end(), tag);
    if (found == kDataGroupTags.end())
        return std::nullopt;
    return static_cast<int>(found - kDataGroupTags.begin()) + 1;
}

std::optional<std::vector<int>> parseCom(ByteView file) {
    const auto com = fileBody(file, 0x60);
    if (!com)
        return std::nullopt;
    const auto children = parseTlvList(com->value);
    if (!children)
        return std::nullopt;
    const auto tagList = findTlv(*children, 0x5C);
    if (!tagList)
        return std::nullopt;
    std::vector<int> groups;
    for (std::uint8_t tag : tagList->value) {
        const auto group = dataGroupOfTag(tag);
        if (!group)
            return std::nullopt;
        groups.push_back(*group);
    }
    return groups;
}

std::optional<std::vector<std::string>> parseDg1(ByteView file) {
    const auto dg1 = fileBody(file, 0x61);
    if (!dg1)
        return std::nullopt;
    const auto mrzObject = parseSingleTlv(dg1->value);
    if (!mrzObject || mrzObject->tag != 0x5F1F)
        return std::nullopt;
    const std::string text(mrzObject->value.begin(), mrzObject->value.end());
    std::size_t lineLength = 0;
    switch (text.size()) {
    case 90:
        lineLength = 30;
        break; // TD1
    case 72:
        lineLength = 36;
        break; // TD2
    case 88:
        lineLength = 44;
        break; // TD3
    default:
        return std::nullopt;
    }
    if (!std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<';
        }))
        return std::nullopt;
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < text.size(); at += lineLength)
        lines.push_back(text.substr(at, lineLength));
    return lines;
}

std::optional<FaceImage> parseDg2(ByteView file) {
    const auto dg2 = fileBody(file, 0x75);
    if (!dg2)
        return std::nullopt;
    auto block = findDeep(dg2->value, 0x5F2E, 0);
    if (!block)
        block = findDeep(dg2->value, 0x7F2E, 0);
    if (!block)
        return std::nullopt;
    // ISO/IEC 19794-5: general header (14 bytes), facial record header (20),
    // feature points (8 each), image information (12), then the image.
    const ByteView record = block->value;
    constexpr std::size_t kGeneralHeader = 14, kFacialHeader = 20, kFeaturePoint = 8,
                          kImageInformation = 12;
    if (record.size() < kGeneralHeader + kFacialHeader + kImageInformation ||
        !std::equal(record.begin(), record.begin() + 4, "FAC\0"))
        return std::nullopt;
    const ByteView facial = record.subspan(kGeneralHeader);
    const std::size_t featurePoints = bigEndian(facial.subspan(4, 2));
    const std::size_t imageInfoAt = kGeneralHeader + kFacialHeader + featurePoints * kFeaturePoint;
    if (record.size() < imageInfoAt + kImageInformation)
        return std::nullopt;
    const ByteView info = record.subspan(imageInfoAt, kImageInformation);
    FaceImage face;
    switch (info[1]) {
    case 0:
        face.format = "jpeg";
        break;
    case 1:
        face.format = "jpeg2000";
        break;
    default:
        return std::nullopt;
    }
    face.width = static_cast<int>(bigEndian(info.subspan(2, 2)));
    face.height = static_cast<int>(bigEndian(info.subspan(4, 2)));
    const ByteView image = record.subspan(imageInfoAt + kImageInformation);
    if (image.empty())
        return std::nullopt;
    face.image.assign(image.begin(), image.end());
    return face;
}

std::optional<Bytes> parseDg15(ByteView file) {
    const auto dg15 = fileBody(file, 0x6F);
    if (!dg15 || !parseSingleTlv(dg15->value))
        return std::nullopt;
    return Bytes(dg15->value.begin(), dg15->value.end());
}

std::optional<ByteView> sodSignedData(ByteView file) {
    const auto sod = fileBody(file, 0x77);
    if (!sod)
        return std::nullopt;
    return sod->value;
}

std::optional<SecurityObject> parseSecurityObject(ByteView der) {
    // LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm AlgorithmIdentifier,
    //   dataGroupHashValues SEQUENCE OF DataGroupHash, ldsVersionInfo OPTIONAL }
    const auto outer = parseSingleTlv(der);
    if (!outer || outer->tag != 0x30)
        return std::nullopt;
    const auto fields = parseTlvList(outer->value);
    if (!fields || fields->size() < 3 || (*fields)[0].tag != 0x02 || (*fields)[1].tag != 0x30 ||
        (*fields)[2].tag != 0x30)
        return std::nullopt;
    const auto algorithm = parseTlvList((*fields)[1].value);
    if (!algorithm || algorithm->empty() || (*algorithm)[0].tag != 0x06)
        return std::nullopt;
    SecurityObject object;
    object.hashAlgorithm.assign((*algorithm)[0].whole.begin(), (*algorithm)[0].whole.end());
    const auto hashes = parseTlvList((*fields)[2].value);
    if (!hashes || hashes->empty())
        return std::nullopt;
    for (const Tlv &entry : *hashes) {
        const auto pair = entry.tag == 0x30 ? parseTlvList(entry.value) : std::nullopt;
        if (!pair || pair->size() != 2 || (*pair)[1].tag != 0x04 || (*pair)[1].value.empty() ||
            (*pair)[1].value.size() > 64)
            return std::nullopt;
        const auto group = smallInteger((*pair)[0]);
        if (!group || *group < 1 || *group > 16 || object.dataGroupHashes.contains(*group))
            return std::nullopt;
        object.dataGroupHashes[*group].assign((*pair)[1].value.begin(), (*pair)[1].value.end());
    }
    return object;
}

} // namespace gate::emrtd
