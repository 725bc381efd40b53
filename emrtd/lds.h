#pragma once

#include "emrtd/bytes.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gate::emrtd {

// The logical data structure's files (ICAO 9303 part 10), parsed with the
// limits of tlv.h. Each parser returns none on any malformation.

// EF.COM: which data groups the chip says it holds (numbers 1..16).
std::optional<std::vector<int>> parseCom(ByteView file);

// DG1: the MRZ as the issuer wrote it, split into its lines.
std::optional<std::vector<std::string>> parseDg1(ByteView file);

// DG2's first face image (ISO/IEC 19794-5 inside the biometric template).
struct FaceImage {
    std::string format; // "jpeg" or "jpeg2000"
    int width = 0;      // as the facial record header says
    int height = 0;
    Bytes image; // the encoded image, for a decoder
};
std::optional<FaceImage> parseDg2(ByteView file);

// DG15: the Active Authentication public key (a DER SubjectPublicKeyInfo).
std::optional<Bytes> parseDg15(ByteView file);

// EF.SOD's outer tag removed: the CMS SignedData's DER ContentInfo.
std::optional<ByteView> sodSignedData(ByteView file);

// The LDS security object the SOD signs: a hash per data group.
struct SecurityObject {
    Bytes hashAlgorithm; // DER of the algorithm's OBJECT IDENTIFIER (tag and length included)
    std::map<int, Bytes> dataGroupHashes;
};
std::optional<SecurityObject> parseSecurityObject(ByteView der);

// Data-group file tags (part 10, 4.6.2): DG1 0x61, DG2 0x75 ...
std::optional<int> dataGroupOfTag(std::uint8_t tag);

} // namespace gate::emrtd
