#include "simplugin.h"

#include "scriptedsource.h"

#include "hal/jsonfields.h"

#include <QDir>
#include <QFile>

namespace gate::sim {

namespace {

// A day: a script pauses between reads, never for longer.
constexpr qint64 kMaxDelayMs = 86'400'000;

} // namespace

std::unique_ptr<hal::CredentialSource>
SimPlugin::createCredentialSource(const QString &deviceName, const QJsonObject &settings,
                                  QString *error) {
    QStringList errors;
    const JsonFields fields(settings, QStringLiteral("settings"), &errors);
    // config_dir is added by the configuration loader for every device.
    fields.rejectUnknown({QStringLiteral("script"), QStringLiteral("first_delay_ms"),
                          QStringLiteral("interval_ms"), QStringLiteral("repeat"),
                          QStringLiteral("config_dir")});
    const QString scriptSetting = fields.requiredString(QStringLiteral("script"));
    const int firstDelayMs =
        int(fields.integer(QStringLiteral("first_delay_ms"), 1500, 0, kMaxDelayMs));
    const int intervalMs = int(fields.integer(QStringLiteral("interval_ms"), 3000, 1, kMaxDelayMs));
    const bool repeat = fields.boolean(QStringLiteral("repeat"), false);
    if (!errors.isEmpty()) {
        *error = errors.join(u'\n');
        return nullptr;
    }
    const QString path =
        QDir(fields.string(QStringLiteral("config_dir"))).absoluteFilePath(scriptSetting);
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
    return std::make_unique<ScriptedSource>(deviceName, steps, firstDelayMs, intervalMs, repeat);
}

} // namespace gate::sim
