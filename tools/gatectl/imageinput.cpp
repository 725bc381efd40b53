#include "imageinput.h"

#include "cli.h"

#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

namespace gatectl {

cv::Mat readImageOrReport(const QString &path) {
    cv::Mat image;
    if (QFileInfo(path).isFile()) {
        try {
            image = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
        } catch (const cv::Exception &) {
            image.release(); // a decoder that throws on corrupt data
        }
    }
    if (image.empty()) {
        printError(QStringLiteral("%1: not an image OpenCV can read").arg(path));
        printJson({{QStringLiteral("file"), path},
                   {QStringLiteral("error"), QStringLiteral("unreadable")}});
    }
    return image;
}

} // namespace gatectl
