#pragma once

#include "emrtd/bytes.h"
#include "emrtd/tlv.h"

#include <optional>
#include <vector>

namespace gate::emrtd {

// One SecurityInfo of DG14 or EF.CardAccess (ICAO Doc 9303 part 11, 9.2):
// SEQUENCE { protocol OBJECT IDENTIFIER, requiredData ANY, optionalData ANY OPTIONAL }.
// Views into the bytes it was parsed from: the caller keeps them alive.
struct SecurityInfo {
    ByteView protocol;     // the OID's content octets
    std::vector<Tlv> data; // requiredData and optionalData, as they follow the OID
};

// Every SecurityInfo of a DG14 file (tag 6E around SET OF SecurityInfo), in
// the file's order. None when DG14 or one of its SecurityInfos breaks that
// format or the TLV limits; Active and Chip Authentication read the same list.
std::optional<std::vector<SecurityInfo>> parseSecurityInfos(ByteView dg14File);

// The same for a bare SET OF SecurityInfo, as EF.CardAccess holds it.
std::optional<std::vector<SecurityInfo>> parseSecurityInfoSet(ByteView setOfInfos);

// Whether `oid` is `prefix` followed by exactly one more arc of a single byte.
bool oidUnder(ByteView oid, ByteView prefix);

} // namespace gate::emrtd
