#include "camerasource.h"

#include <QDateTime>
#include <QDeadlineTimer>

#include <chrono>
#include <condition_variable>

namespace gate::camera {

namespace {

constexpr auto retryInterval = std::chrono::seconds(1);
constexpr qint64 hintRepeatNs = 1'000'000'000;

// Monotonic nanoseconds on the clock QElapsedTimer uses.
qint64 monotonicNowNs() {
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

// Sleeps for `duration` unless a stop is requested first.
void pause(std::stop_token stop, std::chrono::milliseconds duration) {
    std::mutex mutex;
    std::condition_variable_any wakeUp;
    std::unique_lock lock(mutex);
    wakeUp.wait_for(lock, stop, duration, [] { return false; });
}

} // namespace

CameraSource::CameraSource(QString deviceName, CameraSettings settings,
                           std::vector<std::unique_ptr<FrameAnalyser>> analysers)
    : m_deviceName(std::move(deviceName))
    , m_settings(std::move(settings))
    , m_analysers(std::move(analysers)) {}

CameraSource::~CameraSource() {
    stop();
}

void CameraSource::start() {
    if (m_captureThread.joinable())
        return;
    m_captureThread = std::jthread([this](std::stop_token stop) { capture(stop); });
    m_workerThread = std::jthread([this](std::stop_token stop) { analyse(stop); });
}

void CameraSource::stop() {
    m_captureThread.request_stop();
    m_workerThread.request_stop();
    if (m_captureThread.joinable())
        m_captureThread.join();
    if (m_workerThread.joinable())
        m_workerThread.join();
    m_captureThread = {};
    m_workerThread = {};
}

void CameraSource::reportHealth(hal::DeviceHealth::State state, const QString &detail) {
    if (state == m_healthState && state == hal::DeviceHealth::State::Ok)
        return;
    m_healthState = state;
    emit healthChanged(
        hal::DeviceHealth{m_deviceName, state, detail, QDateTime::currentDateTimeUtc()});
}

void CameraSource::capture(std::stop_token stop) {
    const std::unique_ptr<FrameSource> source = makeFrameSource(m_settings);
    QString error;
    bool opened = false;
    while (!stop.stop_requested()) {
        if (!opened) {
            opened = source->open(&error);
            if (!opened) {
                reportHealth(hal::DeviceHealth::State::Fault, error);
                pause(stop, retryInterval);
                continue;
            }
        }
        cv::Mat image;
        switch (source->next(image, &error)) {
        case FrameSource::Status::Frame:
            m_latest.put({std::move(image), monotonicNowNs()});
            reportHealth(hal::DeviceHealth::State::Ok, {});
            break;
        case FrameSource::Status::Ended:
            reportHealth(hal::DeviceHealth::State::Offline, QStringLiteral("replay finished"));
            return;
        case FrameSource::Status::Failed:
            reportHealth(hal::DeviceHealth::State::Degraded, error);
            opened = false;
            pause(stop, retryInterval);
            break;
        }
    }
}

void CameraSource::analyse(std::stop_token stop) {
    QString lastHint;
    qint64 lastHintNs = 0;
    while (std::optional<CapturedFrame> frame = m_latest.take(stop)) {
        for (const std::unique_ptr<FrameAnalyser> &analyser : m_analysers) {
            FrameAnalyser::Findings findings = analyser->analyse(*frame);
            for (hal::RawRead &read : findings.reads) {
                read.source = m_deviceName;
                emit rawRead(read);
            }
            if (!findings.hint.isEmpty() &&
                (findings.hint != lastHint || frame->capturedNs - lastHintNs > hintRepeatNs)) {
                lastHint = findings.hint;
                lastHintNs = frame->capturedNs;
                emit readingHint(findings.hint);
            }
        }
    }
}

} // namespace gate::camera
