#pragma once

#include "camerasettings.h"
#include "frameanalyser.h"
#include "framesource.h"
#include "latestframe.h"

#include "hal/credentialsource.h"

#include <memory>
#include <thread>
#include <vector>

namespace gate::camera {

// A camera and its vision pipeline as a credential source. A capture thread
// pulls frames from the frame source and stamps them; a worker thread runs
// the analysers on the newest frame (older ones are dropped) and reports
// what they found. Reports leave through queued signals.
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
    void analyse(std::stop_token stop);
    void reportHealth(hal::DeviceHealth::State state, const QString &detail);

    QString m_deviceName;
    CameraSettings m_settings;
    std::vector<std::unique_ptr<FrameAnalyser>> m_analysers;
    LatestFrame m_latest;
    hal::DeviceHealth::State m_healthState = hal::DeviceHealth::State::Starting; // capture thread
    std::jthread m_captureThread;
    std::jthread m_workerThread;
};

} // namespace gate::camera
