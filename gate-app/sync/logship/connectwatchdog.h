#pragma once

#include <QHostAddress>
#include <QList>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace gate {

// Puts a deadline on librelp's relpCltConnect() (TCP connect, TLS handshake,
// RELP open), from a thread of its own.
//
// librelp 1.11 runs the client's TLS handshake, with GnuTLS and with OpenSSL,
// on a blocking socket and with no timeout, so a collector that accepts the
// connection and never answers keeps the caller in recv() for good. librelp
// does not expose that socket, so when the deadline passes (or stop() is
// called) the watchdog looks through the process's descriptors for TCP
// sockets connected to the collector and shuts them down: the blocked recv()
// then sees the end of the stream, the handshake fails and librelp closes the
// socket itself. The watchdog never dup()s or closes a descriptor it does not
// own: closing a duplicate of a database file would drop SQLite's POSIX locks.
class ConnectWatchdog {
public:
    using Clock = std::chrono::steady_clock;

    ConnectWatchdog();
    ConnectWatchdog(const ConnectWatchdog &) = delete;
    ConnectWatchdog &operator=(const ConnectWatchdog &) = delete;
    ~ConnectWatchdog();

    // Watches the attempt the calling thread is about to make to `host`:`port`.
    void arm(Clock::duration limit, const QString &host, quint16 port);
    // Ends the watch. True when the attempt was cut: its outcome is void even
    // if it completed at the very moment of the deadline.
    bool disarm();
    // Cuts the attempt in progress now, and every later one as soon as it is armed.
    void stopForGood();

private:
    void run();
    void cutConnectionsToPeer() const;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_armed = false;
    bool m_cut = false;
    bool m_stopping = false;
    bool m_quit = false;
    Clock::time_point m_deadline;
    QList<QHostAddress> m_peerAddresses;
    quint16 m_peerPort = 0;
    std::thread m_thread; // last, so that it starts after the state it reads
};

} // namespace gate
