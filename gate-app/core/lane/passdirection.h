#pragma once

namespace gate {

// Which way a passenger goes through the lane.
enum class PassDirection { Entry, Exit };

} // namespace gate
