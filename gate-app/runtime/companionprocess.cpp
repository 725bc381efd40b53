#include "companionprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCompanion, "gate.demo")

namespace gate {

namespace {

QJsonObject jsonLine(const QByteArray &line) {
    return QJsonDocument::fromJson(line.trimmed()).object();
}

} // namespace

CompanionProcess::CompanionProcess(QString program, QObject *parent)
    : QObject(parent)
    , m_program(QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(program)) {
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

CompanionProcess::~CompanionProcess() {
    stop();
}

QJsonObject CompanionProcess::start(const QStringList &arguments, int timeoutMs, QString *error) {
    m_process.start(m_program, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("%1: %2").arg(m_program, m_process.errorString());
        return {};
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            *error = QStringLiteral("%1 did not announce itself within %2 ms")
                         .arg(m_program)
                         .arg(timeoutMs);
            stop();
            return {};
        }
    }
    const QJsonObject announcement = jsonLine(m_process.readLine());
    if (announcement.isEmpty()) {
        *error = QStringLiteral("%1 announced itself with something other than a JSON object")
                     .arg(m_program);
        stop();
        return {};
    }
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        while (m_process.canReadLine()) {
            const QByteArray text = m_process.readLine().trimmed();
            qCDebug(lcCompanion).noquote() << QFileInfo(m_program).fileName() << text;
        }
    });
    return announcement;
}

QJsonObject CompanionProcess::run(const QStringList &arguments, int timeoutMs, QString *error) {
    m_process.start(m_program, arguments);
    if (!m_process.waitForFinished(timeoutMs) || m_process.exitStatus() != QProcess::NormalExit ||
        m_process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2 (exit code %3)")
                     .arg(m_program, m_process.errorString())
                     .arg(m_process.exitCode());
        stop();
        return {};
    }
    QJsonObject last;
    const QList<QByteArray> lines = m_process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject object = jsonLine(line);
        if (!object.isEmpty())
            last = object;
    }
    return last;
}

void CompanionProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

} // namespace gate
