// libFuzzer target for the e-ticket verifier and the parsers under it. The
// first byte picks the entry point, the rest is the input:
//   0: verify() on the bytes as text   1: parseCbor()   2: decodeBase45()
//   3: the bytes as COSE, Base45-encoded behind "RT1:", through verify()

#include "core/credentials/eticket/base45.h"
#include "core/credentials/eticket/cborreader.h"
#include "core/credentials/eticket/verifier.h"

#include <cstddef>
#include <cstdint>

namespace {

const gate::eticket::TrustList &trustList() {
    // Public keys only (Ed25519 and P-256); no signature here will verify,
    // but every step up to the signature check runs.
    static const gate::eticket::TrustList list = *gate::eticket::TrustList::parse(
        R"({"format":"gate-keys/1","keys":[
        {"kid":"MWzaueZ/Py0=","alg":"EdDSA","pub":"OWuVtXt28j1zAL8apSjdyj2bG+TD9Fbkh8NRrheiMjE=",
         "iss":"CR","nbf":1763000000,"exp":1798761600,"status":"active"},
        {"kid":"+wyct1cCPqs=","alg":"ES256","pub":"BKgnsuihDbIu3KNDn2ZUqi1GEtdbTNk8XhUJ/iV0rJDJsi3NQta8y7s8wzUOxhneyGqQq952846RCBBHBpMnJNU=",
         "iss":"CR","nbf":1763000000,"exp":1798761600,"status":"retired"}]})",
        nullptr);
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 4096)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    constexpr qint64 now = 1763700000;
    switch (data[0] % 4) {
    case 0:
        gate::eticket::verify(QString::fromLatin1(input), trustList(), now);
        break;
    case 1: {
        QString error;
        gate::eticket::parseCbor(input, &error);
        break;
    }
    case 2:
        gate::eticket::decodeBase45(QString::fromLatin1(input), gate::eticket::maxCodeBytes);
        break;
    default:
        gate::eticket::verify(QStringLiteral("RT1:") + gate::eticket::encodeBase45(input),
                              trustList(), now);
        break;
    }
    return 0;
}
