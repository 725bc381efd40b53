#pragma once

#include "frameanalyser.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <stop_token>

namespace gate::camera {

// A one-frame mailbox between the capture and the worker thread: a new
// frame replaces one the worker has not taken yet, so the worker always
// reads the newest frame and never falls behind the camera.
class LatestFrame {
public:
    void put(CapturedFrame frame) {
        {
            std::lock_guard lock(m_mutex);
            m_frame = std::move(frame);
        }
        m_ready.notify_one();
    }

    // Waits for a frame not taken before; nullopt once `stop` is requested.
    std::optional<CapturedFrame> take(std::stop_token stop) {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait(lock, stop, [this] { return m_frame.has_value(); }))
            return std::nullopt;
        std::optional<CapturedFrame> frame = std::move(m_frame);
        m_frame.reset();
        return frame;
    }

private:
    std::mutex m_mutex;
    std::condition_variable_any m_ready;
    std::optional<CapturedFrame> m_frame;
};

} // namespace gate::camera
