#include "camerasettings.h"

#include "hal/configfiles.h"
#include "hal/wholenumber.h"

namespace gate::camera {

namespace {

// An optional whole-number setting inside [low, high].
bool readInteger(const QJsonObject &settings, const char *key, int low, int high, int *out,
                 QString *error) {
    const QJsonValue value = settings.value(QLatin1StringView(key));
    if (value.isUndefined())
        return true;
    const std::optional<qint64> number = hal::wholeNumber(value);
    if (!number || *number < low || *number > high) {
        *error = QStringLiteral("settings.%1: must be a whole number from %2 to %3")
                     .arg(QLatin1StringView(key))
                     .arg(low)
                     .arg(high);
        return false;
    }
    *out = int(*number);
    return true;
}

bool readBool(const QJsonObject &settings, const char *key, bool *out, QString *error) {
    const QJsonValue value = settings.value(QLatin1StringView(key));
    if (value.isUndefined())
        return true;
    if (!value.isBool()) {
        *error = QStringLiteral("settings.%1: must be true or false").arg(QLatin1StringView(key));
        return false;
    }
    *out = value.toBool();
    return true;
}

} // namespace

std::optional<CameraSettings> CameraSettings::fromJson(const QJsonObject &settings,
                                                       QString *error) {
    CameraSettings result;
    const QString source = settings.value(QStringLiteral("source")).toString();
    const QString v4l2Prefix = QStringLiteral("v4l2:");
    const QString replayPrefix = QStringLiteral("replay:");
    if (source.startsWith(v4l2Prefix) && source.size() > v4l2Prefix.size()) {
        result.kind = Kind::V4l2;
        result.path = source.mid(v4l2Prefix.size());
    } else if (source.startsWith(replayPrefix) && source.size() > replayPrefix.size()) {
        result.kind = Kind::Replay;
        QString findError;
        result.path = hal::findConfigFile(settings, source.mid(replayPrefix.size()), &findError);
        if (result.path.isEmpty()) {
            *error = QStringLiteral("settings.source: %1").arg(findError);
            return std::nullopt;
        }
    } else {
        *error = QStringLiteral("settings.source: must be \"v4l2:<device>\" or "
                                "\"replay:<image folder or video file>\"");
        return std::nullopt;
    }
    if (!readInteger(settings, "width", 160, 4096, &result.width, error) ||
        !readInteger(settings, "height", 120, 4096, &result.height, error) ||
        !readInteger(settings, "fps", 1, 120, &result.fps, error) ||
        !readInteger(settings, "forget_ms", 0, 60000, &result.forgetMs, error) ||
        !readBool(settings, "loop", &result.loop, error) ||
        !readBool(settings, "mrz", &result.mrz, error))
        return std::nullopt;
    return result;
}

} // namespace gate::camera
