#include "samreadersettings.h"

#include "hal/configfiles.h"

#include <QJsonValue>

#include <array>

namespace gate::samreader {

namespace {

constexpr std::array kBaudRates{115200, 57600, 38400, 19200, 9600};
constexpr int kMinPollMs = 100;
constexpr int kMaxPollMs = 5000;
// One attempt reports the first failure; more than a few keep a passenger with
// a damaged card waiting for seconds without an answer.
constexpr int kMinReadAttempts = 1;
constexpr int kMaxReadAttempts = 10;

bool isWholeNumber(const QJsonValue &value) {
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

bool fail(QString *error, const char *key, const QString &problem) {
    *error = QStringLiteral("settings.%1: %2").arg(QLatin1String(key), problem);
    return false;
}

} // namespace

std::optional<SamReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error) {
    // config_dirs is added by the configuration loader for every device.
    static const QStringList known{
        QStringLiteral("port"),          QStringLiteral("baud"),
        QStringLiteral("poll_ms"),       QStringLiteral("fingerprint"),
        QStringLiteral("read_attempts"), QString(hal::kConfigDirsSetting)};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("settings.%1: unknown setting (known: port, baud, poll_ms, "
                                    "fingerprint, read_attempts)")
                         .arg(it.key());
            return std::nullopt;
        }
    }
    SamReaderSettings settings;
    const QJsonValue port = json.value(QLatin1String("port"));
    if (!port.isString() || port.toString().isEmpty()) {
        fail(error, "port", QStringLiteral("required: the serial device, e.g. \"/dev/ttyUSB0\""));
        return std::nullopt;
    }
    settings.port = port.toString();

    const QJsonValue baud = json.value(QLatin1String("baud"));
    if (!baud.isUndefined()) {
        const auto rate = baud.toInteger();
        if (!isWholeNumber(baud) ||
            std::find(kBaudRates.begin(), kBaudRates.end(), rate) == kBaudRates.end()) {
            fail(error, "baud", QStringLiteral("one of 115200, 57600, 38400, 19200, 9600"));
            return std::nullopt;
        }
        settings.baud = qint32(rate);
    }

    const QJsonValue pollMs = json.value(QLatin1String("poll_ms"));
    if (!pollMs.isUndefined()) {
        if (!isWholeNumber(pollMs) || pollMs.toInteger() < kMinPollMs ||
            pollMs.toInteger() > kMaxPollMs) {
            fail(
                error, "poll_ms",
                QStringLiteral("whole milliseconds from %1 to %2").arg(kMinPollMs).arg(kMaxPollMs));
            return std::nullopt;
        }
        settings.pollMs = int(pollMs.toInteger());
    }

    const QJsonValue fingerprint = json.value(QLatin1String("fingerprint"));
    if (!fingerprint.isUndefined()) {
        if (!fingerprint.isBool()) {
            fail(error, "fingerprint", QStringLiteral("true or false"));
            return std::nullopt;
        }
        settings.fingerprint = fingerprint.toBool();
    }

    const QJsonValue readAttempts = json.value(QLatin1String("read_attempts"));
    if (!readAttempts.isUndefined()) {
        if (!isWholeNumber(readAttempts) || readAttempts.toInteger() < kMinReadAttempts ||
            readAttempts.toInteger() > kMaxReadAttempts) {
            fail(error, "read_attempts",
                 QStringLiteral("a whole number from %1 to %2")
                     .arg(kMinReadAttempts)
                     .arg(kMaxReadAttempts));
            return std::nullopt;
        }
        settings.readAttempts = int(readAttempts.toInteger());
    }
    return settings;
}

} // namespace gate::samreader
