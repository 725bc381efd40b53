#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace gate {

// What a passport's chip proved about its printed page (docs/emrtd.md). A
// passport read by the camera alone is Unverified: its MRZ proves nothing.
struct ChipProof {
    enum class State {
        NotApplicable, // not a passport (ID cards are read through a SAM; e-tickets are signed)
        Verified,      // passive authentication passed and DG1 is the page's MRZ
        Unverified,    // no chip proof: see `detail`
        Forged,        // a hash, a signature or DG1 contradicts the page, or a cloned chip
    };
    State state = State::NotApplicable;
    // For the audit record and staff: "not_read" (no chip reader), "timeout",
    // or the reader's outcome and detail ("no_chip", "no_csca", "expired",
    // "no_sod", "access_denied", "reader_error", "malformed", "hashes_mismatch",
    // "signature_bad", "dg1_mismatch", "unknown_dsc", "revoked",
    // "active_authentication_failed", "chip_authentication_failed"). Never
    // document data.
    QString detail;
    // DG2's face as 8-bit RGB rows, for the service panel only: never logged,
    // written or shown to passengers.
    QByteArray faceRgb;
    QSize faceSize;
};

// "verified", "unverified", "forged"; empty when not applicable.
QString toString(ChipProof::State state);

} // namespace gate
