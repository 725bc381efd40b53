#include "core/service/pinverifier.h"

#include "core/credentials/holderkey.h"

#include <openssl/rand.h>

#include <algorithm>

namespace gate::service {

namespace {

// Stands in for an unknown staff id so that its answer takes as long as a
// wrong PIN for a known one and does not reveal which ids exist.
const PinHash &unknownStaffStandIn() {
    static const PinHash standIn{kDefaultPinIterations, QByteArray(kPinSaltBytes, '\x5a'),
                                 QByteArray(kPinHashBytes, '\0')};
    return standIn;
}

} // namespace

PinVerifier::PinVerifier(const Clock &clock, LockoutPolicy policy)
    : m_clock(clock)
    , m_policy(policy) {
    m_policy.maxFailures = std::max(1, m_policy.maxFailures);
    m_policy.lockoutSecs = std::max<qint64>(0, m_policy.lockoutSecs);
}

QStringList PinVerifier::setStaff(const QHash<QString, QString> &pinHashByStaffId) {
    QStringList problems;
    m_staff.clear();
    for (auto it = pinHashByStaffId.cbegin(); it != pinHashByStaffId.cend(); ++it) {
        QString error;
        if (auto parsed = parsePinHash(it.value(), &error))
            m_staff.insert(it.key(), *parsed);
        else
            problems << QStringLiteral("staff %1: %2").arg(it.key(), error);
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

    const auto known = m_staff.constFind(staffId);
    const PinHash &expected = known != m_staff.cend() ? *known : unknownStaffStandIn();
    const QByteArray derived = derivePinKey(isWellFormedPin(pin) ? QStringView(pin) : QStringView(),
                                            expected.salt, expected.iterations);
    const bool matches = known != m_staff.cend() && isWellFormedPin(pin) &&
                         equalsConstantTime(derived, expected.hash);
    if (!matches)
        return rejected();

    m_consecutiveFailures = 0;
    return {Result::Accepted, m_policy.maxFailures, 0};
}

PinVerifier::Attempt PinVerifier::rejected() {
    ++m_consecutiveFailures;
    if (m_consecutiveFailures < m_policy.maxFailures)
        return {Result::Rejected, failuresLeft(), 0};
    m_consecutiveFailures = 0;
    m_lockedUntilSecs = m_clock.nowSecs() + m_policy.lockoutSecs;
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
