#pragma once

#include "sync/logship/connectwatchdog.h"
#include "sync/logship/logshipsettings.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

struct relpEngine_s;
struct relpClt_s;

namespace gate {

// Delivers syslog messages over RELP (librelp) in batches.
//
// librelp's client does not tell which frame the collector acknowledged, so
// each batch runs in a session of its own: connect, send, close. The close
// response comes after the responses to every earlier frame, and librelp
// reports any failure (no answer within the timeout, a broken connection, an
// error response) through its error callback. A batch therefore counts as
// delivered only when the session closed cleanly with no error reported.
//
// Opening the session (TCP connect, TLS handshake, RELP open) has to complete
// within the timeout as a whole: librelp has no timeout for the TLS handshake,
// so a ConnectWatchdog enforces it.
class RelpBatchSender {
public:
    explicit RelpBatchSender(LogShipSettings settings);
    RelpBatchSender(const RelpBatchSender &) = delete;
    RelpBatchSender &operator=(const RelpBatchSender &) = delete;
    ~RelpBatchSender();

    // Blocks until the batch is acknowledged or failed; false with `error` set
    // when any message of it may not have arrived.
    bool send(const QList<QByteArray> &messages, QString *error);

    // From another thread: makes a send() in progress, and every later one,
    // give up promptly.
    void abort();

private:
    static void onSessionError(void *user, char *where, char *message, int code);
    bool configureClient(relpClt_s *client, QString *error);
    bool openSession(relpClt_s *client, QString *error);

    LogShipSettings m_settings;
    relpEngine_s *m_engine = nullptr;
    QString m_engineError;
    QString m_sessionError;
    int m_abortRequested = 0; // read by librelp while it waits
    ConnectWatchdog m_connectWatchdog;
};

} // namespace gate
