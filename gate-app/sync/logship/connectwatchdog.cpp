#include "sync/logship/connectwatchdog.h"

#include <cstdlib>

#include <dirent.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace gate {

namespace {

// After the deadline the watchdog looks again at this pace until the attempt
// ends: the socket may not exist yet at the deadline (a slow name lookup).
constexpr auto rescanInterval = std::chrono::milliseconds(200);

QList<QHostAddress> resolve(const QString &host) {
    // The same lookup librelp makes for relpCltConnect(..., AF_UNSPEC, ...).
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    QList<QHostAddress> addresses;
    if (getaddrinfo(host.toUtf8().constData(), nullptr, &hints, &found) != 0)
        return addresses;
    for (const addrinfo *entry = found; entry; entry = entry->ai_next)
        addresses.append(QHostAddress(entry->ai_addr));
    freeaddrinfo(found);
    return addresses;
}

// The remote end of `fd` when it is a TCP socket, without side effects on
// descriptors of any other kind.
bool tcpPeer(int fd, QHostAddress *address, quint16 *port) {
    int protocol = 0;
    socklen_t length = sizeof protocol;
    if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &length) != 0 || protocol != IPPROTO_TCP)
        return false;
    sockaddr_storage peer{};
    length = sizeof peer;
    if (getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0)
        return false;
    *address = QHostAddress(reinterpret_cast<const sockaddr *>(&peer));
    if (peer.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in &>(peer).sin_port);
    else if (peer.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6 &>(peer).sin6_port);
    else
        return false;
    return true;
}

} // namespace

ConnectWatchdog::ConnectWatchdog()
    : m_thread([this] { run(); }) {}

ConnectWatchdog::~ConnectWatchdog() {
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ConnectWatchdog::arm(Clock::duration limit, const QString &host, quint16 port) {
    {
        const std::lock_guard lock(m_mutex);
        m_armed = true;
        m_cut = false;
        m_deadline = Clock::now() + limit;
        m_peerAddresses.clear();
        m_peerPort = port;
    }
    m_changed.notify_all();
    // Resolved after arming, so that a slow lookup counts against the deadline.
    const QList<QHostAddress> addresses = resolve(host);
    const std::lock_guard lock(m_mutex);
    m_peerAddresses = addresses;
}

bool ConnectWatchdog::disarm() {
    const std::lock_guard lock(m_mutex);
    m_armed = false;
    return m_cut;
}

void ConnectWatchdog::stopForGood() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
}

void ConnectWatchdog::run() {
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_armed) {
            m_changed.wait(lock);
            continue;
        }
        if (!m_stopping && Clock::now() < m_deadline) {
            m_changed.wait_until(lock, m_deadline);
            continue;
        }
        // Under the lock: disarm() waits for a cut in progress, so an attempt
        // that completed at the deadline is either untouched or reported cut.
        cutConnectionsToPeer();
        m_cut = true;
        m_changed.wait_for(lock, rescanInterval);
    }
}

void ConnectWatchdog::cutConnectionsToPeer() const {
    DIR *descriptors = opendir("/proc/self/fd");
    if (!descriptors)
        return;
    while (const dirent *entry = readdir(descriptors)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        QHostAddress address;
        quint16 port = 0;
        if (end != entry->d_name && *end == '\0' && tcpPeer(int(fd), &address, &port) &&
            port == m_peerPort && m_peerAddresses.contains(address))
            shutdown(int(fd), SHUT_RDWR);
    }
    closedir(descriptors);
}

} // namespace gate
