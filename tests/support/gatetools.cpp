#include "gatetools.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>

namespace gate::test {

namespace {

constexpr int kToolTimeoutMs = 60'000;

} // namespace

QString gateBinary(const QString &name) {
    return QDir(qEnvironmentVariable("GATE_BIN_DIR", QStringLiteral(GATE_BINARY_DIR "/bin")))
        .absoluteFilePath(name);
}

QJsonObject runGateTool(const QString &name, const QStringList &arguments,
                        const QByteArray &input) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(gateBinary(name), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kToolTimeoutMs) || process.exitCode() != 0)
        return {};
    QJsonObject last;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!object.isEmpty())
            last = object;
    }
    return last;
}

} // namespace gate::test
