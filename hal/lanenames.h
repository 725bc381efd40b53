#pragma once

#include "hal/laneactuator.h"

#include <QLatin1StringView>

#include <array>
#include <cstddef>
#include <string_view>

namespace gate::hal {

// The names of the lane's enums: one spelling for the logs, the status
// socket, gatectl, the lane simulator and the keys of a lane profile
// (spec/gate-modbus.md). Each table is indexed by its enum's value.
inline constexpr std::array<std::string_view, 16> kLaneInputNames{
    "barrier_closed", "barrier_open",   "occupied",   "entry_beam", "centre_beam",     "exit_beam",
    "tailgating",     "intrusion",      "wrong_way",  "climb",      "passage_timeout", "fire_alarm",
    "emergency",      "out_of_service", "on_battery", "obstruction"};
static_assert(kLaneInputNames.size() == std::size_t(LaneInput::Obstruction) + 1);

inline constexpr std::array<std::string_view, 9> kLaneEventNames{
    "none",      "passed_entry", "passed_exit", "pass_timed_out", "tailgating",
    "intrusion", "wrong_way",    "fire_alarm",  "fault"};
static_assert(kLaneEventNames.size() == std::size_t(LaneEvent::Fault) + 1);

inline constexpr std::array<std::string_view, 7> kLaneModeNames{
    "controlled", "free_entry", "free_exit", "free_both", "locked", "emergency", "out_of_service"};
static_assert(kLaneModeNames.size() == std::size_t(LaneStatus::Mode::OutOfService) + 1);

// Commands start at 1 on the wire; 0 is no command.
inline constexpr std::array<std::string_view, 12> kLaneCommandNames{
    "none",      "open_entry", "open_exit", "close",          "free_entry",      "free_exit",
    "free_both", "lock",       "normal",    "emergency_open", "emergency_reset", "alarm_reset"};
static_assert(kLaneCommandNames.size() == std::size_t(LaneCommand::AlarmReset) + 1);

// The first four are what a lane answers (CMD_RESULT); the others are the
// gate's own view of a command that got no answer.
inline constexpr std::array<std::string_view, 6> kLaneCommandResultNames{
    "ok", "refused_mode", "refused_occupied", "fault", "not_acknowledged", "link_down"};
static_assert(kLaneCommandResultNames.size() == std::size_t(LaneCommandResult::LinkDown) + 1);
inline constexpr std::size_t kLaneAnsweredResults = 4;

template <std::size_t N>
QLatin1StringView laneName(const std::array<std::string_view, N> &names, std::size_t index) {
    const std::string_view name = index < N ? names[index] : std::string_view("unknown");
    return QLatin1StringView(name.data(), qsizetype(name.size()));
}

inline QLatin1StringView name(LaneInput input) {
    return laneName(kLaneInputNames, std::size_t(input));
}
inline QLatin1StringView name(LaneEvent event) {
    return laneName(kLaneEventNames, std::size_t(event));
}
inline QLatin1StringView name(LaneStatus::Mode mode) {
    return laneName(kLaneModeNames, std::size_t(mode));
}
inline QLatin1StringView name(LaneCommand command) {
    return laneName(kLaneCommandNames, std::size_t(command));
}
inline QLatin1StringView name(LaneCommandResult result) {
    return laneName(kLaneCommandResultNames, std::size_t(result));
}

} // namespace gate::hal
