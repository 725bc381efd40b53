#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <functional>

namespace gate::bench {

// The lane simulator as a child process, until the bench ends.
class SimulatorProcess {
public:
    ~SimulatorProcess();

    // Returns the value of `readyKey` of its first line that has it.
    QString start(const QStringList &arguments, const QString &readyKey);
    void send(const QByteArray &controlLine);
    // Waits (up to `timeoutMs`) for an output line that `match` accepts.
    bool waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs);

private:
    QProcess m_process;
};

} // namespace gate::bench
