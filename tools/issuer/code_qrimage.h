#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>

namespace gate::issuer {

// The QR code of an RT1 text as a black-on-white 8-bit image: alphanumeric
// mode (Base45 is the alphanumeric set), error correction level M, a quiet
// zone of four modules, each module `modulePixels` wide. Empty when the text
// does not fit a QR code.
cv::Mat renderQrCode(const QString &text, int modulePixels);

} // namespace gate::issuer
