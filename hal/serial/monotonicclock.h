#pragma once

#include <QtGlobal>

#include <chrono>

namespace gate::hal {

// Now on the QElapsedTimer clock (CLOCK_MONOTONIC), in nanoseconds: the clock
// of RawRead::availableNs, comparable across threads and processes on a box.
inline qint64 monotonicNowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace gate::hal
