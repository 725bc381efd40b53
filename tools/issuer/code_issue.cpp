#include "code_issue.h"

#include "core/credentials/eticket/base45.h"
#include "core/credentials/eticket/cosesign1.h"
#include "core/credentials/eticket/trustlist.h"
#include "core/credentials/eticket/verifier.h"

#include <QCborStreamWriter>

namespace gate::issuer {

qint64 coseAlgorithm(SigningKey::Algorithm algorithm) {
    return algorithm == SigningKey::Algorithm::Ed25519 ? -8 : -7;
}

QByteArray encodeClaims(const TicketClaims &claims) {
    struct TextClaim {
        const char *key;
        const QString &value;
    };
    const TextClaim optionalTexts[] = {
        {"seat", claims.seat}, {"cls", claims.seatClass}, {"nm", claims.maskedName}};
    qsizetype entries = 8;
    for (const TextClaim &claim : optionalTexts)
        entries += claim.value.isEmpty() ? 0 : 1;
    entries += claims.car ? 1 : 0;
    entries += claims.holderBinding.isEmpty() ? 0 : 1;
    entries += claims.bindingKey ? 1 : 0;

    QByteArray out;
    QCborStreamWriter writer(&out);
    writer.startMap(quint64(entries));
    writer.append(qint64(1));
    writer.append(QStringView(claims.iss));
    writer.append(qint64(4));
    writer.append(claims.exp);
    writer.append(qint64(6));
    writer.append(claims.iat);
    const auto text = [&writer](const char *key, const QString &value) {
        writer.append(QLatin1StringView(key));
        writer.append(QStringView(value));
    };
    text("tid", claims.tid);
    text("trn", claims.train);
    text("dep", claims.dep);
    text("arr", claims.arr);
    writer.append(QLatin1StringView("dpt"));
    writer.append(claims.departure);
    if (claims.car) {
        writer.append(QLatin1StringView("car"));
        writer.append(quint64(*claims.car));
    }
    for (const TextClaim &claim : optionalTexts) {
        if (!claim.value.isEmpty())
            text(claim.key, claim.value);
    }
    if (!claims.holderBinding.isEmpty()) {
        writer.append(QLatin1StringView("hb"));
        writer.append(claims.holderBinding);
    }
    if (claims.bindingKey) {
        writer.append(QLatin1StringView("kb"));
        writer.append(quint64(*claims.bindingKey));
    }
    writer.endMap();
    return out;
}

QByteArray encodeProtectedHeader(qint64 coseAlg, const QByteArray &kid) {
    QByteArray out;
    QCborStreamWriter writer(&out);
    writer.startMap(2);
    writer.append(eticket::coseHeaderAlg);
    writer.append(coseAlg);
    writer.append(eticket::coseHeaderKid);
    writer.append(kid);
    writer.endMap();
    return out;
}

QByteArray signCoseSign1(const QByteArray &protectedHeader, const QByteArray &payload,
                         const SigningKey &key) {
    const QByteArray signature = key.sign(eticket::signatureInput(protectedHeader, payload));
    QByteArray out;
    QCborStreamWriter writer(&out);
    writer.append(QCborTag(eticket::coseSign1Tag));
    writer.startArray(4);
    writer.append(protectedHeader);
    writer.startMap(0);
    writer.endMap();
    writer.append(payload);
    writer.append(signature);
    writer.endArray();
    return out;
}

QString rt1Text(const QByteArray &cose) {
    return QString(eticket::codePrefix) + eticket::encodeBase45(cose);
}

QString issueTicketCode(const TicketClaims &claims, const SigningKey &key) {
    const QByteArray header =
        encodeProtectedHeader(coseAlgorithm(key.algorithm()), eticket::keyIdOf(key.rawPublicKey()));
    return rt1Text(signCoseSign1(header, encodeClaims(claims), key));
}

} // namespace gate::issuer
