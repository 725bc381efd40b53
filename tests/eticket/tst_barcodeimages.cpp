// Reads generated phone-screen camera frames (fixed seed) and holds the read
// rate above a threshold, overall and for each kind of difficulty.

#include "code_issue.h"
#include "code_qrimage.h"
#include "phonescenes.h"
#include "testcodes.h"

#include "vision/barcode/barcodereader.h"

#include <QTest>

#include <map>

class TestBarcodeImages : public QObject {
    Q_OBJECT
private slots:
    void readRate();
    void readsRawBytesAndCorners();
    void emptyAndOddFrames();
    void streamFindsHardCodesWithinAFewFrames();
};

void TestBarcodeImages::readRate() {
    const auto key =
        gate::issuer::SigningKey::generate(gate::issuer::SigningKey::Algorithm::Ed25519);
    const QString text =
        gate::issuer::issueTicketCode(gate::testing::typicalTicketClaims(1763700000), key);
    const cv::Mat code = gate::issuer::renderQrCode(text, 4);
    QVERIFY(!code.empty());
    const auto scenes = gate::testing::renderPhoneScenes(code, 6, 20251121);
    const gate::vision::BarcodeReader reader;
    std::map<std::string, std::pair<int, int>> byKind; // read, total
    int read = 0;
    for (const auto &scene : scenes) {
        const auto found = reader.read(scene.frame);
        for (const auto &barcode : found)
            QCOMPARE(QString::fromStdString(barcode.text), text); // never a wrong text
        const bool ok = !found.empty();
        read += ok;
        byKind[scene.kind].first += ok;
        byKind[scene.kind].second += 1;
    }
    for (const auto &[kind, counts] : byKind)
        qInfo("%-12s %d/%d", kind.c_str(), counts.first, counts.second);
    const double rate = double(read) / double(scenes.size());
    qInfo("read rate %.3f over %zu frames", rate, scenes.size());
    QVERIFY2(rate >= 0.9, qPrintable(QString::number(rate)));
    for (const auto &[kind, counts] : byKind)
        QVERIFY2(counts.first * 2 >= counts.second, kind.c_str());
}

void TestBarcodeImages::readsRawBytesAndCorners() {
    const QString text = QStringLiteral("RT1:TEST");
    const cv::Mat code = gate::issuer::renderQrCode(text, 5);
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(255));
    code.copyTo(frame(cv::Rect(100, 200, code.cols, code.rows)));
    const auto found = gate::vision::BarcodeReader().read(frame);
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(found[0].format, std::string("QRCode"));
    QCOMPARE(found[0].text, text.toStdString());
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(found[0].bytes.data()),
                        qsizetype(found[0].bytes.size())),
             text.toLatin1());
    const cv::Rect symbol(100 + 20, 200 + 20, code.cols - 40, code.rows - 40); // inside quiet zone
    for (const cv::Point &corner : found[0].corners)
        QVERIFY(std::abs(corner.x - symbol.x) <= 3 || std::abs(corner.x - symbol.br().x) <= 3);
}

void TestBarcodeImages::emptyAndOddFrames() {
    const gate::vision::BarcodeReader reader;
    QVERIFY(reader.read(cv::Mat()).empty());
    QVERIFY(reader.read(cv::Mat(1, 1, CV_8UC1, cv::Scalar(0))).empty());
    QVERIFY(reader.read(cv::Mat(480, 640, CV_8UC4, cv::Scalar(30, 60, 90, 255))).empty());
    QVERIFY(reader.read(cv::Mat(480, 640, CV_16UC1, cv::Scalar(30000))).empty());
}

// An inverted (dark mode) code needs a fallback pass; a stream tries one per
// frame, so it must be read within one round of them.
void TestBarcodeImages::streamFindsHardCodesWithinAFewFrames() {
    const QString text = QStringLiteral("RT1:INVERTED");
    cv::Mat code = gate::issuer::renderQrCode(text, 6);
    code = 255 - code;
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(0));
    code.copyTo(frame(cv::Rect(400, 150, code.cols, code.rows)));
    const gate::vision::BarcodeReader reader;
    int readIn = 0;
    for (unsigned n = 0; n < 4; ++n)
        readIn += reader.readStreamFrame(frame, n).size() == 1;
    QCOMPARE(readIn, 1);
    QCOMPARE(reader.read(frame).size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestBarcodeImages)
#include "tst_barcodeimages.moc"
