// Lane profiles (JSON from configuration) and status blocks (words from the
// lane) must never crash the gate: any bytes give a profile or an error.
#include "laneprofile.h"
#include "lanestatusblock.h"

#include <cstddef>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using gate::modbuslane::LaneProfile;
    QString error;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = LaneProfile::fromJson(bytes, &error);
    // Decode the same bytes as register words, with the parsed profile when
    // there is one: a lane may answer anything.
    const LaneProfile profile = parsed.value_or(LaneProfile{});
    std::vector<quint16> words(size / 2);
    for (size_t i = 0; i < words.size(); ++i)
        words[i] = quint16(data[2 * i] << 8 | data[2 * i + 1]);
    gate::modbuslane::decodeStatusBlock(profile, words, &error);
    return 0;
}
