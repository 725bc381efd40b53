#pragma once

#include "emrtd/bytes.h"
#include "emrtd/chipchannel.h"
#include "emrtd/smcipher.h"

#include <optional>
#include <string>

namespace gate::emrtd {

// What a chip's EF.CardAccess offers for PACE (ICAO Doc 9303 part 11, 4.4
// and 9.2.1): PACEInfo { protocol, version 2, parameterId }. This reader runs
// the generic mapping on elliptic curves (id-PACE-ECDH-GM-*) with the
// standardized domain parameters 8 to 18 (the NIST and Brainpool curves of
// 192 to 521 bits); PACE with Diffie-Hellman groups, the integrated or chip
// authentication mappings, or proprietary domain parameters is not run, and
// such a chip is opened with BAC, which Doc 9303 has every PACE chip answer.
struct PaceOffer {
    Bytes protocol; // the OID's content octets, as MSE:Set AT and the tokens name it
    SmCipher cipher = SmCipher::Aes128;
    int parameterId = 0;
    int curveNid = 0; // OpenSSL's name for the curve
};

struct CardAccessPace {
    // Absent: no file, or no PACEInfo in it. Offered: `offer` is the first
    // PACEInfo this reader runs, in the file's order. NotSupported: PACE only
    // in variants this reader does not run. Malformed: the file breaks the
    // SecurityInfos format or the limits (`error` says which).
    enum class Status { Absent, Offered, NotSupported, Malformed };
    Status status = Status::Absent;
    PaceOffer offer;
    std::string error;
};

CardAccessPace paceOfCardAccess(ByteView cardAccess);

// EF.CardAccess is small: a few SecurityInfos.
constexpr std::size_t kMaxCardAccessSize = 2048;

// EF.CardAccess read in plain from the master file (short file identifier
// 1C), before any application is selected. None when the chip has no such
// file or does not answer: `channelLost` tells the second apart.
std::optional<Bytes> readCardAccess(ChipChannel &channel, bool *channelLost);

} // namespace gate::emrtd
