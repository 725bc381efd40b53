// libFuzzer target: manifest.json of a ticket list, and the delta chain
// planning that follows a successful parse.
#include "core/tickets/manifest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<gate::tickets::Manifest> manifest =
        gate::tickets::parseManifest(bytes, &error);
    if (manifest) {
        (void)gate::tickets::deltaChainFrom(*manifest, 0);
        (void)gate::tickets::deltaChainFrom(*manifest, manifest->snapshot.to);
    }
    return 0;
}
