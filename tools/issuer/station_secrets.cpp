#include "station_secrets.h"

#include "core/tickets/devicekey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace gate::issuer {

namespace {
constexpr qint64 maxSecretsBytes = 1 << 20;
constexpr char secretsFormat[] = "gate-issuer-secrets/1";
} // namespace

tickets::KeyEntry randomListKey(quint32 id) {
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return {id, key};
}

StationSecrets StationSecrets::fresh() {
    StationSecrets secrets;
    secrets.keys.listKey = randomListKey(1);
    secrets.keys.bindKeys = {randomListKey(1)};
    return secrets;
}

std::optional<StationSecrets> StationSecrets::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.read(maxSecretsBytes)).object();
    const std::optional<tickets::ListKeys> keys = tickets::ListKeys::fromJson(
        QJsonDocument(root.value(QLatin1String("keys")).toObject()).toJson());
    if (root.value(QLatin1String("format")).toString() != QLatin1String(secretsFormat) || !keys) {
        *error = QStringLiteral("%1: not a %2 file").arg(path, QLatin1String(secretsFormat));
        return std::nullopt;
    }
    StationSecrets secrets;
    secrets.keys = *keys;
    for (const QJsonValue &gate : root.value(QLatin1String("gates")).toArray()) {
        if (!secrets.enrol(QByteArray::fromBase64(gate.toString().toLatin1()))) {
            *error = QStringLiteral("%1: a gate key is not 32 bytes").arg(path);
            return std::nullopt;
        }
    }
    return secrets;
}

bool StationSecrets::save(const QString &path, QString *error) const {
    QJsonArray gateKeys;
    for (const QByteArray &gate : gates)
        gateKeys.append(QString::fromLatin1(gate.toBase64()));
    const QByteArray json =
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), QLatin1String(secretsFormat)},
                        {QStringLiteral("keys"), QJsonDocument::fromJson(keys.toJson()).object()},
                        {QStringLiteral("gates"), gateKeys}})
            .toJson();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size() && file.commit() &&
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

void StationSecrets::rotateListKey() {
    keys.listKey = randomListKey(keys.listKey.id + 1);
}

bool StationSecrets::enrol(const QByteArray &gatePublicKey) {
    if (gatePublicKey.size() != tickets::DeviceKey::rawKeyBytes)
        return false;
    if (!gates.contains(gatePublicKey))
        gates << gatePublicKey;
    return true;
}

std::optional<QList<QByteArray>> enrolmentFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QList<QByteArray> gates;
    int lineNumber = 0;
    while (!file.atEnd() && lineNumber < 10'000) {
        const QByteArray line = file.readLine(4096).trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QByteArray pub =
            QByteArray::fromBase64(entry.value(QLatin1String("pub")).toString().toLatin1());
        const QByteArray kid =
            QByteArray::fromBase64(entry.value(QLatin1String("gate")).toString().toLatin1());
        if (pub.size() != tickets::DeviceKey::rawKeyBytes || tickets::deviceKidOf(pub) != kid) {
            *error = QStringLiteral("%1 line %2: not {\"gate\",\"pub\"} of gatectl device-key show")
                         .arg(path)
                         .arg(lineNumber);
            return std::nullopt;
        }
        gates << pub;
    }
    return gates;
}

std::unique_ptr<QLockFile> lockStation(const QString &secretsPath, QString *error) {
    auto lock = std::make_unique<QLockFile>(secretsPath + QStringLiteral(".lock"));
    if (lock->tryLock(30'000))
        return lock;
    *error = QStringLiteral("another writer holds %1.lock").arg(secretsPath);
    return nullptr;
}

} // namespace gate::issuer
