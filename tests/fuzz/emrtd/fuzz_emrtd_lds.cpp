// The chip's bytes: the first input byte picks a parser, the rest is what the
// chip sent. Covers the TLV reader, EF.COM, DG1, DG2, DG15, the SOD (CMS
// through OpenSSL, then the LDS security object) and secure-messaging replies.
#include "emrtd/cscastore.h"
#include "emrtd/lds.h"
#include "emrtd/passiveauth.h"
#include "emrtd/securemessaging.h"
#include "emrtd/tlv.h"

#include <cstddef>
#include <cstdint>

using namespace gate::emrtd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    const ByteView input(data + 1, size - 1);
    switch (data[0] % 8) {
    case 0: parseTlvList(input); break;
    case 1: parseCom(input); break;
    case 2: parseDg1(input); break;
    case 3: parseDg2(input); break;
    case 4: parseDg15(input); break;
    case 5: parseSecurityObject(input); break;
    case 6: {
        static const CscaStore noCscas;
        verifySod(input, {{1, Bytes(input.begin(), input.end())}}, noCscas, 1763700000);
        break;
    }
    case 7: {
        SecureMessaging session(Bytes(16, 0x11), Bytes(16, 0x22), Bytes(8, 0));
        if (input.size() >= 2) {
            const ResponseApdu response{Bytes(input.begin(), input.end() - 2),
                                        static_cast<std::uint16_t>((input[input.size() - 2] << 8) |
                                                                   input[input.size() - 1])};
            session.unwrap(response, nullptr);
        }
        break;
    }
    }
    return 0;
}
