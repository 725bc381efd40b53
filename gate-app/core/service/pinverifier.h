#pragma once

// core/clock.h uses QTimeZone without including it.
#include <QTimeZone>

#include "core/clock.h"
#include "core/service/lockoutstore.h"
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
// through staff ids buys an attacker no extra guesses. Every attempt costs the
// same PBKDF2 work, whatever the staff id (known or not) and its hash's
// iteration count, so that timing tells no ids apart. Time comes from the
// injected clock; the count and the lockout are kept in a LockoutStore when
// one is given, so that a restart clears neither.
class PinVerifier {
public:
    enum class Result { Accepted, Rejected, LockedOut };

    struct Attempt {
        Result result = Result::Rejected;
        int failuresLeft = 0;       // wrong PINs left before the lockout
        qint64 lockedUntilSecs = 0; // Unix seconds; 0 when not locked
    };

    // With a store, the saved state is loaded now; a store that cannot be
    // read locks the keypad for one lockout period (storeError() says why).
    explicit PinVerifier(const Clock &clock, LockoutPolicy policy = {},
                         const LockoutStore *store = nullptr);

    // Empty, or why the lockout state could not be read or written.
    QString storeError() const { return m_storeError; }

    // Replaces the staff table (staff id -> PIN hash). Entries whose hash
    // does not parse are left out; one message per such entry is returned.
    QStringList setStaff(const QHash<QString, QString> &pinHashByStaffId);
    qsizetype staffCount() const { return m_staff.size(); }

    Attempt verify(const QString &staffId, const QString &pin);

    bool isLockedOut() const { return secondsUntilUnlock() > 0; }
    qint64 secondsUntilUnlock() const;
    int failuresLeft() const { return m_policy.maxFailures - m_consecutiveFailures; }

    // A new random salt each time. Empty when the PIN is not 6..12 digits.
    static QString hash(const QString &pin);
    static QString hash(const QString &pin, int iterations);

private:
    Attempt rejected();
    void save();

    const Clock &m_clock;
    LockoutPolicy m_policy;
    const LockoutStore *m_store;
    QString m_storeError;
    QHash<QString, PinHash> m_staff;
    int m_maxIterations = kDefaultPinIterations; // the work of every attempt
    int m_consecutiveFailures = 0;
    qint64 m_lockedUntilSecs = 0;
};

} // namespace gate::service
