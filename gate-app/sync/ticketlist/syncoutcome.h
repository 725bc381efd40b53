#pragma once

#include <QMetaType>
#include <QString>

namespace gate::sync {

// The outcome of one ticket-list sync, with the codes of spec/gatectl.md.
enum class SyncOutcome {
    Applied,
    Refreshed, // the same seq with a later `generated`: new expires, keys and trust list
    Unchanged,
    BadSignature,
    WrongStation,
    Rollback,
    Replay, // the same seq, `generated` not later, other bytes
    UnsupportedFormat,
    NotEnrolled,   // no sealed box for this gate's device key
    BadSealedKeys, // the gate's box does not open
    BadHash,
    BadSize,
    ChainGap,
    Malformed,
    Unreachable,
    Timeout, // the sync or one transfer ran past its deadline
};

QString toString(SyncOutcome outcome); // "applied", "bad_signature", ...

struct SyncResult {
    SyncOutcome outcome = SyncOutcome::Unreachable;
    qint64 seq = 0;     // applied seq after the sync
    qint64 fromSeq = 0; // applied seq before it
    qint64 tickets = 0; // tickets in the store after the sync
    QString detail;     // for the log: what exactly was refused (never a key)

    // Refusals keep the current data and raise an alarm.
    bool isRefusal() const {
        return outcome != SyncOutcome::Applied && outcome != SyncOutcome::Refreshed &&
               outcome != SyncOutcome::Unchanged;
    }
    // The deciding side must reload: new records, expires, keys or trust list.
    bool changedList() const {
        return outcome == SyncOutcome::Applied || outcome == SyncOutcome::Refreshed;
    }
};

} // namespace gate::sync

Q_DECLARE_METATYPE(gate::sync::SyncResult)
