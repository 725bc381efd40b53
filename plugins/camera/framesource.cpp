#include "framesource.h"

#include "replayframesource.h"
#include "v4l2framesource.h"

namespace gate::camera {

std::unique_ptr<FrameSource> makeFrameSource(const CameraSettings &settings) {
    if (settings.kind == CameraSettings::Kind::Replay)
        return std::make_unique<ReplayFrameSource>(settings);
    return std::make_unique<V4l2FrameSource>(settings);
}

} // namespace gate::camera
