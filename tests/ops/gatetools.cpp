#include "gatetools.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>

QString gateBinary(const QString &name) {
    return QDir(qEnvironmentVariable("GATE_BIN_DIR", QStringLiteral(GATE_BINARY_DIR "/bin")))
        .absoluteFilePath(name);
}

QJsonObject runGateTool(const QString &name, const QStringList &arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(gateBinary(name), arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    QJsonObject last;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!object.isEmpty())
            last = object;
    }
    return last;
}
