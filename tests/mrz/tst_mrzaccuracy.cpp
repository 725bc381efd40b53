// Accuracy of the MRZ reader on golden sample folders (image + .txt with the
// true lines): the development passport pages, camera-like frames the test
// makes from them, camera-like frames of synthetic passports whose numbers are
// full of characters that look alike in OCR-B (0 and O), and an optional
// private folder (GATE_MRZ_PRIVATE_SAMPLES).
// A read counts when it is valid and equal to the truth; a valid read that
// differs from the truth fails the test outright. Every miss leaves a .fail
// file with the difference in <build>/tests/mrz/failures.
#include "cameraframes.h"
#include "specimenpage.h"
#include "support/testpeer.h"
#include "vision/mrz/mrzcompose.h"
#include "vision/mrz/mrzreader.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace gate;

namespace {

// Share of samples that must be read exactly.
constexpr double kDevPagesThreshold = 0.98;
// The camera-like frames are harder (perspective, blur, glare); see docs/mrz.md.
constexpr double kCameraFramesThreshold = 0.92;
constexpr int kFramesPerPage = 2;
// Synthetic passports, frames of the test's own page (docs/mrz.md): a serial
// number, and a number padded with zeros, whose zeros the reader often cannot
// tell from O and then refuses.
constexpr double kSerialNumbersThreshold = 0.55;
constexpr double kZeroPaddedThreshold = 0.2;

struct Sample {
    QString name;
    cv::Mat image;
    std::vector<std::string> truth;
};

std::vector<std::string> truthOf(const QString &imagePath) {
    QFile file(imagePath.left(imagePath.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".txt"));
    std::vector<std::string> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.push_back(trimmed.toStdString());
    }
    return lines;
}

