#include "core/credentials/holderkey.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace gate {

namespace {

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
         digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

QString upperAscii(const QString &text) {
    return text.toUpper();
}

QString withoutFillers(const QString &mrzField) {
    QString out = mrzField;
    out.remove(QLatin1Char('<'));
    return out;
}

} // namespace

QStringList canonicalIdentities(const IdentityDocument &document) {
    if (!document.numberValid || document.number.isEmpty())
        return {};
    const QString number = upperAscii(document.number);
    switch (document.kind) {
    case DocumentKind::ResidentId:
        return {QStringLiteral("ID:") + number};
    case DocumentKind::HmtPermit:
        return {QStringLiteral("HMT:") + number};
    case DocumentKind::Fpr2017:
        return {QStringLiteral("FPR:") + number};
    case DocumentKind::Fpr2023: {
        QStringList identities{QStringLiteral("FPR:") + number};
        if (!document.previousNumber.isEmpty())
            identities << QStringLiteral("FPR:") + upperAscii(document.previousNumber);
        return identities;
    }
    case DocumentKind::Mrz:
        return {QStringLiteral("PP:%1:%2")
                    .arg(upperAscii(withoutFillers(document.issuer)),
                         upperAscii(withoutFillers(document.number)))};
    }
    return {};
}

QString holderKey(const QByteArray &listKey, const QString &identity) {
    const QByteArray mac = hmacSha256(listKey, identity.toLatin1()).left(16);
    return QString::fromLatin1(
        mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray bindingTag(const QByteArray &bindKey, const QString &identity, const QString &tid) {
    return hmacSha256(bindKey, identity.toLatin1() + '|' + tid.toLatin1()).left(8);
}

bool equalsConstantTime(const QByteArray &a, const QByteArray &b) {
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace gate
