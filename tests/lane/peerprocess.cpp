#include "peerprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QTest>

PeerProcess::~PeerProcess() {
    stop();
}

PeerProcess::Match PeerProcess::field(const QString &key, const QJsonValue &value) {
    return [key, value](const QJsonObject &line) { return line.value(key) == value; };
}

QString PeerProcess::start(const QString &program, const QStringList &arguments,
                           const QString &readyKey) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000))
        return {};
    const auto ready = waitFor([&](const QJsonObject &line) { return line.contains(readyKey); });
    return ready ? ready->value(readyKey).toString() : QString();
}

void PeerProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void PeerProcess::send(const QString &controlLine) {
    m_process.write(controlLine.toUtf8() + '\n');
    m_process.waitForBytesWritten(1000);
}

qsizetype PeerProcess::mark() {
    readLines();
    return m_lines.size();
}

void PeerProcess::readLines() {
    m_partial += m_process.readAllStandardOutput();
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        const QJsonDocument line = QJsonDocument::fromJson(m_partial.left(newline));
        m_partial.remove(0, newline + 1);
        if (line.isObject())
            m_lines.append(line.object());
    }
}

std::optional<QJsonObject> PeerProcess::waitFor(const Match &match, qsizetype from, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype next = from;
    for (;;) {
        readLines();
        for (; next < m_lines.size(); ++next)
            if (match(m_lines.at(next)))
                return m_lines.at(next);
        if (m_process.state() == QProcess::NotRunning) {
            readLines(); // what it said before it ended
            return std::nullopt;
        }
        if (deadline.hasExpired())
            return std::nullopt;
        // Keep the test's own event loop turning: the lane driver's signals
        // arrive through it.
        QTest::qWait(5);
    }
}