QStringList imagesIn(const QString &folder) {
    QStringList paths;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({"*.jpg", "*.jpeg", "*.png"}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

QString failureFolder() {
    const QString folder = QStringLiteral(GATE_BINARY_DIR "/tests/mrz/failures");
    QDir().mkpath(folder);
    return folder;
}

void writeFailure(const Sample &sample, const vision::MrzFrameResult &result) {
    QFile file(failureFolder() + QLatin1Char('/') + sample.name + QStringLiteral(".fail"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QByteArray text = "found " + QByteArray::number(result.found) + " valid " +
                      QByteArray::number(result.valid) + " hint " + result.hint.c_str() + '\n';
    for (std::size_t i = 0; i < std::max(result.lines.size(), sample.truth.size()); ++i) {
        const std::string got = i < result.lines.size() ? result.lines[i] : "";
        const std::string want = i < sample.truth.size() ? sample.truth[i] : "";
        std::string marks;
        for (std::size_t c = 0; c < std::max(got.size(), want.size()); ++c)
            marks += c < got.size() && c < want.size() && got[c] == want[c] ? ' ' : '^';
        text +=
            QByteArray("- ") + want.c_str() + "\n+ " + got.c_str() + "\n  " + marks.c_str() + '\n';
    }
    file.write(text);
}

// Reads every sample; fails on any wrong-but-valid read and when fewer than
// `threshold` of them are read exactly.
void checkSamples(const QString &set, const std::vector<Sample> &samples, double threshold) {
    const vision::MrzReader reader([] {
        vision::MrzReader::Options options;
        options.today = {2026, 11, 21};
        return options;
    }());
    int exact = 0;
    QStringList wrongButValid;
    for (const Sample &sample : samples) {
        const vision::MrzFrameResult result = reader.read(sample.image);
        const bool matches = result.lines == sample.truth;
        if (result.valid && matches) {
            ++exact;
            continue;
        }
        writeFailure(sample, result);
        if (result.valid)
            wrongButValid << sample.name;
    }
    const double share = samples.empty() ? 0 : static_cast<double>(exact) / samples.size();
    qInfo("%s: %d of %d read exactly (%.1f%%), %lld valid but wrong", qPrintable(set), exact,
          static_cast<int>(samples.size()), 100 * share, wrongButValid.size());
    QVERIFY2(wrongButValid.isEmpty(), qPrintable(wrongButValid.join(QLatin1Char(' '))));
    QVERIFY2(share >= threshold,
             qPrintable(QStringLiteral("%1 below %2").arg(share).arg(threshold)));
}

std::vector<Sample> folderSamples(const QString &folder) {
    std::vector<Sample> samples;
    for (const QString &path : imagesIn(folder)) {
        Sample sample{QFileInfo(path).completeBaseName(), cv::imread(path.toStdString()),
                      truthOf(path)};
        if (!sample.image.empty() && !sample.truth.empty())
            samples.push_back(std::move(sample));
    }
    return samples;
}

const QString kDevFolder = QStringLiteral(GATE_SHARED_DIR "/data/mrz-dev");

} // namespace

class TestMrzAccuracy : public QObject {
    Q_OBJECT

private slots:
    void developmentPages() {
        const auto samples = folderSamples(kDevFolder);
        GATE_REQUIRE_PEER("shared-mrz-pages");
        QVERIFY(!samples.empty());
        checkSamples(QStringLiteral("mrz-dev"), samples, kDevPagesThreshold);
    }

    void cameraFrames() {
        const auto pages = folderSamples(kDevFolder);
        GATE_REQUIRE_PEER("shared-mrz-pages");
        QVERIFY(!pages.empty());
        std::vector<Sample> frames;
        std::uint64_t seed = 1;
        for (const Sample &page : pages) {
            for (int i = 0; i < kFramesPerPage; ++i, ++seed)
                frames.push_back({page.name + QStringLiteral("-camera%1").arg(i),
                                  mrztest::cameraFrame(page.image, seed), page.truth});
        }
        checkSamples(QStringLiteral("camera-like"), frames, kCameraFramesThreshold);
    }

    // Synthetic passports (the test's own OCR-B page, camera-like frames of
    // one scene with fresh noise each): numbers of a realistic series, and
    // numbers padded with zeros. A check digit cannot tell 0 from O in every
    // combination, so what keeps the latter from being read valid and wrong is
    // the reader's own caution; few of them are read at all.
    void syntheticPassports_data() {
        QTest::addColumn<bool>("zeroPadded");
        QTest::addColumn<double>("threshold");
        QTest::newRow("serial numbers") << false << kSerialNumbersThreshold;
        QTest::newRow("numbers padded with zeros") << true << kZeroPaddedThreshold;
    }

    void syntheticPassports() {
        QFETCH(bool, zeroPadded);
        QFETCH(double, threshold);
        GATE_REQUIRE_PEER("ocr-b-font");
        std::vector<Sample> frames;
        for (int i = 1; i <= 40; ++i) {
            const QString digits =
                zeroPadded
                    ? QStringLiteral("%1").arg(i * 5, 6, 10, QLatin1Char('0'))
                    : QString::number((quint64(i) * 48271u + 10000019u) % 90000000u + 10000000u);
            const std::string number = (i % 2 ? "H" : "E") + digits.toStdString();
            const auto lines = mrz::composeTd3({.issuer = "UTO",
                                                .name = "SPECIMEN<<TEST",
                                                .number = number,
                                                .nationality = "UTO",
                                                .birth = "900101",
                                                .sex = 'F',
                                                .expiry = "310101",
                                                .optional = {}});
            const std::vector<std::string> truth{lines[0], lines[1]};
            const cv::Mat page = mrztest::specimenPage(truth);
            for (std::uint64_t frame = 0; frame < 3; ++frame)
                frames.push_back({QString::fromStdString(number) + QStringLiteral("-%1").arg(frame),
                                  mrztest::cameraFrame(page, 1000 + i, 5000 + i * 10 + frame),
                                  truth});
        }
        checkSamples(QString::fromLatin1(QTest::currentDataTag()), frames, threshold);
    }

    void privateSamples() {
        const QString folder = qEnvironmentVariable("GATE_MRZ_PRIVATE_SAMPLES");
        if (folder.isEmpty())
            QSKIP("GATE_MRZ_PRIVATE_SAMPLES is not set");
        checkSamples(QStringLiteral("private"), folderSamples(folder), kDevPagesThreshold);
    }
};

QTEST_GUILESS_MAIN(TestMrzAccuracy)
#include "tst_mrzaccuracy.moc"
