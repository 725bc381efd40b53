#pragma once

#include <opencv2/core/mat.hpp>

namespace ZXing {
class DecodeHints;
}

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gate::vision {

// One symbol found in a frame.
struct Barcode {
    std::string format;              // "QRCode", "Aztec", "PDF417", "DataMatrix"
    std::string text;                // decoded text, UTF-8
    std::vector<std::uint8_t> bytes; // decoded content bytes
    std::array<cv::Point, 4>
        corners; // in frame pixels: top-left, top-right, bottom-right, bottom-left
};

// Reads 2D codes from camera frames of phone screens and paper held at an
// angle. The first pass reads the frame as it is, which finds the common
// case quickly; only when it finds nothing do slower passes run, each aimed
// at one way a phone screen defeats a plain read: inverted (dark mode)
// codes, moiré and sensor noise (downscaled), soft focus (sharpened) and
// glare (local contrast equalised).
class BarcodeReader {
public:
    struct Formats {
        bool qrCode = true;
        bool aztec = true;
        bool pdf417 = true;
        bool dataMatrix = false;
    };

    BarcodeReader();
    explicit BarcodeReader(Formats formats);

    // Every symbol of the first pass that finds any; empty when none does.
    // For still images: a frame without a code costs every pass.
    std::vector<Barcode> read(const cv::Mat &frame) const;

    // For a video stream, where most frames show no code: the plain pass and
    // then only one fallback pass, chosen by `frameNumber` in turn, so an
    // empty frame costs two passes and a hard code is still found within a
    // few consecutive frames.
    std::vector<Barcode> readStreamFrame(const cv::Mat &frame, unsigned frameNumber) const;

private:
    ZXing::DecodeHints hints() const;

    Formats m_formats;
};

} // namespace gate::vision
