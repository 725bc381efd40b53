#include "privatepcscd.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace gate {

namespace {

const char *const kPcscd = "/usr/sbin/pcscd";
const char *const kVpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

quint16 freePort() {
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

PrivatePcscd::PrivatePcscd() = default;

PrivatePcscd::~PrivatePcscd() {
    stop();
}

QString PrivatePcscd::missingPeer() {
    if (!QFileInfo::exists(QString::fromLatin1(kPcscd)))
        return QStringLiteral("pcscd is not installed");
    if (!QFileInfo::exists(QString::fromLatin1(kVpcdDriver)))
        return QStringLiteral("vsmartcard-vpcd is not installed");
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return QStringLiteral("unshare is not installed");
    return {};
}

bool PrivatePcscd::start(const QString &folder, QString *error) {
    const QDir dir(folder);
    m_port = freePort();
    QFile conf(dir.filePath(QStringLiteral("reader.conf.d/vpcd")));
    if (m_port == 0 || !QDir().mkpath(dir.filePath(QStringLiteral("run"))) ||
        !QDir().mkpath(dir.filePath(QStringLiteral("reader.conf.d"))) ||
        !conf.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("no port or reader configuration for vpcd in %1").arg(folder);
        return false;
    }
    // The vpcd driver takes its TCP port from the channel id.
    conf.write(QStringLiteral("FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x%1\n"
                              "LIBPATH %2\nCHANNELID 0x%1\n")
                   .arg(m_port, 0, 16)
                   .arg(QString::fromLatin1(kVpcdDriver))
                   .toUtf8());
    conf.close();
    m_socket = dir.filePath(QStringLiteral("run/pcscd.comm"));
    QDir().mkpath(QStringLiteral("/run/pcscd")); // the mount point inside the namespace
    m_pcscd = std::make_unique<QProcess>();
    m_pcscd->setProcessChannelMode(QProcess::MergedChannels);
    m_pcscd->setStandardOutputFile(dir.filePath(QStringLiteral("pcscd.log")));
    m_pcscd->start(QStringLiteral("unshare"),
                   {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("mount --bind \"$0\" /run/pcscd && exec %1 -f -c \"$1\"")
                        .arg(QString::fromLatin1(kPcscd)),
                    dir.filePath(QStringLiteral("run")),
                    dir.filePath(QStringLiteral("reader.conf.d"))});
    const QDeadlineTimer deadline(10'000);
    m_pcscd->waitForStarted(5000);
    while (m_pcscd->state() == QProcess::Running && !QFileInfo::exists(m_socket) &&
           !deadline.hasExpired())
        QThread::msleep(20);
    if (!QFileInfo::exists(m_socket) || m_pcscd->state() == QProcess::NotRunning) {
        QFile log(dir.filePath(QStringLiteral("pcscd.log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pcscd did not start: %1")
                     .arg(QString::fromUtf8(log.readAll().trimmed().right(500)));
        stop();
        return false;
    }
    qputenv("PCSCLITE_CSOCK_NAME", m_socket.toLocal8Bit());
    return true;
}

void PrivatePcscd::stop() {
    if (!m_pcscd)
        return;
    m_pcscd->terminate();
    if (!m_pcscd->waitForFinished(3000)) {
        m_pcscd->kill();
        m_pcscd->waitForFinished(3000);
    }
    m_pcscd.reset();
}

} // namespace gate
