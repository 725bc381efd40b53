#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gate::camera {

// The camera device's settings from the gate configuration:
// {"source": "v4l2:/dev/video0" | "replay:<image folder or video file>",
//  "width": 1280, "height": 720, "fps": 15, "loop": true, "mrz": false,
//  "mrz_candidates": false, "forget_ms": 1500}
struct CameraSettings {
    enum class Kind { V4l2, Replay };
    Kind kind = Kind::V4l2;
    QString path; // device node, image folder or video file (absolute)
    int width = 1280;
    int height = 720;
    int fps = 15;
    bool loop = true; // replay: start again at the end
    bool mrz = false; // also read machine readable zones
    // Report a zone refused as ambiguous (0 or O) with its candidate
    // readings, for a passport chip reader to resolve (docs/emrtd.md).
    bool mrzCandidates = false;
    int forgetMs = 1500; // a code out of view this long is reported again when it returns

    // nullopt with a message naming the key when a setting is unusable.
    // A relative replay path is looked for in "config_dirs" (hal/configfiles.h).
    static std::optional<CameraSettings> fromJson(const QJsonObject &settings, QString *error);
};

} // namespace gate::camera
