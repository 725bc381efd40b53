#include "core/credentials/credentialreader.h"

#include "core/credentials/eticket/ticketcredential.h"
#include "core/credentials/idcard/idcardreading.h"
#include "core/credentials/mrz/mrzcredential.h"

namespace gate {

namespace {

// A text that is not an RT1 code goes to the next ticket decoder: there is
// none yet, so the passenger is told the code is not a ticket of ours.
const QLatin1String eticketPrefix("RT1:");

} // namespace

CredentialReader::CredentialReader(const Clock &clock)
    : m_clock(clock) {}

void CredentialReader::setTrustList(std::optional<eticket::TrustList> trust) {
    m_trust = std::move(trust);
}

Credential CredentialReader::read(const hal::RawRead &read) const {
    Credential credential;
    switch (read.kind) {
    case hal::RawRead::Kind::IdCardAnswer:
        credential = credentialFromIdCardAnswer(read.bytes);
        break;
    case hal::RawRead::Kind::MrzLines:
        // Several readings: none is an identity until a chip tells which is true.
        credential = read.mrzCandidates.isEmpty()
                         ? credentialFromMrzLines(read.mrzLines, m_clock.now().date())
                         : Credential::failed(Reason::MrzAmbiguous);
        break;
    case hal::RawRead::Kind::Barcode:
        if (!read.text.startsWith(eticketPrefix))
            credential = Credential::failed(Reason::TicketNotRecognised);
        else if (!m_trust)
            credential = Credential::failed(Reason::TicketNoTrustList);
        else
            credential = credentialFromTicketCode(read.text, *m_trust, m_clock.nowSecs());
        break;
    }
    credential.source = read.source;
    credential.availableNs = read.availableNs;
    return credential;
}

} // namespace gate
