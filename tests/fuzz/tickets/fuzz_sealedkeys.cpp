// libFuzzer target: the gate's sealed keys. The input is tried as a box
// (epk || nonce || ciphertext || tag) for a fixed device key, as the opened
// keys' JSON (which a box only yields after AES-GCM, so it is fed directly
// too), and as a manifest whose every sealed box is opened.
#include "core/tickets/devicekey.h"
#include "core/tickets/manifest.h"
#include "core/tickets/sealedkeys.h"

#include <cstddef>
#include <cstdint>

namespace {

const gate::tickets::DeviceKey &deviceKey() {
    static const gate::tickets::DeviceKey key = [] {
        QString error;
        return *gate::tickets::DeviceKey::fromRawPrivateKey(QByteArray(32, '\x42'), &error);
    }();
    return key;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString station = QStringLiteral("VNP");
    (void)gate::tickets::openListKeys(bytes, deviceKey(), station);
    if (const auto keys = gate::tickets::ListKeys::fromJson(bytes))
        (void)gate::tickets::ListKeys::fromJson(keys->toJson());
    QString error;
    if (const auto manifest = gate::tickets::parseManifest(bytes, &error)) {
        if (const auto box = manifest->sealedBoxFor(deviceKey().kid()))
            (void)gate::tickets::openListKeys(*box, deviceKey(), manifest->station);
    }
    return 0;
}
