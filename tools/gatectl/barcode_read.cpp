#include "cli.h"
#include "imageinput.h"

#include "vision/barcode/barcodereader.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace gatectl {

// gatectl barcode read IMAGE...: every 2D code found in each image. An
// image that cannot be read gets {"file":...,"error":"unreadable"} and the
// exit status becomes 2 once the others are done.
int barcodeRead(const QStringList &args) {
    Arguments arguments(QStringLiteral("gatectl barcode read IMAGE..."), {});
    if (!arguments.parse(args))
        return exitUsage;
    const QStringList images = arguments.positional();
    if (images.isEmpty())
        return arguments.usageError();
    const gate::vision::BarcodeReader reader;
    int status = exitRan;
    for (const QString &file : images) {
        const cv::Mat image = readImageOrReport(file);
        if (image.empty()) {
            status = exitUsage;
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        const std::vector<gate::vision::Barcode> found = reader.read(image);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QJsonArray codes;
        for (const gate::vision::Barcode &code : found) {
            const QByteArray bytes(reinterpret_cast<const char *>(code.bytes.data()),
                                   qsizetype(code.bytes.size()));
            codes.append(
                QJsonObject{{QStringLiteral("format"), QString::fromStdString(code.format)},
                            {QStringLiteral("text"), QString::fromStdString(code.text)},
                            {QStringLiteral("bytes_hex"), QString::fromLatin1(bytes.toHex())}});
        }
        printJson({{QStringLiteral("file"), file},
                   {QStringLiteral("codes"), codes},
                   {QStringLiteral("ms"), qRound(ms * 10) / 10.0}});
    }
    return status;
}

} // namespace gatectl
