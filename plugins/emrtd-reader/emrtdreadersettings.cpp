#include "emrtdreadersettings.h"

#include "hal/configfiles.h"
#include "hal/jsonfields.h"

namespace gate::emrtdreader {

namespace {

constexpr int kMaxCardWaitMs = 5000;

} // namespace

std::optional<EmrtdReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error) {
    QStringList errors;
    const JsonFields fields(json, QStringLiteral("settings"), &errors);
    // config_dirs is added by the configuration loader for every device.
    fields.rejectUnknown({QStringLiteral("csca"), QStringLiteral("reader"),
                          QStringLiteral("card_wait_ms"), QStringLiteral("extended_length"),
                          hal::kConfigDirsSetting});
    EmrtdReaderSettings settings;
    const QString csca = fields.requiredString(QStringLiteral("csca"));
    if (!csca.isEmpty()) {
        QString findError;
        settings.csca = hal::findConfigFile(json, csca, &findError);
        if (settings.csca.isEmpty())
            fields.error(QStringLiteral("csca"), findError);
    }
    settings.reader = fields.string(QStringLiteral("reader"));
    settings.cardWaitMs =
        int(fields.integer(QStringLiteral("card_wait_ms"), settings.cardWaitMs, 0, kMaxCardWaitMs));
    const QString extended =
        fields.oneOf(QStringLiteral("extended_length"),
                     {QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off")},
                     QStringLiteral("auto"));
    settings.extendedLength =
        extended == QLatin1String("on")    ? EmrtdReaderSettings::ExtendedLength::On
        : extended == QLatin1String("off") ? EmrtdReaderSettings::ExtendedLength::Off
                                           : EmrtdReaderSettings::ExtendedLength::Auto;
    if (!errors.isEmpty()) {
        *error = errors.join(u'\n');
        return std::nullopt;
    }
    return settings;
}

} // namespace gate::emrtdreader
