#include "sync/logship/relpbatchsender.h"

// librelp.h has no C++ linkage guards of its own.
extern "C" {
#include <librelp.h>
}

#include <sys/socket.h>

namespace gate {

namespace {

QString relpError(const char *what, relpRetVal code) {
    return QStringLiteral("%1 failed (librelp error %2)").arg(QLatin1String(what)).arg(code);
}

// librelp's setters take mutable C strings.
QByteArray cString(const QString &text) {
    return text.toUtf8();
}

// librelp calls its debug hook unconditionally; failures reach us through onErr.
void ignoreDebugOutput(char *, ...) {}

} // namespace

RelpBatchSender::RelpBatchSender(LogShipSettings settings)
    : m_settings(std::move(settings)) {
    if (relpEngineConstruct(&m_engine) != RELP_RET_OK) {
        m_engine = nullptr;
        m_engineError = QStringLiteral("cannot create the RELP engine");
        return;
    }
    relpEngineSetDbgprint(m_engine, &ignoreDebugOutput);
    relpEngineSetShutdownImmdtPtr(m_engine, &m_abortRequested);
    relpEngineSetDnsLookupMode(m_engine, 0);
    relpEngineSetEnableCmd(m_engine,
                           reinterpret_cast<unsigned char *>(const_cast<char *>("syslog")),
                           eRelpCmdState_Required);
    relpEngineSetOnErr(m_engine, &RelpBatchSender::onSessionError);
    relpEngineSetOnAuthErr(m_engine, &RelpBatchSender::onSessionError);
    if (m_settings.tls.enabled &&
        relpEngineSetTLSLibByName(m_engine, m_settings.tls.library.toLatin1().constData()) !=
            RELP_RET_OK)
        m_engineError = QStringLiteral("log_sync.tls.library: librelp has no \"%1\" support")
                            .arg(m_settings.tls.library);
}

RelpBatchSender::~RelpBatchSender() {
    if (m_engine)
        relpEngineDestruct(&m_engine);
}

void RelpBatchSender::abort() {
    m_abortRequested = 1;
    m_connectWatchdog.stopForGood();
}

void RelpBatchSender::onSessionError(void *user, char *where, char *message, int code) {
    auto *self = static_cast<RelpBatchSender *>(user);
    if (!self || !self->m_sessionError.isEmpty())
        return;
    // librelp leaves `where` empty for certificate checks, and OpenSSL's
    // messages span several lines; the status and the log want one.
    const QString place =
        where && *where ? QString::fromUtf8(where) + QStringLiteral(": ") : QString();
    self->m_sessionError = QStringLiteral("%1%2 (librelp error %3)")
                               .arg(place, QString::fromUtf8(message).simplified())
                               .arg(code);
}

bool RelpBatchSender::configureClient(relpClt_t *client, QString *error) {
    relpCltSetUsrPtr(client, this);
    relpCltSetTimeout(client, unsigned(m_settings.timeoutSecs));
    relpCltSetConnTimeout(client, m_settings.timeoutSecs);
    relpCltSetWindowSize(client, std::clamp(m_settings.batch, 2, 1024));
    if (!m_settings.tls.enabled)
        return true;
    const auto &tls = m_settings.tls;
    QByteArray ca = cString(tls.caFile), cert = cString(tls.certFile), key = cString(tls.keyFile),
               mode = cString(tls.authMode);
    relpRetVal rc = relpCltEnableTLS(client);
    if (rc == RELP_RET_OK && !ca.isEmpty())
        rc = relpCltSetCACert(client, ca.data());
    if (rc == RELP_RET_OK && !cert.isEmpty())
        rc = relpCltSetOwnCert(client, cert.data());
    if (rc == RELP_RET_OK && !key.isEmpty())
        rc = relpCltSetPrivKey(client, key.data());
    if (rc == RELP_RET_OK)
        rc = relpCltSetAuthMode(client, mode.data());
    for (const QString &peer : tls.permittedPeers) {
        QByteArray name = cString(peer);
        if (rc == RELP_RET_OK)
            rc = relpCltAddPermittedPeer(client, name.data());
    }
    if (rc != RELP_RET_OK) {
        *error = relpError("TLS setup", rc);
        return false;
    }
    return true;
}

bool RelpBatchSender::openSession(relpClt_t *client, QString *error) {
    QByteArray port = QByteArray::number(m_settings.port);
    QByteArray host = cString(m_settings.host);
    m_connectWatchdog.arm(std::chrono::seconds(m_settings.timeoutSecs), m_settings.host,
                          m_settings.port);
    const relpRetVal rc =
        relpCltConnect(client, AF_UNSPEC, reinterpret_cast<unsigned char *>(port.data()),
                       reinterpret_cast<unsigned char *>(host.data()));
    if (m_connectWatchdog.disarm()) {
        *error = m_abortRequested
                     ? QStringLiteral("stopped")
                     : QStringLiteral("no RELP session within %1 s (TCP connect, TLS handshake "
                                      "and RELP open)")
                           .arg(m_settings.timeoutSecs);
        return false;
    }
    if (rc == RELP_RET_OK)
        return true;
    *error = m_sessionError.isEmpty() ? relpError("connecting", rc) : m_sessionError;
    return false;
}

bool RelpBatchSender::send(const QList<QByteArray> &messages, QString *error) {
    if (!m_engine || !m_engineError.isEmpty()) {
        *error = m_engineError;
        return false;
    }
    m_sessionError.clear();
    relpClt_t *client = nullptr;
    relpRetVal rc = relpEngineCltConstruct(m_engine, &client);
    if (rc != RELP_RET_OK) {
        *error = relpError("creating a RELP client", rc);
        return false;
    }
    const bool opened = configureClient(client, error) && openSession(client, error);
    for (qsizetype i = 0; opened && rc == RELP_RET_OK && i < messages.size(); ++i) {
        QByteArray message = messages.at(i);
        rc = relpCltSendSyslog(client, reinterpret_cast<unsigned char *>(message.data()),
                               size_t(message.size()));
    }
    // Destroying the client sends "close" and waits for its response, which
    // follows the responses to every message of the batch.
    relpEngineCltDestruct(m_engine, &client);
    if (!opened)
        return false;
    if (rc == RELP_RET_OK && m_sessionError.isEmpty())
        return true;
    *error = m_sessionError.isEmpty() ? relpError("sending", rc) : m_sessionError;
    if (m_abortRequested)
        *error = QStringLiteral("stopped");
    return false;
}

} // namespace gate
