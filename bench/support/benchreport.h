#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace gate::bench {

// Percentiles of a sample set (milliseconds or any unit): p50, p95, p99, max,
// mean and count, as a JSON object.
QJsonObject summarize(std::vector<double> samples);

// The machine a figure was taken on: CPU model, cores, memory, kernel.
QJsonObject machineDescription();

// Resident set size of this process now, in KiB.
qint64 residentKiB();

// Prints {"bench": name, "machine": ..., "results": results} on one line.
void printReport(const QString &name, const QJsonObject &results);

// Ends a benchmark that cannot go on: "<program>: why" on stderr, exit 1.
[[noreturn]] void abortBench(const QString &why);

} // namespace gate::bench
