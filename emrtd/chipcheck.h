#pragma once

#include "emrtd/chipchannel.h"
#include "emrtd/cscastore.h"
#include "emrtd/lds.h"
#include "emrtd/passiveauth.h"

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace gate::emrtd {

// What reading and checking one passport chip found.
enum class ChipOutcome {
    Verified,     // passive authentication passed and DG1 is the MRZ the camera read
    Unverified,   // no CSCA for the issuer, an expired certificate, or no SOD
    Forged,       // a signature or hash that does not verify, DG1 contradicting the MRZ, or
                  // a chip failing or refusing the Chip or Active Authentication its DG14
                  // or DG15 promises
    AccessDenied, // PACE or BAC refused every MRZ offered, or the chip runs neither
    NoChip,       // no card, or a card without the eMRTD application
    ReaderError,  // the reader failed or the chip left mid-read
    Malformed,    // the chip's files or secure messaging break the format
};

// "verified", "unverified", "forged", "access_denied", "no_chip", "reader_error", "malformed".
const char *outcomeName(ChipOutcome outcome);

struct ChipReport {
    ChipOutcome outcome = ChipOutcome::ReaderError;
    std::string access;           // "PACE" or "BAC" once access control opened the chip
    int openedBy = -1;            // which MRZ candidate opened it
    std::vector<std::string> mrz; // DG1's lines
    bool dg1MatchesMrz = false;
    std::optional<PassiveAuthResult> sod; // when an SOD was read
    // "none": the chip offers neither Chip nor Active Authentication.
    // "chip_authentication": it agreed keys with DG14's key and answered under
    // them. "active_authentication": it signed a fresh challenge with DG15's
    // key. "failed": it refused or its answer did not verify (the chip is
    // Forged). "not_run": DG14 or DG15 is there but no sound SOD vouched for
    // it, so either protocol would prove nothing. "not_supported": DG14 offers
    // only the DH variants of Chip Authentication and there is no
    // DG15, or a DG14 or DG15 key this reader cannot use.
    std::string chipAuth = "none";
    // The protocol that ran, "active_authentication" or "chip_authentication";
    // empty when neither did.
    std::string chipAuthProtocol;
    std::optional<FaceImage> face;
    std::vector<int> dataGroups; // the groups EF.COM lists
    int exchanges = 0;
    // 1 when the chip lost the secure messaging session mid-read and was
    // opened and read again (at most once).
    int sessionRestarts = 0;
    std::string error; // for staff: what went wrong, never document data
};

// Opens the chip with the first MRZ candidate PACE (where EF.CardAccess
// offers it) or BAC accepts (up to three, when the camera could not tell 0
// from O), reads EF.COM, EF.SOD, DG1, DG2
// and DG14/DG15 where listed, runs passive authentication at `now`, then,
// when the SOD vouches for them, Chip Authentication when DG14 offers it
// (ECDH with 3DES or AES), else Active Authentication when the chip has DG15. A
// chip that forgets the session mid-read (a reset in the field: the page
// moved, the chip browned out) is opened and read once more from the start.
ChipReport readAndCheckChip(ChipChannel &channel,
                            const std::vector<std::vector<std::string>> &mrzCandidates,
                            const CscaStore &cscas, std::time_t now);

constexpr std::size_t kMaxMrzCandidates = 3;

} // namespace gate::emrtd
