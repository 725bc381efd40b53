#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gate::hal {

// What a passport chip reader found for one request (docs/emrtd.md). The face
// is decoded by the reader and kept in memory only, for the service panel:
// it never reaches a log, a file or the passenger screen.
struct ChipReading {
    quint64 request = 0;
    // "verified", "unverified", "forged", "access_denied", "no_chip",
    // "reader_error", "malformed".
    QString outcome;
    // Why, for the audit record and staff, never document data: "no_csca",
    // "expired", "no_sod", "signature_bad", "hashes_mismatch", "dg1_mismatch",
    // "unknown_dsc", "revoked", "active_authentication_failed",
    // "chip_authentication_failed", or the outcome itself.
    QString detail;
    int openedBy = -1;    // which MRZ candidate opened the chip
    QString access;       // "PACE" or "BAC" once one opened the chip
    QStringList dg1Lines; // the MRZ the chip holds, once read
    // DG2's face as 8-bit RGB rows, empty when none could be decoded.
    QByteArray faceRgb;
    int faceWidth = 0;
    int faceHeight = 0;
    qint64 readNs = 0; // how long the read and the checks took
};

} // namespace gate::hal

Q_DECLARE_METATYPE(gate::hal::ChipReading)
