#pragma once

// core/clock.h uses QTimeZone without including it.
#include <QTimeZone>

#include "core/clock.h"
#include "core/service/pinhash.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gate::service {

// How many wrong PINs in a row the terminal tolerates, and for how long it
// then refuses every PIN.
struct LockoutPolicy {
    int maxFailures = 5;
    qint64 lockoutSecs = 300;
};

// Checks a staff member's PIN against the salted hashes of the staff table.
// Failures are counted per terminal, not per staff id, so that cycling
// through staff ids buys an attacker no extra guesses. Pure: time comes from
// the injected clock; no I/O.
class PinVerifier {
public:
    enum class Result { Accepted, Rejected, LockedOut };

    struct Attempt {
        Result result = Result::Rejected;
        int failuresLeft = 0;       // wrong PINs left before the lockout
        qint64 lockedUntilSecs = 0; // Unix seconds; 0 when not locked
    };

    explicit PinVerifier(const Clock &clock, LockoutPolicy policy = {});

    // Replaces the staff table (staff id -> PIN hash). Entries whose hash
    // does not parse are left out; one message per such entry is returned.
    QStringList setStaff(const QHash<QString, QString> &pinHashByStaffId);
    qsizetype staffCount() const { return m_staff.size(); }

    Attempt verify(const QString &staffId, const QString &pin);

    bool isLockedOut() const { return secondsUntilUnlock() > 0; }
    qint64 secondsUntilUnlock() const;
    int failuresLeft() const { return m_policy.maxFailures - m_consecutiveFailures; }

    // A new random salt each time. Empty when the PIN is not 4..12 digits.
    static QString hash(const QString &pin);
    static QString hash(const QString &pin, int iterations);

private:
    Attempt rejected();

    const Clock &m_clock;
    LockoutPolicy m_policy;
    QHash<QString, PinHash> m_staff;
    int m_consecutiveFailures = 0;
    qint64 m_lockedUntilSecs = 0;
};

} // namespace gate::service
