#pragma once

#include "core/clock.h"
#include "core/credentials/credential.h"
#include "core/credentials/eticket/trustlist.h"
#include "hal/rawread.h"

#include <optional>

namespace gate {

// Turns what a device reported into a credential (DESIGN step 2): an ID-card
// answer frame, a decoded barcode or checked MRZ lines. Holds the e-ticket
// trust list that came with the last applied ticket list.
class CredentialReader {
public:
    explicit CredentialReader(const Clock &clock);

    // Replaces the trust list (after a ticket-list sync brought new keys).
    void setTrustList(std::optional<eticket::TrustList> trust);

    Credential read(const hal::RawRead &read) const;

private:
    const Clock &m_clock;
    std::optional<eticket::TrustList> m_trust;
};

} // namespace gate
