#pragma once

#include "support/loopbackport.h"

#include <QByteArrayList>
#include <QProcess>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>

namespace gate::test {

// A real rsyslogd with imrelp on a free loopback port, writing every message
// it receives to a file, as the ops collector would, and its passage records
// to another, as the station's collector does. Its work dir, config and
// pid file live in a temporary folder; it never touches /dev/log.
class RsyslogCollector {
public:
    // imrelp's TLS settings: the collector presents `certFile` and accepts
    // only clients whose certificate, issued by `caFile`, names `permittedPeer`.
    struct Tls {
        QString library = QStringLiteral("gnutls"); // imrelp's tls.tlslib
        QString caFile;
        QString certFile;
        QString keyFile;
        QString permittedPeer;
    };

    // Listens on `port`, or on a free one when 0.
    explicit RsyslogCollector(quint16 port = 0);
    ~RsyslogCollector();

    void enableTls(Tls tls) { m_tls = std::move(tls); } // before start()

    bool start(QString *error); // the same port across restarts
    void stop();                // graceful: rsyslogd writes out its queue
    bool isRunning() const;
    quint16 port() const { return m_port; }

    // The passage records as docs/operations.md's collector files them: each
    // record's JSON body on a line (what `gate-issuer relay` reads).
    QString passageFile() const;
    // Lines of "MSGID STRUCTURED-DATA MSG" as rsyslog parsed them.
    QByteArrayList receivedLines() const;
    // How often it received each audit seq of `gateId`.
    std::map<qint64, int> receivedSeqs(const QString &gateId) const;

private:
    QTemporaryDir m_dir;
    quint16 m_port;
    std::optional<Tls> m_tls;
    std::unique_ptr<QProcess> m_process;
};

} // namespace gate::test
