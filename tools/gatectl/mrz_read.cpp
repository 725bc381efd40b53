#include "cli.h"
#include "imageinput.h"

#include "core/credentials/mrz/mrzjson.h"
#include "vision/mrz/mrzreader.h"

#include <QDate>

#include <chrono>

namespace gatectl {

// gatectl mrz read IMAGE...: finds and reads the MRZ of each image. An image
// that cannot be read gets {"file":...,"error":"unreadable"} and a message on
// stderr; the others are still read, and the exit status is then 2.
int mrzRead(const QStringList &args) {
    Arguments arguments(QStringLiteral("gatectl mrz read IMAGE..."), {});
    if (!arguments.parse(args))
        return exitUsage;
    const QStringList images = arguments.positional();
    if (images.isEmpty())
        return arguments.usageError();
    const QDate today = QDate::currentDate();
    gate::vision::MrzReader::Options options;
    options.today = {today.year(), today.month(), today.day()};
    const gate::vision::MrzReader reader(options);
    int status = exitRan;
    for (const QString &path : images) {
        const cv::Mat image = readImageOrReport(path);
        if (image.empty()) {
            status = exitUsage;
            continue;
        }
        const auto start = std::chrono::steady_clock::now();
        const gate::vision::MrzFrameResult frame = reader.read(image);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        QJsonObject object{{QStringLiteral("file"), path}, {QStringLiteral("found"), frame.found}};
        if (frame.found) {
            const QJsonObject fields =
                gate::mrzResultJson(gate::mrz::parseMrz(frame.lines, options.today));
            for (auto it = fields.begin(); it != fields.end(); ++it)
                object.insert(it.key(), it.value());
            // The reader's verdict also counts readings it found ambiguous.
            object.insert(QStringLiteral("valid"), frame.valid);
            if (!frame.hint.empty())
                object.insert(QStringLiteral("hint"), QString::fromStdString(frame.hint));
        }
        object.insert(QStringLiteral("ms"), qRound(ms * 10) / 10.0);
        printJson(object);
    }
    return status;
}

} // namespace gatectl
