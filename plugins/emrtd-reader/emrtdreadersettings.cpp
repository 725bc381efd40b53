#include "emrtdreadersettings.h"

#include "hal/wholenumber.h"

#include <QDir>
#include <QJsonValue>

namespace gate::emrtdreader {

namespace {

constexpr int kMaxCardWaitMs = 5000;

std::nullopt_t fail(QString *error, const char *key, const QString &problem) {
    *error = QStringLiteral("settings.%1: %2").arg(QLatin1String(key), problem);
    return std::nullopt;
}

} // namespace

std::optional<EmrtdReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error) {
    // config_dir is added by the configuration loader for every device.
    static const QStringList known{QStringLiteral("csca"), QStringLiteral("reader"),
                                   QStringLiteral("card_wait_ms"),
                                   QStringLiteral("extended_length"), QStringLiteral("config_dir")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(error, qPrintable(it.key()),
                        QStringLiteral("unknown setting (known: csca, reader, card_wait_ms, "
                                       "extended_length)"));
    }
    EmrtdReaderSettings settings;
    const QJsonValue csca = json.value(QLatin1String("csca"));
    if (!csca.isString() || csca.toString().isEmpty())
        return fail(
            error, "csca",
            QStringLiteral("required: a folder of CSCA certificates or a master list file"));
    settings.csca =
        QDir(json.value(QLatin1String("config_dir")).toString()).absoluteFilePath(csca.toString());

    const QJsonValue reader = json.value(QLatin1String("reader"));
    if (!reader.isUndefined() && !reader.isString())
        return fail(error, "reader", QStringLiteral("the PC/SC reader's name, a string"));
    settings.reader = reader.toString();

    const QJsonValue cardWait = json.value(QLatin1String("card_wait_ms"));
    if (!cardWait.isUndefined()) {
        const std::optional<qint64> ms = hal::wholeNumber(cardWait);
        if (!ms || *ms < 0 || *ms > kMaxCardWaitMs)
            return fail(error, "card_wait_ms",
                        QStringLiteral("whole milliseconds from 0 to %1").arg(kMaxCardWaitMs));
        settings.cardWaitMs = int(*ms);
    }

    const QJsonValue extended = json.value(QLatin1String("extended_length"));
    if (!extended.isUndefined()) {
        const QString mode = extended.toString();
        if (mode == QLatin1String("auto"))
            settings.extendedLength = EmrtdReaderSettings::ExtendedLength::Auto;
        else if (mode == QLatin1String("on"))
            settings.extendedLength = EmrtdReaderSettings::ExtendedLength::On;
        else if (mode == QLatin1String("off"))
            settings.extendedLength = EmrtdReaderSettings::ExtendedLength::Off;
        else
            return fail(error, "extended_length", QStringLiteral("\"auto\", \"on\" or \"off\""));
    }
    return settings;
}

} // namespace gate::emrtdreader
