#include "cli.h"

#include "emrtd/chipcheck.h"
#include "emrtd/pcsc/pcscchannel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

namespace gatectl {

namespace {

// How long to wait for a passport on the reader before answering no_chip.
constexpr int kCardWaitMs = 3000;
// An MRZ file is a few lines; anything larger is not one.
constexpr qint64 kMaxMrzFile = 1024;

// The MRZ FILE: one zone, 2 or 3 lines; or up to three candidate readings of
// the same zone separated by blank lines (BAC tells which is the chip's).
std::optional<std::vector<std::vector<std::string>>> readMrzFile(const QString &path,
                                                                 QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray text = file.read(kMaxMrzFile + 1);
    if (text.size() > kMaxMrzFile) {
        *error = QStringLiteral("%1 is too large for an MRZ").arg(path);
        return std::nullopt;
    }
    std::vector<std::vector<std::string>> candidates(1);
    for (const QByteArray &rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty()) {
            if (!candidates.back().empty())
                candidates.emplace_back();
            continue;
        }
        candidates.back().push_back(line.toUpper().toStdString());
    }
    if (candidates.back().empty())
        candidates.pop_back();
    if (candidates.empty() || candidates.size() > gate::emrtd::kMaxMrzCandidates) {
        *error = QStringLiteral("%1 holds no MRZ, or more than three candidates").arg(path);
        return std::nullopt;
    }
    for (const auto &candidate : candidates) {
        if (candidate.size() < 2 || candidate.size() > 3) {
            *error = QStringLiteral("%1: an MRZ has 2 or 3 lines").arg(path);
            return std::nullopt;
        }
    }
    return candidates;
}

QJsonArray linesJson(const std::vector<std::string> &lines) {
    QJsonArray array;
    for (const std::string &line : lines)
        array.append(QString::fromStdString(line));
    return array;
}

QJsonObject reportJson(const gate::emrtd::ChipReport &report) {
    QJsonObject json{
        {QStringLiteral("outcome"), QString::fromLatin1(gate::emrtd::outcomeName(report.outcome))}};
    if (!report.access.empty())
        json.insert(QStringLiteral("access"), QString::fromStdString(report.access));
    if (!report.mrz.empty()) {
        json.insert(QStringLiteral("mrz"), linesJson(report.mrz));
        json.insert(QStringLiteral("dg1_matches_mrz"), report.dg1MatchesMrz);
    }
    if (report.openedBy >= 0)
        json.insert(QStringLiteral("mrz_candidate"), report.openedBy);
    if (report.sod) {
        const auto &sod = *report.sod;
        QJsonObject sodJson{{QStringLiteral("signature"), QString::fromStdString(sod.signature)},
                            {QStringLiteral("chain"), QString::fromStdString(sod.chain)},
                            {QStringLiteral("hashes"), QString::fromStdString(sod.hashes)}};
        if (!sod.dsc.empty())
            sodJson.insert(QStringLiteral("dsc"), QString::fromStdString(sod.dsc));
        if (!sod.csca.empty())
            sodJson.insert(QStringLiteral("csca"), QString::fromStdString(sod.csca));
        if (!sod.mismatchedGroups.empty()) {
            QJsonArray groups;
            for (int group : sod.mismatchedGroups)
                groups.append(group);
            sodJson.insert(QStringLiteral("mismatched_groups"), groups);
        }
        json.insert(QStringLiteral("sod"), sodJson);
    }
    if (!report.access.empty())
        json.insert(QStringLiteral("chip_auth"), QString::fromStdString(report.chipAuth));
    if (report.face)
        json.insert(
            QStringLiteral("dg2"),
            QJsonObject{{QStringLiteral("format"), QString::fromStdString(report.face->format)},
                        {QStringLiteral("width"), report.face->width},
                        {QStringLiteral("height"), report.face->height}});
    if (!report.error.empty())
        json.insert(QStringLiteral("error"), QString::fromStdString(report.error));
    return json;
}

bool writeFace(const QString &path, const gate::emrtd::Bytes &image, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(image.data()), qint64(image.size())) !=
            qint64(image.size())) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

// gatectl emrtd read --mrz-file FILE [--reader NAME] --csca DIR|MASTERLIST [--dg2-out FILE]
int emrtdRead(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl emrtd read --mrz-file FILE [--reader NAME] "
                       "--csca DIR|MASTERLIST [--dg2-out FILE]"),
        {QCommandLineOption(QStringLiteral("mrz-file"), QString(), QStringLiteral("FILE")),
         QCommandLineOption(QStringLiteral("reader"), QString(), QStringLiteral("NAME")),
         QCommandLineOption(QStringLiteral("csca"), QString(), QStringLiteral("DIR|MASTERLIST")),
         QCommandLineOption(QStringLiteral("dg2-out"), QString(), QStringLiteral("FILE"))});
    if (!arguments.parse(args))
        return exitUsage;
    const QString mrzPath = arguments.value(QStringLiteral("mrz-file"));
    const QString reader = arguments.value(QStringLiteral("reader"));
    const QString cscaPath = arguments.value(QStringLiteral("csca"));
    const QString faceOut = arguments.value(QStringLiteral("dg2-out"));
    if (mrzPath.isEmpty() || cscaPath.isEmpty() || !arguments.positional().isEmpty())
        return arguments.usageError();
    QString error;
    const auto candidates = readMrzFile(mrzPath, &error);
    if (!candidates)
        return usageError(error);
    gate::emrtd::CscaStore cscas;
    std::string loadError;
    if (!cscas.load(cscaPath.toStdString(), &loadError))
        return usageError(QString::fromStdString(loadError));

    QElapsedTimer timer;
    timer.start();
    gate::emrtd::ChipReport report;
    gate::emrtd::PcscChannel channel;
    std::string channelError;
    if (!channel.open(&channelError)) {
        report.outcome = gate::emrtd::ChipOutcome::ReaderError;
        report.error = channelError;
    } else if (!channel.connect(reader.toStdString(), kCardWaitMs, &channelError)) {
        report.outcome = channelError == "no card" ? gate::emrtd::ChipOutcome::NoChip
                                                   : gate::emrtd::ChipOutcome::ReaderError;
        report.error = channelError;
    } else {
        report = gate::emrtd::readAndCheckChip(channel, *candidates, cscas,
                                               QDateTime::currentSecsSinceEpoch());
    }
    QJsonObject json = reportJson(report);
    json.insert(QStringLiteral("ms"), double(timer.nsecsElapsed() / 100000) / 10.0);
    if (!faceOut.isEmpty() && report.face && !writeFace(faceOut, report.face->image, &error)) {
        printJson(json);
        return usageError(error);
    }
    printJson(json);
    const bool accepted = report.outcome == gate::emrtd::ChipOutcome::Verified ||
                          report.outcome == gate::emrtd::ChipOutcome::Unverified;
    return accepted ? exitRan : exitRefused;
}

} // namespace gatectl
