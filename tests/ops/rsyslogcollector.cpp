#include "rsyslogcollector.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

namespace gate::test {

RsyslogCollector::RsyslogCollector(quint16 port)
    : m_port(port) {}

RsyslogCollector::~RsyslogCollector() {
    stop();
}

bool RsyslogCollector::start(QString *error) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder for rsyslog");
        return false;
    }
    if (m_port == 0)
        m_port = freeLoopbackPort();
    QDir(m_dir.path()).mkpath(QStringLiteral("work"));
    const QString config = m_dir.filePath(QStringLiteral("rsyslog.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    // The TLS library is a setting of the imrelp module, the rest of the input.
    QString moduleOptions, inputOptions;
    if (m_tls) {
        moduleOptions = QStringLiteral(R"( tls.tlslib="%1")").arg(m_tls->library);
        inputOptions =
            QStringLiteral(R"( tls="on" tls.cacert="%1" tls.mycert="%2")"
                           R"( tls.myprivkey="%3" tls.authmode="name")"
                           R"( tls.permittedpeer=["%4"])")
                .arg(m_tls->caFile, m_tls->certFile, m_tls->keyFile, m_tls->permittedPeer);
    }
    file.write(QStringLiteral(R"(global(workDirectory="%1")
module(load="imrelp"%4)
module(load="mmjsonparse")
input(type="imrelp" address="127.0.0.1" port="%2"%5)
template(name="received" type="string" string="%msgid% %structured-data% %msg%\n")
template(name="gateRecord" type="list") { property(name="$!all-json") constant(value="\n") }
action(type="omfile" file="%3" template="received")
action(type="mmjsonparse" cookie="")
if $parsesuccess == "OK" and $msgid == "GATE_PASSAGE" then {
  action(type="omfile" file="%6" template="gateRecord")
}
)")
                   .arg(m_dir.filePath(QStringLiteral("work")))
                   .arg(m_port)
                   .arg(m_dir.filePath(QStringLiteral("received.log")), moduleOptions, inputOptions,
                        passageFile())
                   .toUtf8());
    file.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(QStringLiteral("rsyslogd"),
                     {QStringLiteral("-n"), QStringLiteral("-f"), config, QStringLiteral("-i"),
                      m_dir.filePath(QStringLiteral("rsyslogd.pid"))});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("rsyslogd did not start: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("rsyslogd exited with %1").arg(m_process->exitCode());
            return false;
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("rsyslogd does not listen on port %1").arg(m_port);
    return false;
}

void RsyslogCollector::stop() {
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15'000))
        m_process->kill();
    m_process->waitForFinished(5000);
}

bool RsyslogCollector::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QString RsyslogCollector::passageFile() const {
    return m_dir.filePath(QStringLiteral("passages.jsonl"));
}

QByteArrayList RsyslogCollector::receivedLines() const {
    QFile file(m_dir.filePath(QStringLiteral("received.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

std::map<qint64, int> RsyslogCollector::receivedSeqs(const QString &gateId) const {
    static const QRegularExpression id(
        QStringLiteral("^GATE_\\w+ \\[gate@32473 gate=\"([^\"]+)\" seq=\"(\\d+)\""));
    std::map<qint64, int> seqs;
    for (const QByteArray &line : receivedLines()) {
        const QRegularExpressionMatch match = id.match(QString::fromUtf8(line));
        if (match.hasMatch() && match.captured(1) == gateId)
            ++seqs[match.captured(2).toLongLong()];
    }
    return seqs;
}

} // namespace gate::test
