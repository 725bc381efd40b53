#include "issuer.h"

#include "code_issue.h"
#include "code_qrimage.h"
#include "core/credentials/eticket/cborreader.h"
#include "core/credentials/eticket/claimsdecoder.h"
#include "core/credentials/holderkey.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>

namespace gate::issuer {

namespace {

constexpr int pngModulePixels = 8;

struct Options {
    QString keyFile;
    QString png;
    TicketClaims claims;
    QString holderIdentity;
    QByteArray bindKey;
};

std::optional<Options> readOptions(const QCommandLineParser &parser, QString *error) {
    Options options;
    const auto value = [&parser](const char *name) {
        return parser.value(QString::fromLatin1(name));
    };
    const auto integer = [&](const char *name, qint64 *out) {
        bool ok = false;
        *out = value(name).toLongLong(&ok);
        if (!ok)
            *error = QStringLiteral("--%1 must be an integer").arg(QLatin1StringView(name));
        return ok;
    };
    options.keyFile = value("key");
    options.png = value("png");
    TicketClaims &claims = options.claims;
    claims.iss = parser.isSet(QStringLiteral("iss")) ? value("iss") : QStringLiteral("CR");
    claims.tid = value("tid");
    claims.train = value("trn");
    claims.dep = value("dep");
    claims.arr = value("arr");
    claims.seat = value("seat");
    claims.seatClass = value("cls");
    claims.maskedName = value("nm");
    if (options.keyFile.isEmpty()) {
        *error = QStringLiteral("--key is required");
        return std::nullopt;
    }
    if (!integer("iat", &claims.iat) || !integer("exp", &claims.exp) ||
        !integer("dpt", &claims.departure))
        return std::nullopt;
    qint64 number = 0;
    if (parser.isSet(QStringLiteral("car"))) {
        if (!integer("car", &number) || number < 0 || number > 0xFFFFFFFFLL) {
            *error = QStringLiteral("--car must be a coach number");
            return std::nullopt;
        }
        claims.car = quint32(number);
    }
    options.holderIdentity = value("hb-identity");
    if (!options.holderIdentity.isEmpty()) {
        const auto key = QByteArray::fromBase64Encoding(value("bind-key").toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
        if (!key || key.decoded.isEmpty() || !integer("kb", &number) || number < 0 ||
            number > 0xFFFFFFFFLL) {
            *error = QStringLiteral("--hb-identity needs --bind-key BASE64 and --kb N");
            return std::nullopt;
        }
        claims.bindingKey = quint32(number);
        claims.holderBinding = bindingTag(key.decoded, options.holderIdentity, claims.tid);
    }
    return options;
}

} // namespace

// code --key key.pem --tid ... --trn ... --dep ... --arr ... --dpt ... --iat ... --exp ...
//      [--iss CR] [--car N] [--seat S] [--cls C] [--nm NAME]
//      [--hb-identity ID --bind-key B64 --kb N] [--png out.png]
int code(const QStringList &args) {
    QCommandLineParser parser;
    for (const char *name : {"key", "iss", "tid", "trn", "dep", "arr", "dpt", "iat", "exp", "car",
                             "seat", "cls", "nm", "hb-identity", "bind-key", "kb", "png"})
        parser.addOption({QString::fromLatin1(name), QString(), QStringLiteral("VALUE")});
    QTextStream err(stderr);
    if (!parser.parse(QStringList{QStringLiteral("code")} + args) ||
        !parser.positionalArguments().isEmpty()) {
        err << "gate-issuer code: " << parser.errorText() << '\n'
            << "usage: gate-issuer code --key key.pem --tid TID --trn TRAIN --dep XXX --arr YYY "
               "--dpt UNIX --iat UNIX --exp UNIX [--iss CR] [--car N] [--seat S] [--cls C] "
               "[--nm NAME] [--hb-identity ID --bind-key B64 --kb N] [--png out.png]\n";
        return 2;
    }
    QString error;
    std::optional<Options> options = readOptions(parser, &error);
    if (!options) {
        err << "gate-issuer code: " << error << '\n';
        return 2;
    }
    // Refuse to sign what every gate would call malformed.
    const QByteArray payload = encodeClaims(options->claims);
    const std::optional<eticket::CborItem> decoded = eticket::parseCbor(payload, &error);
    if (!decoded || !eticket::decodeClaims(*decoded)) {
        err << "gate-issuer code: the claims break spec/eticket-qr.md (tid [A-Z0-9]{1,32}, trn "
               "1..8, dep/arr [A-Z]{3}, seat/cls <= 8, nm <= 32)\n";
        return 2;
    }
    const SigningKey key = SigningKey::load(options->keyFile, &error);
    if (!key.isValid()) {
        err << "gate-issuer code: " << error << '\n';
        return 2;
    }
    const QString text = issueTicketCode(options->claims, key);
    if (!options->png.isEmpty()) {
        const cv::Mat image = renderQrCode(text, pngModulePixels);
        if (image.empty() || !cv::imwrite(options->png.toStdString(), image)) {
            err << "gate-issuer code: cannot write " << options->png << '\n';
            return 2;
        }
    }
    QTextStream(stdout) << text << '\n';
    return 0;
}

} // namespace gate::issuer
