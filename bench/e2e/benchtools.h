#pragma once

#include "benchreport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What every part of bench-e2e needs: the project's tools, files, /proc.
namespace gate::e2e {

using bench::abortBench; // bench/support

// A built tool: beside the bench, or in $GATE_BIN_DIR.
QString binary(const QString &name);

// Runs a tool to its end (aborting the bench when it fails); its last line of output.
QByteArray runTool(const QString &program, const QStringList &arguments);
QJsonObject runToolJson(const QString &program, const QStringList &arguments);

void writeFile(const QString &path, const QByteArray &bytes);

// Resident memory of a process in KiB: all of it (VmRSS) and its anonymous
// part (RssAnon: heap and stacks, without mapped files such as the ticket
// database's pages). -1 when the process is gone.
struct Resident {
    qint64 totalKiB = -1;
    qint64 anonymousKiB = -1;
};
Resident residentOf(qint64 pid);

} // namespace gate::e2e
