// bench-chip-readrate: the passport read rate per passenger, with and without
// the chip, on the zero-padded synthetic passports of the MRZ tests
// (tests/mrz/tst_mrzaccuracy: numbers such as E000010, whose zeros the reader
// often cannot tell from O and then refuses).
//
// A passenger is one page held in front of the camera for a few frames of one
// scene with fresh sensor noise each, run through the camera plugin's own
// MRZ analyser. Without the chip, the passenger is read when the analyser
// reports the true zone. With the chip, the analyser also hands over its
// candidate readings of a zone it refused as ambiguous, and a real chip
// (pcscd + vsmartcard, the test fixture's stack) with that passport's files is
// read and checked with them: the passenger is read when the chip verifies and
// its DG1 is the true zone.
//
// bench-chip-readrate [--passengers N] [--frames F]   (defaults 40 and 8)
#include "benchreport.h"
#include "cameraframes.h"
#include "chipstack.h"
#include "specimenpage.h"
#include "zeropaddedpassports.h"

#include "emrtd/chipcheck.h"
#include "emrtd/pcsc/pcscchannel.h"
#include "plugins/camera/mrzanalyser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <iostream>

using namespace gate;

namespace {

// What the camera reported for one passenger.
struct CameraOutcome {
    std::vector<std::string> lines;                   // a read zone, or empty
    std::vector<std::vector<std::string>> candidates; // an ambiguous zone's readings
};

std::vector<std::string> stdLines(const QStringList &lines) {
    std::vector<std::string> out;
    for (const QString &line : lines)
        out.push_back(line.toStdString());
    return out;
}

CameraOutcome watch(const cv::Mat &page, int passenger, int frames, bool offerCandidates) {
    camera::MrzAnalyser analyser(qint64(1'500) * 1'000'000, offerCandidates);
    for (int frame = 0; frame < frames; ++frame) {
        // 15 frames per second, as the gate's camera.
        const camera::CapturedFrame captured{
            mrztest::cameraFrame(page, 1000 + passenger, 5000 + passenger * 10 + frame),
            qint64(frame) * 66'666'667};
        for (const hal::RawRead &read : analyser.analyse(captured).reads) {
            CameraOutcome outcome;
            outcome.lines = stdLines(read.mrzLines);
            for (const QStringList &candidate : read.mrzCandidates)
                outcome.candidates.push_back(stdLines(candidate));
            return outcome;
        }
    }
    return {};
}

QStringList qtLines(const std::vector<std::string> &lines) {
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out;
}

double share(int part, int whole) {
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int passengers = 40;
    int frames = 8;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--passengers"))
            passengers = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--frames"))
            frames = args[i + 1].toInt();
    }
    if (const QString missing = test::ChipStack::missingPeer(); !missing.isEmpty()) {
        std::cerr << "bench-chip-readrate: " << missing.toStdString() << '\n';
        return 1;
    }
    test::ChipStack stack;
    QString error;
    if (!stack.start(&error)) {
        std::cerr << "bench-chip-readrate: " << error.toStdString() << '\n';
        return 1;
    }

    int readAlone = 0;
    int misreadAlone = 0;
    int readWithChip = 0;
    int misreadWithChip = 0;
    int handedToChip = 0;
    int chipRefused = 0;
    for (int i = 1; i <= passengers; ++i) {
        const std::vector<std::string> truth = mrztest::zeroPaddedPassport(i);
        const cv::Mat page = mrztest::specimenPage(truth);
        if (page.empty()) {
            std::cerr << "bench-chip-readrate: no OCR-B font at " << mrztest::kOcrbFontPath << '\n';
            return 1;
        }

        const CameraOutcome alone = watch(page, i, frames, false);
        readAlone += alone.lines == truth;
        misreadAlone += !alone.lines.empty() && alone.lines != truth;

        const CameraOutcome camera = watch(page, i, frames, true);
        if (!camera.lines.empty()) {
            readWithChip += camera.lines == truth;
            misreadWithChip += camera.lines != truth;
            continue;
        }
        if (camera.candidates.empty())
            continue;
        ++handedToChip;
        const QString name = QStringLiteral("p%1").arg(i);
        if (!stack.makePassport(name, qtLines(truth), {}, &error) ||
            !stack.insert(stack.passportDir(name) + QStringLiteral("/chip"), &error)) {
            std::cerr << "bench-chip-readrate: " << error.toStdString() << '\n';
            return 1;
        }
        emrtd::CscaStore cscas;
        std::string why;
        emrtd::PcscChannel channel;
        channel.setExtendedLength(emrtd::PcscChannel::ExtendedLength::On);
        if (!cscas.load((stack.passportDir(name) + QStringLiteral("/csca")).toStdString(), &why) ||
            !channel.open(&why) || !channel.connect({}, 5000, &why)) {
            std::cerr << "bench-chip-readrate: " << why << '\n';
            return 1;
        }
        const emrtd::ChipReport report = emrtd::readAndCheckChip(
            channel, camera.candidates, cscas, QDateTime::currentSecsSinceEpoch());
        const bool verified = report.outcome == emrtd::ChipOutcome::Verified;
        readWithChip += verified && report.mrz == truth;
        misreadWithChip += verified && report.mrz != truth;
        chipRefused += !verified;
    }

    const QJsonObject results{
        {QStringLiteral("passengers"), passengers},
        {QStringLiteral("frames_per_passenger"), frames},
        {QStringLiteral("read_rate_camera_alone"), share(readAlone, passengers)},
        {QStringLiteral("misread_rate_camera_alone"), share(misreadAlone, passengers)},
        {QStringLiteral("read_rate_with_chip"), share(readWithChip, passengers)},
        {QStringLiteral("misread_rate_with_chip"), share(misreadWithChip, passengers)},
        {QStringLiteral("handed_to_chip"), handedToChip},
        {QStringLiteral("chip_refused"), chipRefused},
    };
    bench::printReport(QStringLiteral("bench-chip-readrate"), results);
    return 0;
}
