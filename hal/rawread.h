#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gate::hal {

// The most readings of one MRZ a chip reader tries: each refused BAC attempt
// costs the passenger a fresh SELECT and a challenge.
constexpr qsizetype kMaxMrzCandidates = 3;

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
    // MrzLines, instead of mrzLines: the camera could not tell 0 from O, and
    // each of these readings passes every check (at most kMaxMrzCandidates).
    // Only a passport chip can tell which is true.
    QList<QStringList> mrzCandidates;
    qint64 availableNs = 0;
    QString source; // device name from the configuration
};

} // namespace gate::hal

Q_DECLARE_METATYPE(gate::hal::RawRead)
