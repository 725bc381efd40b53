#include "core/service/lockoutstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace gate::service {

namespace {

// The file holds two numbers; anything larger is not ours.
constexpr qint64 maxFileBytes = 4096;

} // namespace

LockoutStore::LockoutStore(QString path)
    : m_path(std::move(path)) {}

std::optional<LockoutState> LockoutStore::load(QString *error) const {
    QFile file(m_path);
    if (!file.exists())
        return LockoutState{};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(m_path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(maxFileBytes + 1);
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    const QJsonValue failures = object.value(QStringLiteral("failures"));
    const QJsonValue lockedUntil = object.value(QStringLiteral("locked_until"));
    if (bytes.size() > maxFileBytes || !failures.isDouble() || !lockedUntil.isDouble() ||
        failures.toInteger(-1) < 0 || lockedUntil.toInteger(-1) < 0) {
        *error = QStringLiteral("%1: not a PIN lockout file").arg(m_path);
        return std::nullopt;
    }
    return LockoutState{int(std::min<qint64>(failures.toInteger(), 1000)), lockedUntil.toInteger()};
}

bool LockoutStore::save(const LockoutState &state, QString *error) const {
    QSaveFile file(m_path);
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("failures"), state.consecutiveFailures},
                                  {QStringLiteral("locked_until"), state.lockedUntilSecs}})
            .toJson(QJsonDocument::Compact);
    // QSaveFile writes a temporary file, flushes it to disk and renames it
    // over the old one: a crash leaves the old state or the new, never half.
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace gate::service
