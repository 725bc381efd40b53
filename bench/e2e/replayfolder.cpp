#include "replayfolder.h"

#include "benchtools.h"
#include "cameraframes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>

namespace gate::e2e {

namespace {

// The images a passenger shows, made on first use and kept for later runs.
QStringList imagesOf(const Station &station, const CameraPassenger &passenger,
                     const ReplayTiming &timing) {
    QStringList images;
    if (passenger.shows == CameraPassenger::Shows::ETicket) {
        const QString image = station.path(QStringLiteral("frame-%1.png").arg(passenger.id));
        if (!QFile::exists(image))
            cv::imwrite(image.toStdString(), station.ticketFrame(passenger.id));
        images.append(image);
        return images;
    }
    // One placement of the page per passenger, from its number.
    const quint64 scene = QCryptographicHash::hash(passenger.id.toLatin1(), QCryptographicHash::Md5)
                              .left(8)
                              .toHex()
                              .toULongLong(nullptr, 16);
    cv::Mat page;
    for (int i = 0; i < timing.pageFrames; ++i) {
        const QString image =
            station.path(QStringLiteral("page-%1-%2.jpg").arg(passenger.id).arg(i));
        if (!QFile::exists(image)) {
            if (page.empty())
                page = station.passportPage(passenger.id);
            cv::imwrite(image.toStdString(), mrztest::cameraFrame(page, scene, scene + 1 + i),
                        {cv::IMWRITE_JPEG_QUALITY, 95});
        }
        images.append(image);
    }
    return images;
}

int shownFrames(const CameraPassenger &passenger, const ReplayTiming &timing) {
    return passenger.shows == CameraPassenger::Shows::ETicket ? timing.codeFrames
                                                              : timing.pageFrames;
}

} // namespace

QJsonObject replayCameraDevice(const QString &replay, const ReplayTiming &timing) {
    return {{"name", "camera"},
            {"plugin", "camera"},
            {"role", "credential-source"},
            {"settings", QJsonObject{{"source", "replay:" + replay},
                                     {"fps", timing.fps},
                                     {"loop", false},
                                     {"mrz", true},
                                     {"forget_ms", 200}}}};
}

int framesFor(const CameraPassenger &passenger, const ReplayTiming &timing) {
    return std::max(shownFrames(passenger, timing) + timing.gapFrames,
                    timing.intervalMs * timing.fps / 1000);
}

QString writeReplay(const Station &station, const QString &name,
                    const QList<CameraPassenger> &passengers, const ReplayTiming &timing) {
    const QString folder = station.path(name);
    QDir().mkpath(folder);
    const QString empty = station.path(QStringLiteral("empty.png"));
    if (!QFile::exists(empty))
        cv::imwrite(empty.toStdString(), cv::Mat(720, 1280, CV_8UC1, cv::Scalar(255)));
    int frame = 0;
    const auto link = [&](const QString &target) {
        const QString linkName =
            QStringLiteral("%1/frame-%2").arg(folder).arg(frame++, 7, 10, QLatin1Char('0')) +
            target.mid(target.lastIndexOf(u'.'));
        if (!QFile::link(target, linkName))
            abortBench(QStringLiteral("cannot link %1").arg(linkName));
    };
    for (int i = 0; i < timing.leadInMs * timing.fps / 1000; ++i)
        link(empty);
    for (const CameraPassenger &passenger : passengers) {
        const QStringList images = imagesOf(station, passenger, timing);
        const int frames = framesFor(passenger, timing);
        const int shown = shownFrames(passenger, timing);
        for (int i = 0; i < frames; ++i)
            link(i < shown ? images.at(std::min<qsizetype>(i, images.size() - 1)) : empty);
    }
    return folder;
}

qint64 replayDurationMs(const QList<CameraPassenger> &passengers, const ReplayTiming &timing) {
    qint64 frames = qint64(timing.leadInMs) * timing.fps / 1000;
    for (const CameraPassenger &passenger : passengers)
        frames += framesFor(passenger, timing);
    return frames * 1000 / timing.fps;
}

} // namespace gate::e2e
