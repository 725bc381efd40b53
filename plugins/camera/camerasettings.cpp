#include "camerasettings.h"

#include "hal/configfiles.h"
#include "hal/jsonfields.h"

namespace gate::camera {

std::optional<CameraSettings> CameraSettings::fromJson(const QJsonObject &settings,
                                                       QString *error) {
    QStringList errors;
    const JsonFields fields(settings, QStringLiteral("settings"), &errors);
    // config_dirs is added by the configuration loader for every device.
    fields.rejectUnknown(
        {QStringLiteral("source"), QStringLiteral("width"), QStringLiteral("height"),
         QStringLiteral("fps"), QStringLiteral("forget_ms"), QStringLiteral("loop"),
         QStringLiteral("mrz"), QStringLiteral("mrz_candidates"), hal::kConfigDirsSetting});
    CameraSettings result;
    const QString source = fields.requiredString(QStringLiteral("source"));
    const QString v4l2Prefix = QStringLiteral("v4l2:");
    const QString replayPrefix = QStringLiteral("replay:");
    if (source.startsWith(v4l2Prefix) && source.size() > v4l2Prefix.size()) {
        result.kind = Kind::V4l2;
        result.path = source.mid(v4l2Prefix.size());
    } else if (source.startsWith(replayPrefix) && source.size() > replayPrefix.size()) {
        result.kind = Kind::Replay;
        QString findError;
        result.path = hal::findConfigFile(settings, source.mid(replayPrefix.size()), &findError);
        if (result.path.isEmpty())
            fields.error(QStringLiteral("source"), findError);
    } else if (!source.isEmpty()) {
        fields.error(QStringLiteral("source"),
                     QStringLiteral("must be \"v4l2:<device>\" or \"replay:<image folder or video "
                                    "file>\""));
    }
    result.width = int(fields.integer(QStringLiteral("width"), result.width, 160, 4096));
    result.height = int(fields.integer(QStringLiteral("height"), result.height, 120, 4096));
    result.fps = int(fields.integer(QStringLiteral("fps"), result.fps, 1, 120));
    result.forgetMs = int(fields.integer(QStringLiteral("forget_ms"), result.forgetMs, 0, 60000));
    result.loop = fields.boolean(QStringLiteral("loop"), result.loop);
    result.mrz = fields.boolean(QStringLiteral("mrz"), result.mrz);
    result.mrzCandidates = fields.boolean(QStringLiteral("mrz_candidates"), result.mrzCandidates);
    if (!errors.isEmpty()) {
        *error = errors.join(u'\n');
        return std::nullopt;
    }
    return result;
}

} // namespace gate::camera
