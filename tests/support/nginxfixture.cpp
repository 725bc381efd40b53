#include "nginxfixture.h"

#include "loopbackport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace gate::test {

namespace {

bool accepts(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

} // namespace

NginxFixture::NginxFixture(int slowBytesPerSecond)
    : m_slowBytesPerSecond(slowBytesPerSecond) {}

NginxFixture::~NginxFixture() {
    stop();
}

QString NginxFixture::documentRoot() const {
    return m_prefix.filePath(QStringLiteral("www"));
}

QUrl NginxFixture::url(const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path));
}

bool NginxFixture::start(QString *error) {
    const QString prefix = m_prefix.path();
    QDir(prefix).mkpath(QStringLiteral("www"));
    QDir(prefix).mkpath(QStringLiteral("tmp"));
    m_port = freeLoopbackPort();
    // As root, nginx would switch to "nobody", who cannot read a 0700
    // temporary folder.
    const QString user = ::geteuid() == 0 ? QStringLiteral("user root;\n") : QString();
    const QString config = user + QStringLiteral(R"(master_process off;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log;
worker_rlimit_nofile %4;
events { worker_connections %5; }
http {
    access_log off;
    client_body_temp_path %1/tmp;
    proxy_temp_path %1/tmp;
    fastcgi_temp_path %1/tmp;
    uwsgi_temp_path %1/tmp;
    scgi_temp_path %1/tmp;
    server {
        listen 127.0.0.1:%2;
        root %1/www;
        location /slow/ {
            alias %1/www/;
            limit_rate %3;
        }
        # A server that drips a byte a second: only a whole deadline ends a
        # transfer from it, never an inactivity timeout.
        location /drip/ {
            alias %1/www/;
            limit_rate 1;
        }
    }
}
)")
                                      .arg(prefix)
                                      .arg(m_port)
                                      .arg(m_slowBytesPerSecond)
                                      .arg(2 * m_workerConnections + 64)
                                      .arg(m_workerConnections);
    QFile file(m_prefix.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write nginx.conf");
        return false;
    }
    file.close();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral("nginx"),
                    {QStringLiteral("-p"), prefix, QStringLiteral("-c"), file.fileName(),
                     QStringLiteral("-g"), QStringLiteral("daemon off;")});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("nginx did not start: %1").arg(m_process.errorString());
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (!accepts(m_port)) {
        if (m_process.state() != QProcess::Running || waited.elapsed() > 10'000) {
            *error = QStringLiteral("nginx is not listening on port %1").arg(m_port);
            return false;
        }
        QThread::msleep(50);
    }
    return true;
}

void NginxFixture::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        kill();
}

void NginxFixture::kill() {
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace gate::test
