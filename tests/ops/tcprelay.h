#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace gate::test {

// A loopback TCP relay between a client and a server that a test can stall
// (hold the server's replies, so acknowledgements stop) and cut (drop every
// connection, as a broken network would). It runs on the test's event loop.
class TcpRelay : public QObject {
    Q_OBJECT
public:
    explicit TcpRelay(quint16 upstreamPort, QObject *parent = nullptr);
    ~TcpRelay() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    int connectionsAccepted() const { return m_accepted; }
    qint64 bytesFromClients() const { return m_bytesFromClients; }

    void holdReplies(bool hold);
    // Starts holding replies as soon as clients have sent `bytes` in all:
    // at that moment a request is in flight, whatever the timing.
    void holdRepliesFrom(qint64 bytes) { m_holdFromBytes = bytes; }
    bool isHoldingReplies() const { return m_holdReplies; }
    void dropConnections();

private:
    struct Pair {
        QTcpSocket *client;
        QTcpSocket *upstream;
    };
    void accept();
    void forwardReplies(const Pair &pair);
    enum class Close { Graceful, Abort };
    void closePair(QTcpSocket *either, Close how);

    quint16 m_upstreamPort;
    QTcpServer m_server;
    QList<Pair> m_pairs;
    bool m_holdReplies = false;
    int m_accepted = 0;
    qint64 m_bytesFromClients = 0;
    qint64 m_holdFromBytes = -1;
};

} // namespace gate::test
