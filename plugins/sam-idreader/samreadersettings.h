#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gate::samreader {

// The device settings of a SAM ID-card reader (docs/idcard-reader.md).
struct SamReaderSettings {
    QString port;             // required: /dev/ttyUSB0 or a stable udev name
    qint32 baud = 115200;     // 115200, 57600, 38400, 19200 or 9600
    int pollMs = 300;         // interval between "find card" polls
    bool fingerprint = false; // read with 30 10 instead of 30 01
    // Selects and reads of one presentation the SAM may answer with a
    // failure status, together, before the card is reported as unreadable.
    int readAttempts = 3;
};

// nullopt and a message naming the key when a setting is missing, unknown or
// out of range.
std::optional<SamReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error);

} // namespace gate::samreader
