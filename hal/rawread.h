#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gate::hal {

// One raw read as a device reports it, before any interpretation: the core
// turns it into a credential. `availableNs` is the monotonic instant
// (QElapsedTimer clock, nanoseconds) at which the read became complete: the
// start of the passage latency budget.
struct RawRead {
    enum class Kind { IdCardAnswer, Barcode, MrzLines };
    Kind kind = Kind::Barcode;
    QByteArray bytes;     // IdCardAnswer: the whole answer frame; Barcode: raw bytes
    QString text;         // Barcode: decoded text
    QString symbology;    // Barcode: "QRCode", "Aztec", "PDF417"
    QStringList mrzLines; // MrzLines: the checked MRZ lines
    qint64 availableNs = 0;
    QString source; // device name from the configuration
};

} // namespace gate::hal

Q_DECLARE_METATYPE(gate::hal::RawRead)
