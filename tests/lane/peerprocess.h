#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>

#include <functional>
#include <optional>

// A Modbus peer run as a child process for the length of a test: the lane
// simulator or the pymodbus lane. Both print one JSON object per line and
// take control lines on stdin.
class PeerProcess {
public:
    using Match = std::function<bool(const QJsonObject &)>;

    ~PeerProcess();

    // Starts the program and waits for its first line that has `readyKey`;
    // returns that key's value (the endpoint), or an empty string.
    QString start(const QString &program, const QStringList &arguments, const QString &readyKey);
    void stop();
    void send(const QString &controlLine);
    // Number of lines read so far: pass it to waitFor() to see only later ones.
    qsizetype mark();
    // The first line from `from` on that matches, waiting up to `timeoutMs`.
    std::optional<QJsonObject> waitFor(const Match &match, qsizetype from = 0,
                                       int timeoutMs = 10000);
    QString errors() const { return m_stderr; }

    static Match field(const QString &key, const QJsonValue &value);

private:
    void readLines();

    QProcess m_process;
    QByteArray m_partial;
    QList<QJsonObject> m_lines;
    QString m_stderr;
};
