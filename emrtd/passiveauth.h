#pragma once

#include "emrtd/bytes.h"
#include "emrtd/cscastore.h"

#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace gate::emrtd {

// The eContentType of an SOD: id-icao-mrtd-security-ldsSecurityObject.
inline constexpr const char *kLdsSecurityObjectOid = "2.23.136.1.1.1";

// Passive authentication (ICAO 9303 part 11, 5.1): the SOD's CMS signature,
// its Document Signer certificate chained to an installed CSCA at `now`, the
// DSC's CRL where one is installed, and every data group read against the
// hash the SOD holds for it.
struct PassiveAuthResult {
    // "ok"; "bad" (CMS signature or content digest does not verify, or no DSC
    // inside); "malformed" (not a SOD at all).
    std::string signature = "malformed";
    // "ok"; "no_csca" (nothing installed for the DSC's country); "unknown_dsc"
    // (that country's CSCAs did not issue it); "expired" (a certificate outside
    // its validity at `now`); "revoked" (on an installed CRL).
    std::string chain = "no_csca";
    std::string hashes = "mismatch";   // "ok" or "mismatch"
    std::vector<int> mismatchedGroups; // read but missing from the SOD, or a different hash
    std::string dsc;                   // subject, RFC 2253
    std::string csca;                  // the trust anchor's subject, when chained
    std::string dscCountry;
};

PassiveAuthResult verifySod(ByteView sodFile, const std::map<int, Bytes> &dataGroups,
                            const CscaStore &cscas, std::time_t now);

} // namespace gate::emrtd
