#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace gate {

// The choices of a gate configuration that are words in the file and enums
// from the moment it is read (JsonFields::choice). Each name table is
// indexed by its enum's value; its spelling is the file's.

enum class DeviceRole { CredentialSource, Lane };
inline constexpr std::array<std::string_view, 2> kDeviceRoleNames{"credential-source", "lane"};
static_assert(kDeviceRoleNames.size() == std::size_t(DeviceRole::Lane) + 1);

enum class ScreenOrientation { Landscape, Portrait };
inline constexpr std::array<std::string_view, 2> kScreenOrientationNames{"landscape", "portrait"};
static_assert(kScreenOrientationNames.size() == std::size_t(ScreenOrientation::Portrait) + 1);

// tickets.party_passage: parties pass together at the gate, or go to staff.
enum class PartyPassage { Gate, Staff };
inline constexpr std::array<std::string_view, 2> kPartyPassageNames{"gate", "staff"};
static_assert(kPartyPassageNames.size() == std::size_t(PartyPassage::Staff) + 1);

} // namespace gate
