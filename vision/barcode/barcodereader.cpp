// Text as UTF-8 std::string from ZXing-C++ 1.4's Result::text().
#define ZX_USE_UTF8 1

#include "vision/barcode/barcodereader.h"

#include "vision/grayframe.h"

#include <ZXing/ReadBarcode.h>

#include <opencv2/imgproc.hpp>

#include <functional>

namespace gate::vision {

namespace {

// The smallest symbol (QR version 1) is 21 modules wide; a frame needs at
// least two pixels per module in both the plain and the downscaled pass.
constexpr int smallestSymbolPixels = 21;

// A frame prepared for one pass, and the factor that maps its pixel
// coordinates back onto the camera frame.
struct PassImage {
    cv::Mat gray;
    double scaleToFrame = 1.0;
};

using Pass = std::function<PassImage(const cv::Mat &gray)>;

PassImage inverted(const cv::Mat &gray) {
    cv::Mat out;
    cv::bitwise_not(gray, out);
    return {out};
}

// Area averaging melts moiré and noise into even grey before binarising.
PassImage downscaled(const cv::Mat &gray) {
    cv::Mat out;
    cv::resize(gray, out, {}, 0.5, 0.5, cv::INTER_AREA);
    return {out, 2.0};
}

PassImage sharpened(const cv::Mat &gray) {
    cv::Mat blurred;
    cv::GaussianBlur(gray, blurred, {0, 0}, 2.0);
    cv::Mat out;
    cv::addWeighted(gray, 1.8, blurred, -0.8, 0, out);
    return {out};
}

// Glare washes one part of a screen out: equalise contrast tile by tile.
PassImage equalised(const cv::Mat &gray) {
    cv::Mat out;
    cv::createCLAHE(3.0, {8, 8})->apply(gray, out);
    return {out};
}

const std::vector<Pass> &fallbackPasses() {
    static const std::vector<Pass> passes{downscaled, inverted, sharpened, equalised};
    return passes;
}

ZXing::BarcodeFormats zxingFormats(const BarcodeReader::Formats &formats) {
    ZXing::BarcodeFormats out;
    if (formats.qrCode)
        out |= ZXing::BarcodeFormat::QRCode;
    if (formats.aztec)
        out |= ZXing::BarcodeFormat::Aztec;
    if (formats.pdf417)
        out |= ZXing::BarcodeFormat::PDF417;
    if (formats.dataMatrix)
        out |= ZXing::BarcodeFormat::DataMatrix;
    return out;
}

std::vector<Barcode> readPass(const PassImage &image, const ZXing::DecodeHints &hints) {
    const cv::Mat gray = image.gray.isContinuous() ? image.gray : image.gray.clone();
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                int(gray.step));
    std::vector<Barcode> found;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        Barcode barcode;
        barcode.format = ZXing::ToString(result.format());
        barcode.text = result.text();
        barcode.bytes.assign(result.bytes().begin(), result.bytes().end());
        for (size_t i = 0; i < barcode.corners.size(); ++i) {
            const auto point = result.position()[i];
            barcode.corners[i] =
                cv::Point(int(point.x * image.scaleToFrame), int(point.y * image.scaleToFrame));
        }
        found.push_back(std::move(barcode));
    }
    return found;
}

} // namespace

BarcodeReader::BarcodeReader()
    : BarcodeReader(Formats{}) {}

BarcodeReader::BarcodeReader(Formats formats)
    : m_formats(formats) {}

ZXing::DecodeHints BarcodeReader::hints() const {
    ZXing::DecodeHints hints;
    hints.setFormats(zxingFormats(m_formats));
    // QR and Aztec detection does not care about rotation; trying rotated
    // copies would only help PDF417 held sideways, at several times the cost.
    hints.setTryRotate(false);
    return hints;
}

std::vector<Barcode> BarcodeReader::read(const cv::Mat &frame) const {
    const cv::Mat gray = toGray(frame);
    if (gray.cols < 2 * smallestSymbolPixels || gray.rows < 2 * smallestSymbolPixels)
        return {};
    const ZXing::DecodeHints decodeHints = hints();
    std::vector<Barcode> found = readPass({gray}, decodeHints);
    for (const Pass &pass : fallbackPasses()) {
        if (!found.empty())
            break;
        found = readPass(pass(gray), decodeHints);
    }
    return found;
}

std::vector<Barcode> BarcodeReader::readStreamFrame(const cv::Mat &frame,
                                                    unsigned frameNumber) const {
    const cv::Mat gray = toGray(frame);
    if (gray.cols < 2 * smallestSymbolPixels || gray.rows < 2 * smallestSymbolPixels)
        return {};
    const ZXing::DecodeHints decodeHints = hints();
    std::vector<Barcode> found = readPass({gray}, decodeHints);
    if (found.empty()) {
        const Pass &pass = fallbackPasses()[frameNumber % fallbackPasses().size()];
        found = readPass(pass(gray), decodeHints);
    }
    return found;
}

} // namespace gate::vision
