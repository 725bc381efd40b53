#include "simulatorprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>

namespace gate::bench {

SimulatorProcess::~SimulatorProcess() {
    m_process.terminate();
    m_process.waitForFinished(5000);
}

QString SimulatorProcess::start(const QStringList &arguments, const QString &readyKey) {
    m_process.start(QDir(QCoreApplication::applicationDirPath())
                        .absoluteFilePath(QStringLiteral("gate-lane-sim")),
                    arguments +
                        QStringList{QStringLiteral("--passengers"), QStringLiteral("none")});
    QString value;
    waitFor(
        [&](const QJsonObject &line) {
            value = line.value(readyKey).toString();
            return line.contains(readyKey);
        },
        10000);
    return value;
}

void SimulatorProcess::send(const QByteArray &controlLine) {
    m_process.write(controlLine + '\n');
    m_process.waitForBytesWritten(1000);
}

bool SimulatorProcess::waitFor(const std::function<bool(const QJsonObject &)> &match,
                               int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (m_process.canReadLine())
            if (match(QJsonDocument::fromJson(m_process.readLine()).object()))
                return true;
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return false;
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

} // namespace gate::bench
