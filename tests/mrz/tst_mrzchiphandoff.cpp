// The camera plugin's MRZ analyser handing ambiguous zones to a chip reader,
// on camera-like frames of the zero-padded synthetic passports: every
// candidate set it reports holds the true zone, and it never reports a wrong
// zone as read. (bench-chip-readrate runs all 40 passengers, with and without.)
#include <QTest>

#include "cameraframes.h"
#include "mrzanalyser.h"
#include "specimenpage.h"
#include "support/testpeer.h"
#include "zeropaddedpassports.h"

using namespace gate;

namespace {

constexpr int kPassengers = 16;
constexpr int kFramesPerPassenger = 6;

struct Seen {
    int read = 0;
    int misread = 0;
    int handedOver = 0;
    int handedOverWithoutTruth = 0;
};

std::vector<std::string> stdLines(const QStringList &lines) {
    std::vector<std::string> out;
    for (const QString &line : lines)
        out.push_back(line.toStdString());
    return out;
}

Seen watchPassengers() {
    Seen seen;
    for (int i = 1; i <= kPassengers; ++i) {
        const std::vector<std::string> truth = mrztest::zeroPaddedPassport(i);
        const cv::Mat page = mrztest::specimenPage(truth);
        camera::MrzAnalyser analyser(qint64(1'500) * 1'000'000, true);
        for (int frame = 0; frame < kFramesPerPassenger; ++frame) {
            const camera::CapturedFrame captured{
                mrztest::cameraFrame(page, 1000 + i, 5000 + i * 10 + frame),
                qint64(frame) * 66'666'667};
            for (const hal::RawRead &read : analyser.analyse(captured).reads) {
                if (read.mrzCandidates.isEmpty()) {
                    seen.read += stdLines(read.mrzLines) == truth;
                    seen.misread += stdLines(read.mrzLines) != truth;
                    continue;
                }
                ++seen.handedOver;
                bool hasTruth = false;
                for (const QStringList &candidate : read.mrzCandidates)
                    hasTruth |= stdLines(candidate) == truth;
                seen.handedOverWithoutTruth += !hasTruth;
            }
        }
    }
    return seen;
}

} // namespace

class MrzChipHandOffTest : public QObject {
    Q_OBJECT

private slots:
    void ambiguousZonesGoToTheChipWithTheTrueReading() {
        GATE_REQUIRE_PEER("ocr-b-font");
        const Seen seen = watchPassengers();
        qInfo("%d read, %d handed to the chip, of %d passengers", seen.read, seen.handedOver,
              kPassengers);
        QVERIFY(seen.handedOver > 0);
        QCOMPARE(seen.handedOverWithoutTruth, 0);
        QCOMPARE(seen.misread, 0);
    }
};

QTEST_GUILESS_MAIN(MrzChipHandOffTest)
#include "tst_mrzchiphandoff.moc"
