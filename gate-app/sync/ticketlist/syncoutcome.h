#pragma once

#include <QMetaType>
#include <QString>

namespace gate::sync {

// The outcome of one ticket-list sync, with the codes of spec/gatectl.md.
enum class SyncOutcome {
    Applied,
    Unchanged,
    BadSignature,
    WrongStation,
    Rollback,
    BadHash,
    BadSize,
    ChainGap,
    Malformed,
    Unreachable,
};

QString toString(SyncOutcome outcome); // "applied", "bad_signature", ...

struct SyncResult {
    SyncOutcome outcome = SyncOutcome::Unreachable;
    qint64 seq = 0;     // applied seq after the sync
    qint64 fromSeq = 0; // applied seq before it
    qint64 tickets = 0; // tickets in the store after the sync
    QString detail;     // for the log: what exactly was refused

    // Refusals keep the current data and raise an alarm.
    bool isRefusal() const {
        return outcome != SyncOutcome::Applied && outcome != SyncOutcome::Unchanged;
    }
};

} // namespace gate::sync

Q_DECLARE_METATYPE(gate::sync::SyncResult)
