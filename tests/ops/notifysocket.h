#pragma once

#include <QByteArray>
#include <QString>

// An AF_UNIX datagram socket standing in for systemd's notification socket.
class NotifySocket {
public:
    explicit NotifySocket(const QString &path);
    ~NotifySocket();
    NotifySocket(const NotifySocket &) = delete;
    NotifySocket &operator=(const NotifySocket &) = delete;

    bool isBound() const { return m_bound; }
    // The next datagram, or an empty one when none is waiting.
    QByteArray receive();

private:
    int m_fd = -1;
    bool m_bound = false;
};
