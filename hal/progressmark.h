#pragma once

#include "hal/monotonicclock.h"

#include <QtGlobal>

#include <atomic>

namespace gate::hal {

// Where a thread shows that it is still making progress: it marks, any other
// thread reads how long ago. The gate's watchdog and the lane's heartbeat
// vouch for a thread only while its mark is fresh (docs/operations.md).
class ProgressMark {
public:
    ProgressMark() { mark(); }

    void mark() { m_ns.store(monotonicNowNs(), std::memory_order_relaxed); }
    qint64 ageMs() const {
        return (monotonicNowNs() - m_ns.load(std::memory_order_relaxed)) / 1'000'000;
    }

private:
    std::atomic<qint64> m_ns{0};
};

} // namespace gate::hal
