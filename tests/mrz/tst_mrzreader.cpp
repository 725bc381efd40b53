// The MRZ reader on specimens the test renders with the OCR-B font (upright,
// turned, upside down), on hostile images, and the two-frame consensus.
#include "specimenpage.h"
#include "specimens.h"
#include "support/testpeer.h"
#include "vision/mrz/mrzconsensus.h"
#include "vision/mrz/mrzreader.h"

#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace gate;

namespace {

vision::MrzReader::Options fixedDay() {
    vision::MrzReader::Options options;
    options.today = {2026, 11, 21};
    return options;
}

cv::Mat turned(const cv::Mat &page, double degrees) {
    const cv::Point2f centre(page.cols / 2.0f, page.rows / 2.0f);
    const cv::Mat rotation = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(page, out, rotation, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar::all(60));
    return out;
}

} // namespace

class TestMrzReader : public QObject {
    Q_OBJECT

private slots:
    void renderedSpecimens_data() {
        QTest::addColumn<int>("specimen");
        QTest::addColumn<double>("degrees");
        for (int i = 0; i < static_cast<int>(mrztest::icaoSpecimens().size()); ++i) {
            const char *name = mrztest::icaoSpecimens()[i].name;
            QTest::addRow("%s upright", name) << i << 0.0;
            QTest::addRow("%s turned 6", name) << i << 6.0;
            QTest::addRow("%s upside down", name) << i << 180.0;
        }
    }
    void renderedSpecimens() {
        QFETCH(int, specimen);
        QFETCH(double, degrees);
        const auto &lines = mrztest::icaoSpecimens()[specimen].lines;
        const cv::Mat page = mrztest::specimenPage(lines);
        GATE_REQUIRE_PEER("ocr-b-font");
        QVERIFY(!page.empty());
        cv::Mat framed;
        cv::copyMakeBorder(page, framed, 80, 80, 80, 80, cv::BORDER_CONSTANT, cv::Scalar::all(60));
        const vision::MrzReader reader(fixedDay());
        const vision::MrzFrameResult result = reader.read(turned(framed, degrees));
        QVERIFY(result.found);
        QCOMPARE(result.lines, lines);
        QVERIFY(result.valid);
        QVERIFY(result.hint.empty());
    }

    void quadSurroundsTheZone() {
        const auto &lines = mrztest::icaoSpecimens().front().lines;
        const cv::Mat page = mrztest::specimenPage(lines);
        GATE_REQUIRE_PEER("ocr-b-font");
        QVERIFY(!page.empty());
        const vision::MrzFrameResult result = vision::MrzReader(fixedDay()).read(page);
        QVERIFY(result.valid);
        // The zone is the bottom part of the page, across most of its width.
        const cv::Rect box =
            cv::boundingRect(std::vector<cv::Point2f>(result.quad.begin(), result.quad.end()));
        QVERIFY(box.width > page.cols * 3 / 4);
        QVERIFY(box.y > page.rows / 2);
        QVERIFY(box.br().y <= page.rows);
    }

    void hostileImages_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << 0;
        QTest::newRow("one pixel") << 1;
        QTest::newRow("tiny") << 2;
        QTest::newRow("huge blank") << 3;
        QTest::newRow("16-bit") << 4;
        QTest::newRow("two channels") << 5;
        QTest::newRow("noise") << 6;
        QTest::newRow("stripes") << 7;
        QTest::newRow("bytes that are no image") << 8;
    }
    void hostileImages() {
        QFETCH(int, kind);
        cv::Mat image;
        switch (kind) {
        case 1:
            image = cv::Mat(1, 1, CV_8UC3, cv::Scalar::all(0));
            break;
        case 2:
            image = cv::Mat(7, 5, CV_8UC1, cv::Scalar::all(255));
            break;
        case 3:
            image = cv::Mat(6000, 8000, CV_8UC1, cv::Scalar::all(200));
            break;
        case 4:
            image = cv::Mat(480, 640, CV_16UC1, cv::Scalar::all(1000));
            break;
        case 5:
            image = cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(10));
            break;
        case 6: {
            image = cv::Mat(720, 1280, CV_8UC1);
            cv::setRNGSeed(7);
            cv::randu(image, 0, 256);
            break;
        }
        case 7: {
            image = cv::Mat(720, 1280, CV_8UC1, cv::Scalar::all(255));
            for (int y = 300; y < 420; y += 12)
                for (int x = 100; x < 1100; x += 9)
                    cv::rectangle(image, cv::Rect(x, y, 4, 6), cv::Scalar::all(0), -1);
            break;
        }
        case 8: {
            const std::vector<uchar> bytes = {'G', 'I', 'F', '8', '9', 'a', 0xff, 0x00, 0x13};
            image = cv::imdecode(bytes, cv::IMREAD_COLOR);
            break;
        }
        default:
            break;
        }
        const vision::MrzFrameResult result = vision::MrzReader(fixedDay()).read(image);
        QVERIFY(!result.valid);
        if (kind <= 5 || kind == 8)
            QVERIFY(!result.found);
    }

    void consensusNeedsTwoEqualValidFrames() {
        vision::MrzConsensus consensus;
        vision::MrzFrameResult first{true, {"A", "B"}, true, "", {}};
        vision::MrzFrameResult other{true, {"A", "C"}, true, "", {}};
        const vision::MrzFrameResult blurred{true, {"A", "?"}, false, "hold_still", {}};
        const vision::MrzFrameResult gone{};
        QVERIFY(!consensus.offer(first));
        QVERIFY(!consensus.offer(other)); // differs: starts over
        QVERIFY(!consensus.offer(blurred));
        QVERIFY(!consensus.offer(other)); // not consecutive with the earlier one
        const auto accepted = consensus.offer(other);
        QVERIFY(accepted);
        QCOMPARE(*accepted, other.lines);
        QVERIFY(!consensus.offer(other)); // accepted once while in view
        QVERIFY(!consensus.offer(blurred));
        QVERIFY(!consensus.offer(other));
        QVERIFY(!consensus.offer(gone)); // the document left
        QVERIFY(!consensus.offer(other));
        QVERIFY(consensus.offer(other));
    }
};

QTEST_GUILESS_MAIN(TestMrzReader)
#include "tst_mrzreader.moc"
