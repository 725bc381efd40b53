#pragma once

#include <QLatin1StringView>
#include <QString>

#include <array>
#include <cstddef>
#include <string_view>

namespace gate {

// Where a decision is taken: the station, this gate and the group of gates
// that trains are assigned to ("A5" in "Please go to gate A5"), and the
// direction of the lane.
struct LaneContext {
    QString station; // telecode, e.g. "VNP"
    QString gateId;
    QString gateGroup;
    enum class Direction { Entry, Exit } direction = Direction::Entry;
};

// gate.direction of the configuration, the audit's and the status's spelling.
inline constexpr std::array<std::string_view, 2> kLaneDirectionNames{"entry", "exit"};
static_assert(kLaneDirectionNames.size() == std::size_t(LaneContext::Direction::Exit) + 1);

inline QLatin1StringView toString(LaneContext::Direction direction) {
    const std::string_view name = kLaneDirectionNames[std::size_t(direction)];
    return QLatin1StringView(name.data(), qsizetype(name.size()));
}

} // namespace gate
