#include "cameraplugin.h"

#include "barcodeanalyser.h"
#include "camerasource.h"
#include "mrzanalyser.h"

namespace gate::camera {

std::unique_ptr<hal::CredentialSource>
CameraPlugin::createCredentialSource(const QString &deviceName, const QJsonObject &settings,
                                     QString *error) {
    const std::optional<CameraSettings> parsed = CameraSettings::fromJson(settings, error);
    if (!parsed)
        return nullptr;
    std::vector<std::unique_ptr<FrameAnalyser>> analysers;
    analysers.push_back(std::make_unique<BarcodeAnalyser>(qint64(parsed->forgetMs) * 1'000'000));
    if (parsed->mrz)
        analysers.push_back(std::make_unique<MrzAnalyser>(qint64(parsed->forgetMs) * 1'000'000,
                                                          parsed->mrzCandidates));
    return std::make_unique<CameraSource>(deviceName, *parsed, std::move(analysers));
}

} // namespace gate::camera
