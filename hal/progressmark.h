#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>

namespace gate::hal {

// Where a thread shows that it is still making progress: it marks, any other
// thread reads how long ago. The gate's watchdog and the lane's heartbeat
// vouch for a thread only while its mark is fresh (docs/operations.md).
class ProgressMark {
public:
    ProgressMark() { mark(); }

    void mark() { m_ns.store(nowNs(), std::memory_order_relaxed); }
    qint64 ageMs() const { return (nowNs() - m_ns.load(std::memory_order_relaxed)) / 1'000'000; }

private:
    static qint64 nowNs() {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    std::atomic<qint64> m_ns{0};
};

} // namespace gate::hal
