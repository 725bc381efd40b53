#include "cli.h"
#include "imageinput.h"

#include "core/credentials/eticket/claimsjson.h"
#include "core/credentials/eticket/verifier.h"
#include "vision/barcode/barcodereader.h"

#include <QDateTime>
#include <QFile>

#include <limits>

namespace gatectl {

namespace {

QJsonObject verificationJson(const gate::eticket::Verification &result) {
    QJsonObject json{{QStringLiteral("outcome"), gate::eticket::toString(result.outcome)}};
    if (!result.kid.isEmpty())
        json.insert(QStringLiteral("kid"), QString::fromLatin1(result.kid.toBase64()));
    if (!result.alg.isEmpty())
        json.insert(QStringLiteral("alg"), result.alg);
    if (result.claims)
        json.insert(QStringLiteral("claims"), gate::eticket::toJson(*result.claims));
    if (!result.detail.isEmpty())
        json.insert(QStringLiteral("detail"), result.detail);
    return json;
}

} // namespace

// gatectl ticket verify --keys KEYS.json [--now UNIX] (--text TEXT | IMAGE...)
int ticketVerify(const QStringList &args) {
    Arguments arguments(
        QStringLiteral(
            "gatectl ticket verify --keys KEYS.json [--now UNIX] (--text TEXT | IMAGE...)"),
        {QCommandLineOption(QStringLiteral("keys"), QString(), QStringLiteral("FILE")),
         QCommandLineOption(QStringLiteral("text"), QString(), QStringLiteral("TEXT")),
         QCommandLineOption(QStringLiteral("now"), QString(), QStringLiteral("UNIX"))});
    if (!arguments.parse(args))
        return exitUsage;
    const QString keysPath = arguments.value(QStringLiteral("keys"));
    const bool haveText = arguments.isSet(QStringLiteral("text"));
    const QString text = arguments.value(QStringLiteral("text"));
    const QStringList images = arguments.positional();
    if (keysPath.isEmpty() || haveText == !images.isEmpty())
        return arguments.usageError();
    const std::optional<qint64> now =
        arguments.integer(QStringLiteral("now"), 0, std::numeric_limits<qint64>::max(),
                          QDateTime::currentSecsSinceEpoch());
    if (!now)
        return exitUsage;
    QFile keysFile(keysPath);
    if (!keysFile.open(QIODevice::ReadOnly))
        return usageError(QStringLiteral("%1: %2").arg(keysPath, keysFile.errorString()));
    QString error;
    const std::optional<gate::eticket::TrustList> trust = gate::eticket::TrustList::parse(
        keysFile.read(gate::eticket::TrustList::maxJsonBytes + 1), &error);
    if (!trust)
        return usageError(QStringLiteral("%1: %2").arg(keysPath, error));

    if (haveText) {
        printJson(verificationJson(gate::eticket::verify(text, *trust, *now)));
        return exitRan;
    }
    const gate::vision::BarcodeReader reader;
    int status = exitRan;
    for (const QString &file : images) {
        const cv::Mat image = readImageOrReport(file);
        if (image.empty()) {
            status = exitUsage;
            continue;
        }
        const std::vector<gate::vision::Barcode> codes = reader.read(image);
        if (codes.empty())
            printError(QStringLiteral("%1: no code found").arg(file));
        for (const gate::vision::Barcode &code : codes) {
            QJsonObject json = verificationJson(
                gate::eticket::verify(QString::fromStdString(code.text), *trust, *now));
            json.insert(QStringLiteral("file"), file);
            printJson(json);
        }
    }
    return status;
}

} // namespace gatectl
