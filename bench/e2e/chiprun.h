#pragma once

#include "benchstation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace test {
class ChipStack;
}

namespace gate::e2e {

// A kind of chip the runs read: what tests/emrtd/make_passport.py makes
// (beyond the page's MRZ in DG1) and how tests/emrtd/chip_with_aa.py serves it.
struct ChipKind {
    QString suffix; // of the run's name in the report: "" or "-pace"
    QStringList makeOptions;
    QStringList chipOptions;
};

// BAC with Active Authentication (RSA-1024): the passports of the last
// fifteen years. PACE-only (AES-128, brainpoolP256r1) with Chip
// Authentication (AES-128): the newest.
QList<ChipKind> chipKinds();

// Makes each passport passenger's chip of `kind` in the stack's folder;
// returns the CSCA folder the gate trusts.
QString makeChipPassports(const Station &station, ::test::ChipStack &stack,
                          const QList<CameraPassenger> &passengers, const ChipKind &kind);

// Passport passengers whose chips the gate reads: the camera replays each
// page while that passenger's chip lies on a real PC/SC stack's reader, served
// by tests/emrtd/chip_with_aa.py over a link of `kbps` (its answers held for
// the bytes at 10 bits a byte plus 1 ms turnaround); the next chip goes on the
// reader halfway between two pages. Adds to the run's report the chip reads
// as the emrtd-reader timed them and their share of read → decision.
QJsonObject chipRun(Station &station, ::test::ChipStack &stack,
                    const QList<CameraPassenger> &passengers, const QString &csca, double kbps,
                    const ChipKind &kind);

} // namespace gate::e2e
