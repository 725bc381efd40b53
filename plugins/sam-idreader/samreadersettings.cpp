#include "samreadersettings.h"

#include "hal/jsonfields.h"

#include <algorithm>
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

} // namespace

std::optional<SamReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error) {
    QStringList errors;
    const JsonFields fields(json, QStringLiteral("settings"), &errors);
    // config_dir is added by the configuration loader for every device.
    fields.rejectUnknown({QStringLiteral("port"), QStringLiteral("baud"), QStringLiteral("poll_ms"),
                          QStringLiteral("fingerprint"), QStringLiteral("read_attempts"),
                          QStringLiteral("config_dir")});
    SamReaderSettings settings;
    settings.port = fields.requiredString(QStringLiteral("port"));
    const qint64 baud =
        fields.integer(QStringLiteral("baud"), settings.baud, 0, kBaudRates.front());
    if (std::find(kBaudRates.begin(), kBaudRates.end(), baud) == kBaudRates.end())
        fields.error(QStringLiteral("baud"),
                     QStringLiteral("must be one of 115200, 57600, 38400, 19200, 9600"));
    settings.baud = qint32(baud);
    settings.pollMs =
        int(fields.integer(QStringLiteral("poll_ms"), settings.pollMs, kMinPollMs, kMaxPollMs));
    settings.fingerprint = fields.boolean(QStringLiteral("fingerprint"), settings.fingerprint);
    settings.readAttempts =
        int(fields.integer(QStringLiteral("read_attempts"), settings.readAttempts, kMinReadAttempts,
                           kMaxReadAttempts));
    if (!errors.isEmpty()) {
        *error = errors.join(u'\n');
        return std::nullopt;
    }
    return settings;
}

} // namespace gate::samreader
