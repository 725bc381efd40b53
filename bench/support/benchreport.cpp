#include "benchreport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace gate::bench {

namespace {

double percentile(const std::vector<double> &sorted, double p) {
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return sorted[index];
}

QString firstMatchingLine(const QString &path, const QString &prefix) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // /proc files report a size of 0, so atEnd() is true from the start:
    // read lines until there are none.
    for (QByteArray raw = file.readLine(); !raw.isEmpty(); raw = file.readLine()) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(prefix))
            return line.section(QLatin1Char(':'), 1).trimmed();
    }
    return {};
}

} // namespace

QJsonObject summarize(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const double sum = std::accumulate(samples.begin(), samples.end(), 0.0);
    return {
        {QStringLiteral("count"), qint64(samples.size())},
        {QStringLiteral("p50"), percentile(samples, 0.50)},
        {QStringLiteral("p95"), percentile(samples, 0.95)},
        {QStringLiteral("p99"), percentile(samples, 0.99)},
        {QStringLiteral("max"), samples.empty() ? 0.0 : samples.back()},
        {QStringLiteral("mean"), samples.empty() ? 0.0 : sum / double(samples.size())},
    };
}

QJsonObject machineDescription() {
    return {
        {QStringLiteral("cpu"),
         firstMatchingLine(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("memory"),
         firstMatchingLine(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))},
        {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
    };
}

qint64 residentKiB() {
    // "VmRSS:\t  12345 kB": the value is the first word after the colon.
    return firstMatchingLine(QStringLiteral("/proc/self/status"), QStringLiteral("VmRSS"))
        .simplified()
        .section(QLatin1Char(' '), 0, 0)
        .toLongLong();
}

void printReport(const QString &name, const QJsonObject &results) {
    const QJsonObject report{{QStringLiteral("bench"), name},
                             {QStringLiteral("machine"), machineDescription()},
                             {QStringLiteral("results"), results}};
    const QByteArray line = QJsonDocument(report).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void abortBench(const QString &why) {
    const QByteArray line =
        (QCoreApplication::applicationName() + QStringLiteral(": ") + why + u'\n').toLocal8Bit();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::exit(1);
}

} // namespace gate::bench
