#pragma once

#include <QtGlobal>

#include <chrono>

namespace gate::hal {

// Now on std::chrono::steady_clock (CLOCK_MONOTONIC on Linux), in
// nanoseconds: the one clock of the latency budget (RawRead::availableNs to
// the lane's acknowledgement), comparable across threads and, on one box,
// across processes.
inline qint64 monotonicNowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace gate::hal
