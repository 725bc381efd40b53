#include "issuer.h"

#include "core/credentials/eticket/trustlist.h"
#include "signingkey.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gate::issuer {

// keygen --alg EdDSA|ES256 --out key.pem: a new code-signing key; prints
// {"alg", "kid", "pub", "out"} (kid and pub in base64) for the trust list.
int keygen(const QStringList &args) {
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("alg"), QStringLiteral("EdDSA or ES256"), QStringLiteral("ALG")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("PEM file to write"), QStringLiteral("FILE")});
    QTextStream err(stderr);
    if (!parser.parse(QStringList{QStringLiteral("keygen")} + args)) {
        err << "gate-issuer keygen: " << parser.errorText() << '\n';
        return 2;
    }
    const QString alg = parser.value(QStringLiteral("alg"));
    const QString out = parser.value(QStringLiteral("out"));
    if ((alg != QLatin1String("EdDSA") && alg != QLatin1String("ES256")) || out.isEmpty() ||
        !parser.positionalArguments().isEmpty()) {
        err << "usage: gate-issuer keygen --alg EdDSA|ES256 --out key.pem\n";
        return 2;
    }
    const SigningKey key =
        SigningKey::generate(alg == QLatin1String("EdDSA") ? SigningKey::Algorithm::Ed25519
                                                           : SigningKey::Algorithm::P256);
    QString error;
    if (!key.isValid() || !key.save(out, &error)) {
        err << "gate-issuer keygen: " << error << '\n';
        return 2;
    }
    const QByteArray pub = key.rawPublicKey();
    const QJsonObject result{
        {QStringLiteral("alg"), alg},
        {QStringLiteral("kid"), QString::fromLatin1(eticket::keyIdOf(pub).toBase64())},
        {QStringLiteral("pub"), QString::fromLatin1(pub.toBase64())},
        {QStringLiteral("out"), out},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace gate::issuer
