#pragma once

#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace gate::test {

// A loopback TCP server that accepts every connection, reads what the client
// sends and never answers: a collector (or a middlebox) that takes the TCP
// connection and then stalls the TLS handshake. It runs on the test's event loop.
class SilentServer {
public:
    SilentServer() = default;
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;
    ~SilentServer();

    bool listen(quint16 port);
    void close(); // frees the port and drops every connection

    int connectionsAccepted() const { return m_accepted; }
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    void accept();

    QTcpServer m_server;
    QList<QTcpSocket *> m_connections;
    int m_accepted = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace gate::test
