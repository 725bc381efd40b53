#pragma once

#include "camerasettings.h"
#include "frameanalyser.h"
#include "framesource.h"
#include "latestframe.h"

#include "hal/credentialsource.h"

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace gate::camera {

// A camera and its vision pipeline as a credential source. A capture thread
// pulls frames from the frame source and stamps them; a worker thread runs
// the analysers on the newest frame (older ones are dropped) and reports
// what they found. Reports leave through queued signals.
//
// Neither thread ends on an exception (a cv::Exception from one odd frame, a
// failing driver): the camera turns degraded with the exception as health
// detail, the thread waits a backoff that doubles while the failures go on,
// then carries on (the capture thread reopens its source). The rest of the
// gate keeps deciding on its other credentials.
class CameraSource final : public hal::CredentialSource {
    Q_OBJECT
public:
    CameraSource(QString deviceName, CameraSettings settings,
                 std::vector<std::unique_ptr<FrameAnalyser>> analysers);
    ~CameraSource() override;

    void start() override;
    void stop() override;

private:
    void capture(std::stop_token stop);
    bool captureFrames(std::stop_token stop, FrameSource &source);
    void analyse(std::stop_token stop);
    void analyseFrame(const CapturedFrame &frame);
    // The capture thread's view; the camera's health is the worse of it and
    // the analysers' fault, if any.
    void reportHealth(hal::DeviceHealth::State state, const QString &detail);
    // An analyser threw (a reason), or analysed a frame cleanly again (empty).
    void reportAnalyserFault(const QString &fault);
    void publishHealth();

    QString m_deviceName;
    CameraSettings m_settings;
    std::vector<std::unique_ptr<FrameAnalyser>> m_analysers;
    LatestFrame m_latest;
    std::mutex m_healthMutex; // both threads report
    hal::DeviceHealth::State m_captureState = hal::DeviceHealth::State::Starting;
    QString m_captureDetail;
    QString m_analyserFault;
    hal::DeviceHealth m_health;
    QString m_lastHint; // worker thread
    qint64 m_lastHintNs = 0;
    std::jthread m_captureThread;
    std::jthread m_workerThread;
};

} // namespace gate::camera
