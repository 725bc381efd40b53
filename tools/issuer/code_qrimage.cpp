#include "code_qrimage.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/imgproc.hpp>

#include <stdexcept>

namespace gate::issuer {

namespace {

constexpr int quietZoneModules = 4;
// MultiFormatWriter's QR levels run 0..8: 0-2 give L, 3-4 M, 5-6 Q, 7-8 H
// (checked by reading the written symbol back).
constexpr int eccLevelM = 4;

} // namespace

cv::Mat renderQrCode(const QString &text, int modulePixels) {
    ZXing::BitMatrix matrix;
    try {
        // Size 0: one pixel per module; scaled below without blurring module edges.
        matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setEccLevel(eccLevelM)
                     .setMargin(quietZoneModules)
                     .encode(text.toStdString(), 0, 0);
    } catch (const std::exception &) {
        return {};
    }
    cv::Mat modules(matrix.height(), matrix.width(), CV_8UC1);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x)
            modules.at<uchar>(y, x) = matrix.get(x, y) ? 0 : 255;
    }
    cv::Mat image;
    cv::resize(modules, image, {}, modulePixels, modulePixels, cv::INTER_NEAREST);
    return image;
}

} // namespace gate::issuer
