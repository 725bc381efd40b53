#include "chipstack.h"

#include "emrtd/pcsc/pcscchannel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace test {

namespace {

const char *const kVirtualSmartcard = "/usr/lib/python3/site-packages/virtualsmartcard";

QString chipTool() {
    return QStringLiteral(GATE_SHARED_DIR "/tools/emrtd-chip");
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}

void stopProcess(std::unique_ptr<QProcess> &process) {
    if (!process)
        return;
    process->kill();
    process->waitForFinished(5000);
    process.reset();
}

} // namespace

ChipStack::ChipStack() = default;

ChipStack::~ChipStack() {
    stopProcess(chip_);
}

QString ChipStack::python() {
    return QStringLiteral("/usr/bin/python3");
}

QString ChipStack::missingPeer() {
    if (const QString missing = gate::PrivatePcscd::missingPeer(); !missing.isEmpty())
        return missing;
    if (!QFileInfo::exists(QString::fromLatin1(kVirtualSmartcard)))
        return QStringLiteral("python3-virtualsmartcard is not installed");
    QProcess probe;
    probe.start(python(),
                {QStringLiteral("-c"), QStringLiteral("import Cryptodome, cryptography")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        return QStringLiteral("python3-pycryptodome or python3-cryptography is not installed");
    return {};
}

QString ChipStack::socketPath() const {
    return pcscd_.socketPath();
}

QProcessEnvironment ChipStack::environment() const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PCSCLITE_CSOCK_NAME"), socketPath());
    return environment;
}

bool ChipStack::start(QString *error) {
    if (!dir_.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    return pcscd_.start(dir_.path(), error);
}

bool ChipStack::chipPresent() const {
    gate::emrtd::PcscChannel channel;
    std::string why;
    return channel.open(&why) && channel.connect({}, 0, &why);
}

bool ChipStack::insert(const QString &folder, QString *error, const ChipEmulator &emulator) {
    // The last passport leaves first, so that the card pcscd reports next is the new one.
    if (chip_)
        remove();
    chip_ = std::make_unique<QProcess>();
    chip_->setProcessChannelMode(QProcess::MergedChannels);
    chip_->setStandardOutputFile(dir_.filePath(QStringLiteral("emrtd-chip.log")));
    QStringList args{folder, QStringLiteral("--port"), QString::number(pcscd_.vpcdPort())};
    if (emulator.ownProtocols)
        args = QStringList{QStringLiteral(GATE_SOURCE_DIR "/tests/emrtd/chip_with_aa.py"),
                           QStringLiteral("--tool"), chipTool()}
               << args << emulator.options;
    else
        args.prepend(chipTool());
    chip_->start(python(), args);
    if (!chip_->waitForStarted(5000) ||
        !waitFor([this] { return chipPresent() || chip_->state() == QProcess::NotRunning; },
                 20000) ||
        chip_->state() == QProcess::NotRunning) {
        QFile log(dir_.filePath(QStringLiteral("emrtd-chip.log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("the emulated chip did not come up: %1")
                     .arg(QString::fromUtf8(log.readAll().right(2000)));
        return false;
    }
    return true;
}

void ChipStack::remove() {
    stopProcess(chip_);
    waitFor([this] { return !chipPresent(); }, 10000);
}

QString ChipStack::passportDir(const QString &name) const {
    return dir_.filePath(name);
}

bool ChipStack::makePassport(const QString &name, const QStringList &mrz,
                             const QStringList &options, QString *error) {
    // A synthetic face: the emulator and the checks do not care what it shows,
    // the service panel decodes it, so it must be a real image.
    const QString face = dir_.filePath(QStringLiteral("face.jpg"));
    if (!QFileInfo::exists(face)) {
        cv::Mat image(640, 480, CV_8UC3, cv::Scalar(200, 190, 180));
        cv::circle(image, {240, 300}, 150, cv::Scalar(120, 140, 170), cv::FILLED);
        if (!cv::imwrite(face.toStdString(), image)) {
            *error = QStringLiteral("cannot write a face image");
            return false;
        }
    }
    QProcess maker;
    maker.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral(GATE_SOURCE_DIR "/tests/emrtd/make_passport.py"),
                     passportDir(name), QStringLiteral("--mrz")};
    args << mrz << QStringLiteral("--face") << face << QStringLiteral("--pki")
         << dir_.filePath(QStringLiteral("pki")) << options;
    maker.start(python(), args);
    if (!maker.waitForFinished(60000) || maker.exitStatus() != QProcess::NormalExit ||
        maker.exitCode() != 0) {
        *error =
            QStringLiteral("make_passport.py failed: %1").arg(QString::fromUtf8(maker.readAll()));
        return false;
    }
    return true;
}

gate::emrtd::ChipReport ChipStack::readPassport(
    const QString &name, const QStringList &mrz, const QStringList &makeOptions,
    const std::vector<std::vector<std::string>> &candidates, const QString &cscaFolder,
    gate::emrtd::PcscChannel::ExtendedLength extended, const ChipEmulator &emulator) {
    QString error;
    if (!makePassport(name, mrz, makeOptions, &error) ||
        !insert(passportDir(name) + QStringLiteral("/chip"), &error, emulator)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    gate::emrtd::CscaStore cscas;
    std::string loadError;
    if (!cscas.load((passportDir(name) + QLatin1Char('/') + cscaFolder).toStdString(),
                    &loadError)) {
        qWarning("%s", loadError.c_str());
        return {};
    }
    gate::emrtd::PcscChannel channel;
    std::string why;
    channel.setExtendedLength(extended);
    if (!channel.open(&why) || !channel.connect({}, 5000, &why)) {
        qWarning("%s", why.c_str());
        return {};
    }
    return gate::emrtd::readAndCheckChip(channel, candidates, cscas,
                                         QDateTime::currentSecsSinceEpoch());
}

} // namespace test
