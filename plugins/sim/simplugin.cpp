#include "simplugin.h"

#include "scriptedsource.h"

#include "hal/configfiles.h"

#include <QFile>

namespace gate::sim {

std::unique_ptr<hal::CredentialSource>
SimPlugin::createCredentialSource(const QString &deviceName, const QJsonObject &settings,
                                  QString *error) {
    const QString scriptSetting = settings.value(QStringLiteral("script")).toString();
    if (scriptSetting.isEmpty()) {
        *error = QStringLiteral("settings.script: is required (a JSON file of raw reads)");
        return nullptr;
    }
    QString findError;
    const QString path = hal::findConfigFile(settings, scriptSetting, &findError);
    if (path.isEmpty()) {
        *error = QStringLiteral("settings.script: %1").arg(findError);
        return nullptr;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("settings.script: cannot read %1: %2").arg(path, file.errorString());
        return nullptr;
    }
    QString scriptError;
    const auto steps = ScriptedSource::parseScript(file.read(16 << 20), &scriptError);
    if (!scriptError.isEmpty()) {
        *error = QStringLiteral("settings.script: %1: %2").arg(path, scriptError);
        return nullptr;
    }
    const auto number = [&](const char *key, int fallback) {
        const QJsonValue value = settings.value(QLatin1String(key));
        return value.isUndefined() ? fallback : value.toInt(-1);
    };
    const int firstDelayMs = number("first_delay_ms", 1500);
    const int intervalMs = number("interval_ms", 3000);
    if (firstDelayMs < 0 || intervalMs < 1) {
        *error = QStringLiteral("settings.first_delay_ms and settings.interval_ms must be "
                                "whole numbers of milliseconds (interval at least 1)");
        return nullptr;
    }
    return std::make_unique<ScriptedSource>(deviceName, steps, firstDelayMs, intervalMs,
                                            settings.value(QStringLiteral("repeat")).toBool());
}

} // namespace gate::sim
