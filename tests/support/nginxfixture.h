#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace gate::test {

// A real nginx serving `documentRoot()` on a free 127.0.0.1 port, with its
// own prefix, configuration, pid and logs in a temporary folder. Single
// process (no master), so that kill() really takes the server down.
// Everything under /slow/ is served at `slowBytesPerSecond`, under /drip/ at
// one byte a second.
class NginxFixture {
public:
    explicit NginxFixture(int slowBytesPerSecond = 256 * 1024);
    ~NginxFixture();

    // Before start(): connections the server keeps at once (64 by default);
    // a load of many clients, each on its own keep-alive connection, needs
    // one per client.
    void setWorkerConnections(int connections) { m_workerConnections = connections; }

    bool start(QString *error);
    void stop();
    // SIGKILL, for "server down in the middle of a transfer".
    void kill();

    QString documentRoot() const;
    // The one nginx process (master_process off): for CPU accounting.
    qint64 processId() const { return m_process.processId(); }
    QUrl url(const QString &path) const;

private:
    QTemporaryDir m_prefix;
    QProcess m_process;
    int m_slowBytesPerSecond;
    quint16 m_port = 0;
    int m_workerConnections = 64;
};

} // namespace gate::test
