#include "core/service/pinverifier.h"

#include "core/credentials/holderkey.h"

#include <openssl/rand.h>

#include <algorithm>

namespace gate::service {

namespace {

// Stands in for an unknown staff id, and pads a hash of fewer iterations than
// the table's most, so that every answer costs the same work.
const QByteArray &standInSalt() {
    static const QByteArray salt(kPinSaltBytes, '\x5a');
    return salt;
}

} // namespace

PinVerifier::PinVerifier(const Clock &clock, LockoutPolicy policy, const LockoutStore *store)
    : m_clock(clock)
    , m_policy(policy)
    , m_store(store) {
    m_policy.maxFailures = std::max(1, m_policy.maxFailures);
    m_policy.lockoutSecs = std::max<qint64>(0, m_policy.lockoutSecs);
    if (!m_store)
        return;
    if (const std::optional<LockoutState> saved = m_store->load(&m_storeError)) {
        m_consecutiveFailures = std::min(saved->consecutiveFailures, m_policy.maxFailures - 1);
        m_lockedUntilSecs = saved->lockedUntilSecs;
    } else {
        // A count that cannot be read is not taken as cleared.
        m_lockedUntilSecs = m_clock.nowSecs() + m_policy.lockoutSecs;
    }
}

void PinVerifier::save() {
    if (m_store && !m_store->save({m_consecutiveFailures, m_lockedUntilSecs}, &m_storeError))
        return;
    if (m_store)
        m_storeError.clear();
}

QStringList PinVerifier::setStaff(const QHash<QString, QString> &pinHashByStaffId) {
    QStringList problems;
    m_staff.clear();
    m_maxIterations = kDefaultPinIterations;
    for (auto it = pinHashByStaffId.cbegin(); it != pinHashByStaffId.cend(); ++it) {
        QString error;
        if (auto parsed = parsePinHash(it.value(), &error)) {
            m_staff.insert(it.key(), *parsed);
            m_maxIterations = std::max(m_maxIterations, parsed->iterations);
        } else {
            problems << QStringLiteral("staff %1: %2").arg(it.key(), error);
        }
    }
    return problems;
}

qint64 PinVerifier::secondsUntilUnlock() const {
    return std::clamp<qint64>(m_lockedUntilSecs - m_clock.nowSecs(), 0, m_policy.lockoutSecs);
}

PinVerifier::Attempt PinVerifier::verify(const QString &staffId, const QString &pin) {
    const qint64 now = m_clock.nowSecs();
    // A clock set backwards must not stretch the lockout beyond its length.
    m_lockedUntilSecs = std::min(m_lockedUntilSecs, now + m_policy.lockoutSecs);
    if (now < m_lockedUntilSecs)
        return {Result::LockedOut, 0, m_lockedUntilSecs};
    m_lockedUntilSecs = 0;

    const bool wellFormed = isWellFormedPin(pin);
    const QStringView typed = wellFormed ? QStringView(pin) : QStringView();
    const auto known = m_staff.constFind(staffId);
    QByteArray derived;
    int iterations = 0;
    if (known != m_staff.cend()) {
        derived = derivePinKey(typed, known->salt, known->iterations);
        iterations = known->iterations;
    }
    // The rest of the work, against a stand-in: all of it for an unknown id.
    if (iterations < m_maxIterations)
        derivePinKey(typed, standInSalt(), m_maxIterations - iterations);
    const bool matches =
        known != m_staff.cend() && wellFormed && equalsConstantTime(derived, known->hash);
    if (!matches)
        return rejected();

    const bool changed = m_consecutiveFailures != 0;
    m_consecutiveFailures = 0;
    if (changed)
        save();
    return {Result::Accepted, m_policy.maxFailures, 0};
}

PinVerifier::Attempt PinVerifier::rejected() {
    ++m_consecutiveFailures;
    if (m_consecutiveFailures < m_policy.maxFailures) {
        save();
        return {Result::Rejected, failuresLeft(), 0};
    }
    m_consecutiveFailures = 0;
    m_lockedUntilSecs = m_clock.nowSecs() + m_policy.lockoutSecs;
    save();
    return {Result::LockedOut, 0, m_lockedUntilSecs};
}

QString PinVerifier::hash(const QString &pin) {
    return hash(pin, kDefaultPinIterations);
}

QString PinVerifier::hash(const QString &pin, int iterations) {
    if (!isWellFormedPin(pin) || iterations < kMinPinIterations || iterations > kMaxPinIterations)
        return {};
    QByteArray salt(kPinSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        return {};
    const QByteArray key = derivePinKey(pin, salt, iterations);
    if (key.isEmpty())
        return {};
    return formatPinHash({iterations, salt, key});
}

} // namespace gate::service
