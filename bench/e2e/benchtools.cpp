#include "benchtools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace gate::e2e {

QString binary(const QString &name) {
    const QString dir =
        qEnvironmentVariable("GATE_BIN_DIR", QCoreApplication::applicationDirPath());
    const QString path = QDir(dir).absoluteFilePath(name);
    if (!QFile::exists(path))
        abortBench(QStringLiteral("%1 not found (build it, or set GATE_BIN_DIR)").arg(path));
    return path;
}

QByteArray runTool(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(binary(program), arguments);
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        abortBench(QStringLiteral("%1 %2 failed").arg(program, arguments.join(u' ')));
    return process.readAllStandardOutput().trimmed().split('\n').last();
}

QJsonObject runToolJson(const QString &program, const QStringList &arguments) {
    return QJsonDocument::fromJson(runTool(program, arguments)).object();
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        abortBench(QStringLiteral("cannot write %1").arg(path));
}

Resident residentOf(qint64 pid) {
    Resident resident;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return resident;
    const auto kib = [](const QByteArray &line, int nameLength) {
        return line.mid(nameLength).trimmed().split(' ').first().toLongLong();
    };
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            resident.totalKiB = kib(line, 6);
        else if (line.startsWith("RssAnon:"))
            resident.anonymousKiB = kib(line, 8);
    }
    return resident;
}

} // namespace gate::e2e
