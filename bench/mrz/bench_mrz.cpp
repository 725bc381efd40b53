// bench-mrz: per-frame time and accuracy of the MRZ reader on one core, on
// 1280x720 camera-like frames made from the development pages, and the same
// for Tesseract 5 (the `tesseract` command, whitelist A-Z0-9<) on the zone
// crops and on whole frames, for comparison.
//
// bench-mrz [--tesseract-frames N] (default 20; 0 skips Tesseract)
#include "benchreport.h"
#include "cameraframes.h"
#include "vision/mrz/mrzreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <ctime>
#include <iostream>

namespace {

constexpr int kFramesPerPage = 2;

struct Frame {
    cv::Mat image;
    std::vector<std::string> truth;
};

std::vector<std::string> truthOf(const QString &imagePath) {
    QFile file(imagePath.left(imagePath.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".txt"));
    std::vector<std::string> lines;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines.push_back(line.trimmed().toStdString());
        }
    }
    return lines;
}

// Lines of Tesseract's output that have the length of MRZ lines, without spaces.
std::vector<std::string> tesseractLines(const QString &imagePath, double &ms) {
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(
        QStringLiteral("tesseract"),
        {imagePath, QStringLiteral("stdout"), QStringLiteral("--psm"), QStringLiteral("6"),
         QStringLiteral("-c"),
         QStringLiteral("tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")});
    process.waitForFinished(60000);
    ms = timer.nsecsElapsed() / 1e6;
    std::vector<std::string> lines;
    for (QByteArray line : process.readAllStandardOutput().split('\n')) {
        line.replace(' ', "");
        if (line.size() >= 28)
            lines.push_back(line.toStdString());
    }
    return lines;
}

// CPU time of this thread: the figure that holds when other work shares the core.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

cv::Mat zoneCrop(const cv::Mat &frame, const std::array<cv::Point2f, 4> &quad) {
    cv::Rect box = cv::boundingRect(std::vector<cv::Point2f>(quad.begin(), quad.end()));
    const int margin = box.height / 4 + 8;
    box.x -= margin;
    box.y -= margin;
    box.width += 2 * margin;
    box.height += 2 * margin;
    return frame(box & cv::Rect(0, 0, frame.cols, frame.rows)).clone();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    cv::setNumThreads(1);
    int tesseractFrames = 20;
    const QStringList args = app.arguments();
    const int option = args.indexOf(QStringLiteral("--tesseract-frames"));
    if (option > 0 && option + 1 < args.size())
        tesseractFrames = args[option + 1].toInt();

    const QDir dev(QStringLiteral(GATE_SHARED_DIR "/data/mrz-dev"));
    std::vector<Frame> frames;
    std::uint64_t seed = 1;
    for (const QString &name : dev.entryList({"*.jpg"}, QDir::Files, QDir::Name)) {
        const cv::Mat page = cv::imread(dev.filePath(name).toStdString());
        const auto truth = truthOf(dev.filePath(name));
        for (int i = 0; i < kFramesPerPage && !page.empty(); ++i, ++seed)
            frames.push_back({gate::mrztest::cameraFrame(page, seed), truth});
    }
    if (frames.empty()) {
        std::cerr << "bench-mrz: no development pages in " << dev.path().toStdString() << '\n';
        return 2;
    }

    gate::vision::MrzReader::Options options;
    options.today = {2026, 11, 21};
    const gate::vision::MrzReader reader(options);
    std::vector<double> allMs, validMs, cpuMs;
    int exact = 0, wrongValid = 0;
    std::vector<gate::vision::MrzFrameResult> results;
    for (const Frame &frame : frames) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        results.push_back(reader.read(frame.image));
        cpuMs.push_back(threadCpuMs() - cpuStart);
        const double ms = timer.nsecsElapsed() / 1e6;
        allMs.push_back(ms);
        const auto &result = results.back();
        if (result.valid) {
            validMs.push_back(ms);
            (result.lines == frame.truth ? exact : wrongValid)++;
        }
    }
    QJsonObject report{
        {"frames", static_cast<int>(frames.size())},
        {"frame_size", "1280x720"},
        {"threads", 1},
        {"reader", QJsonObject{{"exact_valid", exact},
                               {"exact_share", static_cast<double>(exact) / frames.size()},
                               {"valid_but_wrong", wrongValid},
                               {"ms_all_frames", gate::bench::summarize(allMs)},
                               {"cpu_ms_all_frames", gate::bench::summarize(cpuMs)},
                               {"ms_valid_frames", gate::bench::summarize(validMs)}}}};

    if (tesseractFrames > 0 && !QStandardPaths::findExecutable("tesseract").isEmpty()) {
        QTemporaryDir dir;
        std::vector<double> cropMs, wholeMs;
        int cropExact = 0, wholeExact = 0, tried = 0;
        for (std::size_t i = 0; i < frames.size() && tried < tesseractFrames; ++i) {
            if (!results[i].found)
                continue;
            ++tried;
            const QString crop = dir.filePath(QStringLiteral("crop%1.png").arg(i));
            const QString whole = dir.filePath(QStringLiteral("frame%1.png").arg(i));
            cv::imwrite(crop.toStdString(), zoneCrop(frames[i].image, results[i].quad));
            cv::imwrite(whole.toStdString(), frames[i].image);
            double ms = 0;
            cropExact += tesseractLines(crop, ms) == frames[i].truth;
            cropMs.push_back(ms);
            const auto wholeLines = tesseractLines(whole, ms);
            wholeExact += wholeLines.size() >= frames[i].truth.size() &&
                          std::equal(frames[i].truth.begin(), frames[i].truth.end(),
                                     wholeLines.end() - frames[i].truth.size());
            wholeMs.push_back(ms);
        }
        report.insert("tesseract",
                      QJsonObject{{"frames", tried},
                                  {"crop_exact", cropExact},
                                  {"whole_frame_exact", wholeExact},
                                  {"ms_crop", gate::bench::summarize(cropMs)},
                                  {"ms_whole_frame", gate::bench::summarize(wholeMs)}});
    }
    gate::bench::printReport(QStringLiteral("mrz"), report);
    return 0;
}
