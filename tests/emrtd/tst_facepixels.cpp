// The chip reader's DG2 face decoding (plugins/emrtd-reader/facepixels): JPEG
// and JPEG 2000 through OpenCV's codecs into RGB rows, and nothing from bytes
// that are no image.
#include <QTest>

#include "facepixels.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using gate::emrtdreader::decodeFace;

namespace {

// A face-sized image, left half one colour and right half another (BGR).
cv::Mat twoTone() {
    cv::Mat image(160, 120, CV_8UC3, cv::Scalar(40, 80, 200));
    image(cv::Rect(60, 0, 60, 160)).setTo(cv::Scalar(200, 160, 40));
    return image;
}

gate::emrtd::FaceImage encoded(const char *extension, const char *format) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(extension, twoTone(), bytes))
        qFatal("OpenCV cannot encode %s", extension);
    return {format, 120, 160, bytes};
}

// The RGB pixel at (x, y) of a decoded face.
QColor pixel(const gate::hal::ChipReading &reading, int x, int y) {
    const auto *rgb = reinterpret_cast<const unsigned char *>(reading.faceRgb.constData()) +
                      (y * reading.faceWidth + x) * 3;
    return QColor(rgb[0], rgb[1], rgb[2]);
}

bool near(const QColor &a, const QColor &b) {
    return std::abs(a.red() - b.red()) < 12 && std::abs(a.green() - b.green()) < 12 &&
           std::abs(a.blue() - b.blue()) < 12;
}

} // namespace

class FacePixelsTest : public QObject {
    Q_OBJECT

private slots:
    void decodes_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("format");
        QTest::newRow("jpeg") << ".jpg"
                              << "jpeg";
        QTest::newRow("jpeg2000") << ".jp2"
                                  << "jpeg2000";
    }

    void decodes() {
        QFETCH(QString, extension);
        QFETCH(QString, format);
        gate::hal::ChipReading reading;
        decodeFace(encoded(qPrintable(extension), qPrintable(format)), &reading);
        QCOMPARE(reading.faceWidth, 120);
        QCOMPARE(reading.faceHeight, 160);
        QCOMPARE(reading.faceRgb.size(), qsizetype(120 * 160 * 3));
        // RGB, not OpenCV's BGR.
        QVERIFY(near(pixel(reading, 20, 80), QColor(200, 80, 40)));
        QVERIFY(near(pixel(reading, 100, 80), QColor(40, 160, 200)));
    }

    void bytesThatAreNoImageGiveNoFace() {
        gate::hal::ChipReading reading;
        decodeFace({"jpeg", 120, 160, {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F'}}, &reading);
        QVERIFY(reading.faceRgb.isEmpty());
        QCOMPARE(reading.faceWidth, 0);
        decodeFace({"jpeg", 0, 0, {}}, &reading);
        QVERIFY(reading.faceRgb.isEmpty());
    }
};

QTEST_APPLESS_MAIN(FacePixelsTest)
#include "tst_facepixels.moc"
