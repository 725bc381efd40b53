#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gate::emrtdreader {

// The device settings of a passport chip reader (docs/emrtd.md).
struct EmrtdReaderSettings {
    QString csca;   // required: a folder of CSCA certificates and CRLs, or an ICAO master list
    QString reader; // the PC/SC reader's name; empty = the first reader with a card
    // How long a request waits for a chip to come into the field: the page is
    // read by the camera a moment before the passport lies flat on the antenna.
    int cardWaitMs = 1000;
    enum class ExtendedLength { Auto, Off, On };
    ExtendedLength extendedLength = ExtendedLength::Auto;
};

// nullopt and a message naming the key when a setting is missing, unknown or
// out of range. `csca` is looked for on the configuration's search path.
std::optional<EmrtdReaderSettings> readerSettingsFromJson(const QJsonObject &json, QString *error);

} // namespace gate::emrtdreader
