#include "camerasource.h"

#include "hal/exceptiontext.h"
#include "hal/monotonicclock.h"

#include <QDateTime>

#include <chrono>
#include <condition_variable>

namespace gate::camera {

namespace {

constexpr auto retryInterval = std::chrono::seconds(1);
constexpr auto firstBackoff = std::chrono::milliseconds(100);
constexpr auto longestBackoff = std::chrono::milliseconds(5000);
constexpr qint64 hintRepeatNs = 1'000'000'000;

// Sleeps for `duration` unless a stop is requested first.
void pause(std::stop_token stop, std::chrono::milliseconds duration) {
    std::mutex mutex;
    std::condition_variable_any wakeUp;
    std::unique_lock lock(mutex);
    wakeUp.wait_for(lock, stop, duration, [] { return false; });
}

// How long to wait after a failure: doubles while failures follow each other.
class Backoff {
public:
    std::chrono::milliseconds next() {
        m_wait = m_wait.count() == 0 ? firstBackoff : std::min(m_wait * 2, longestBackoff);
        return m_wait;
    }
    void reset() { m_wait = {}; }

private:
    std::chrono::milliseconds m_wait{};
};

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
    const std::lock_guard lock(m_healthMutex);
    m_captureState = state;
    m_captureDetail = detail;
    publishHealth();
}

void CameraSource::reportAnalyserFault(const QString &fault) {
    const std::lock_guard lock(m_healthMutex);
    if (fault == m_analyserFault)
        return;
    m_analyserFault = fault;
    publishHealth();
}

void CameraSource::publishHealth() {
    const bool analyserFails =
        !m_analyserFault.isEmpty() && (m_captureState == hal::DeviceHealth::State::Ok ||
                                       m_captureState == hal::DeviceHealth::State::Starting);
    m_health.device = m_deviceName;
    if (analyserFails ? m_health.update(hal::DeviceHealth::State::Degraded, m_analyserFault)
                      : m_health.update(m_captureState, m_captureDetail))
        emit healthChanged(m_health);
}

void CameraSource::capture(std::stop_token stop) {
    const std::unique_ptr<FrameSource> source = makeFrameSource(m_settings);
    Backoff backoff;
    while (!stop.stop_requested()) {
        try {
            if (!captureFrames(stop, *source))
                return;
        } catch (...) {
            const QString what = hal::describeException(std::current_exception());
            reportHealth(hal::DeviceHealth::State::Degraded,
                         QStringLiteral("capture failed: %1").arg(what));
            pause(stop, backoff.next());
        }
    }
}

// Until a stop (true) or the end of a replay (false); throws what the source throws.
bool CameraSource::captureFrames(std::stop_token stop, FrameSource &source) {
    QString error;
    bool opened = false;
    while (!stop.stop_requested()) {
        if (!opened) {
            opened = source.open(&error);
            if (!opened) {
                reportHealth(hal::DeviceHealth::State::Fault, error);
                pause(stop, retryInterval);
                continue;
            }
        }
        cv::Mat image;
        switch (source.next(image, &error)) {
        case FrameSource::Status::Frame:
            m_latest.put({std::move(image), hal::monotonicNowNs()});
            reportHealth(hal::DeviceHealth::State::Ok, {});
            break;
        case FrameSource::Status::Ended:
            reportHealth(hal::DeviceHealth::State::Offline, QStringLiteral("replay finished"));
            return false;
        case FrameSource::Status::Failed:
            reportHealth(hal::DeviceHealth::State::Degraded, error);
            opened = false;
            pause(stop, retryInterval);
            break;
        }
    }
    return true;
}

void CameraSource::analyse(std::stop_token stop) {
    Backoff backoff;
    while (std::optional<CapturedFrame> frame = m_latest.take(stop)) {
        try {
            analyseFrame(*frame);
            backoff.reset();
            reportAnalyserFault({});
        } catch (...) {
            const QString what = hal::describeException(std::current_exception());
            reportAnalyserFault(QStringLiteral("frame analysis failed: %1").arg(what));
            pause(stop, backoff.next());
        }
    }
}

void CameraSource::analyseFrame(const CapturedFrame &frame) {
    for (const std::unique_ptr<FrameAnalyser> &analyser : m_analysers) {
        FrameAnalyser::Findings findings = analyser->analyse(frame);
        for (hal::RawRead &read : findings.reads) {
            read.source = m_deviceName;
            emit rawRead(read);
        }
        if (!findings.hint.isEmpty() &&
            (findings.hint != m_lastHint || frame.capturedNs - m_lastHintNs > hintRepeatNs)) {
            m_lastHint = findings.hint;
            m_lastHintNs = frame.capturedNs;
            emit readingHint(findings.hint);
        }
    }
}

} // namespace gate::camera
