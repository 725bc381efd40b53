#include "core/service/pinhash.h"

#include <QList>

#include <openssl/evp.h>

namespace gate::service {

namespace {

constexpr QStringView kScheme = u"pbkdf2-sha256";

std::optional<QByteArray> decodeBase64(QStringView text) {
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<PinHash> fail(QString *error, const QString &reason) {
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

bool isWellFormedPin(QStringView pin) {
    if (pin.size() < kMinPinLength || pin.size() > kMaxPinLength)
        return false;
    for (const QChar c : pin) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

std::optional<PinHash> parsePinHash(QStringView text, QString *error) {
    if (text.size() > kMaxPinHashTextLength)
        return fail(
            error, QStringLiteral("PIN hash longer than %1 characters").arg(kMaxPinHashTextLength));
    const auto fields = text.split(u'$');
    if (fields.size() != 4)
        return fail(error, QStringLiteral("PIN hash must have 4 fields separated by '$'"));
    if (fields[0] != kScheme)
        return fail(error, QStringLiteral("PIN hash scheme is not pbkdf2-sha256"));

    bool numeric = false;
    const int iterations = fields[1].toInt(&numeric);
    if (!numeric || iterations < kMinPinIterations || iterations > kMaxPinIterations)
        return fail(error, QStringLiteral("PIN hash iteration count must be %1..%2")
                               .arg(kMinPinIterations)
                               .arg(kMaxPinIterations));

    const auto salt = decodeBase64(fields[2]);
    if (!salt || salt->size() < kMinPinSaltBytes || salt->size() > kMaxPinSaltBytes)
        return fail(error, QStringLiteral("PIN hash salt must be %1..%2 bytes of base64")
                               .arg(kMinPinSaltBytes)
                               .arg(kMaxPinSaltBytes));

    const auto hash = decodeBase64(fields[3]);
    if (!hash || hash->size() != kPinHashBytes)
        return fail(error,
                    QStringLiteral("PIN hash must be %1 bytes of base64").arg(kPinHashBytes));

    return PinHash{iterations, *salt, *hash};
}

QString formatPinHash(const PinHash &pinHash) {
    return QStringLiteral("%1$%2$%3$%4")
        .arg(kScheme)
        .arg(pinHash.iterations)
        .arg(QString::fromLatin1(pinHash.salt.toBase64()),
             QString::fromLatin1(pinHash.hash.toBase64()));
}

QByteArray derivePinKey(QStringView pin, const QByteArray &salt, int iterations) {
    const QByteArray utf8 = pin.toUtf8();
    QByteArray key(kPinHashBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), int(key.size()),
                                     reinterpret_cast<unsigned char *>(key.data()));
    // Only an out-of-memory condition fails here; an empty key never matches.
    return ok == 1 ? key : QByteArray();
}

} // namespace gate::service
