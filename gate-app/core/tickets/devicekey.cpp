#include "core/tickets/devicekey.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>

#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gate::tickets {

namespace {

constexpr qint64 maxKeyFileBytes = 256;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key) {
    return key ? std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free) : nullptr;
}

QByteArray rawPublicKeyOf(EVP_PKEY *key) {
    QByteArray raw(DeviceKey::rawKeyBytes, '\0');
    size_t length = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &length) !=
            1 ||
        length != size_t(DeviceKey::rawKeyBytes))
        return {};
    return raw;
}

} // namespace

DeviceKey::DeviceKey(std::shared_ptr<EVP_PKEY> key)
    : m_key(std::move(key))
    , m_publicKey(rawPublicKeyOf(m_key.get())) {}

std::optional<DeviceKey> DeviceKey::generate(QString *error) {
    std::shared_ptr<EVP_PKEY> key = adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!key) {
        *error = QStringLiteral("X25519 key generation failed");
        return std::nullopt;
    }
    return DeviceKey(std::move(key));
}

std::optional<DeviceKey> DeviceKey::fromRawPrivateKey(const QByteArray &raw, QString *error) {
    std::shared_ptr<EVP_PKEY> key =
        raw.size() == rawKeyBytes
            ? adopt(EVP_PKEY_new_raw_private_key(
                  EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(raw.data()),
                  size_t(raw.size())))
            : nullptr;
    if (!key) {
        *error = QStringLiteral("not the base64 of a raw 32-byte X25519 private key");
        return std::nullopt;
    }
    return DeviceKey(std::move(key));
}

std::optional<DeviceKey> DeviceKey::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & others) {
        *error = QStringLiteral("%1: readable by others (chmod 0600)").arg(path);
        return std::nullopt;
    }
    QByteArray text = file.read(maxKeyFileBytes);
    const auto wipe = qScopeGuard([&text] { text.fill('\0'); });
    const auto decoded =
        QByteArray::fromBase64Encoding(text.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    QByteArray raw = decoded ? decoded.decoded : QByteArray();
    const auto wipeRaw = qScopeGuard([&raw] { raw.fill('\0'); });
    std::optional<DeviceKey> key = fromRawPrivateKey(raw, error);
    if (!key)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return key;
}

bool DeviceKey::saveNew(const QString &path, QString *error) const {
    QByteArray raw(rawKeyBytes, '\0');
    size_t length = size_t(raw.size());
    const auto wipe = qScopeGuard([&raw] { raw.fill('\0'); });
    if (EVP_PKEY_get_raw_private_key(m_key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                     &length) != 1) {
        *error = QStringLiteral("the private key cannot be exported");
        return false;
    }
    QByteArray line = raw.toBase64() + '\n';
    const auto wipeLine = qScopeGuard([&line] { line.fill('\0'); });
    // O_EXCL: an existing key is never replaced; 0600 from the first byte on.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const bool written =
        ::write(fd, line.constData(), size_t(line.size())) == line.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        *error = QStringLiteral("%1: cannot write the key").arg(path);
        ::unlink(QFile::encodeName(path).constData());
    }
    return written;
}

QByteArray DeviceKey::kid() const {
    return deviceKidOf(m_publicKey);
}

QByteArray deviceKidOf(const QByteArray &rawPublicKey) {
    return QCryptographicHash::hash(rawPublicKey, QCryptographicHash::Sha256)
        .left(DeviceKey::kidBytes);
}

} // namespace gate::tickets
