#include "issuer.h"

#include "core/credentials/eticket/trustlist.h"
#include "signingkey.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gate::issuer {

namespace {

constexpr int ed25519KeySize = 32;
constexpr int p256PointSize = 65;

// One --key argument: KEY,ISS,NBF,EXP,STATUS where KEY is a PEM private key
// file or the base64 of a raw public key (32 bytes Ed25519, 65 bytes P-256).
std::optional<QJsonObject> trustEntry(const QString &spec, QString *error) {
    const QStringList fields = spec.split(QLatin1Char(','));
    if (fields.size() != 5) {
        *error = QStringLiteral("--key %1: expected KEY,ISS,NBF,EXP,STATUS").arg(spec);
        return std::nullopt;
    }
    QByteArray pub;
    QString alg;
    if (QFileInfo(fields[0]).isFile()) {
        const SigningKey key = SigningKey::load(fields[0], error);
        if (!key.isValid())
            return std::nullopt;
        pub = key.rawPublicKey();
        alg = key.algorithm() == SigningKey::Algorithm::Ed25519 ? QStringLiteral("EdDSA")
                                                                : QStringLiteral("ES256");
    } else {
        const auto decoded = QByteArray::fromBase64Encoding(
            fields[0].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        pub = decoded ? decoded.decoded : QByteArray();
        alg = pub.size() == ed25519KeySize  ? QStringLiteral("EdDSA")
              : pub.size() == p256PointSize ? QStringLiteral("ES256")
                                            : QString();
        if (alg.isEmpty()) {
            *error = QStringLiteral("--key %1: KEY is neither a PEM file nor the base64 of a "
                                    "32- or 65-byte public key")
                         .arg(fields[0]);
            return std::nullopt;
        }
    }
    bool nbfOk = false;
    bool expOk = false;
    const qint64 nbf = fields[2].toLongLong(&nbfOk);
    const qint64 exp = fields[3].toLongLong(&expOk);
    if (!nbfOk || !expOk) {
        *error = QStringLiteral("--key %1: NBF and EXP must be Unix seconds").arg(spec);
        return std::nullopt;
    }
    return QJsonObject{
        {QStringLiteral("kid"), QString::fromLatin1(eticket::keyIdOf(pub).toBase64())},
        {QStringLiteral("alg"), alg},
        {QStringLiteral("pub"), QString::fromLatin1(pub.toBase64())},
        {QStringLiteral("iss"), fields[1]},
        {QStringLiteral("nbf"), nbf},
        {QStringLiteral("exp"), exp},
        {QStringLiteral("status"), fields[4]},
    };
}

} // namespace

// trustlist --key KEY,ISS,NBF,EXP,STATUS [--key ...] --out keys.json
int trustList(const QStringList &args) {
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("key"),
                      QStringLiteral("KEY,ISS,NBF,EXP,STATUS (KEY: PEM file or base64 public key)"),
                      QStringLiteral("SPEC")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("keys.json to write"), QStringLiteral("FILE")});
    QTextStream err(stderr);
    if (!parser.parse(QStringList{QStringLiteral("trustlist")} + args)) {
        err << "gate-issuer trustlist: " << parser.errorText() << '\n';
        return 2;
    }
    const QStringList specs = parser.values(QStringLiteral("key"));
    const QString out = parser.value(QStringLiteral("out"));
    if (specs.isEmpty() || out.isEmpty() || !parser.positionalArguments().isEmpty()) {
        err << "usage: gate-issuer trustlist --key KEY,ISS,NBF,EXP,STATUS [--key ...] --out "
               "keys.json\n";
        return 2;
    }
    QJsonArray keys;
    for (const QString &spec : specs) {
        QString error;
        const std::optional<QJsonObject> entry = trustEntry(spec, &error);
        if (!entry) {
            err << "gate-issuer trustlist: " << error << '\n';
            return 2;
        }
        keys.append(*entry);
    }
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("gate-keys/1")},
                                  {QStringLiteral("keys"), keys}})
            .toJson(QJsonDocument::Indented);
    // The gate will refuse what its parser refuses: check before writing.
    QString error;
    if (!eticket::TrustList::parse(json, &error)) {
        err << "gate-issuer trustlist: " << error << '\n';
        return 2;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
        err << "gate-issuer trustlist: " << out << ": " << file.errorString() << '\n';
        return 2;
    }
    QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("out"), out},
                                                     {QStringLiteral("keys"), keys.size()}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
    return 0;
}

} // namespace gate::issuer
