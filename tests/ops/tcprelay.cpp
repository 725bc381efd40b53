#include "tcprelay.h"

#include <QTcpSocket>

namespace gate::test {

TcpRelay::TcpRelay(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort) {
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
}

// The sockets are children: left to ~QObject, their last signals would reach
// closePair() after m_pairs is gone.
TcpRelay::~TcpRelay() {
    dropConnections();
}

bool TcpRelay::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpRelay::accept() {
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto *upstream = new QTcpSocket(this);
        const Pair pair{client, upstream};
        m_pairs.append(pair);
        connect(client, &QTcpSocket::readyRead, upstream, [this, pair] {
            const QByteArray data = pair.client->readAll();
            m_bytesFromClients += data.size();
            if (m_holdFromBytes >= 0 && m_bytesFromClients >= m_holdFromBytes)
                m_holdReplies = true;
            pair.upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, pair] { forwardReplies(pair); });
        for (QTcpSocket *socket : {client, upstream})
            connect(socket, &QTcpSocket::disconnected, this,
                    [this, socket] { closePair(socket, Close::Graceful); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void TcpRelay::forwardReplies(const Pair &pair) {
    if (!m_holdReplies)
        pair.client->write(pair.upstream->readAll());
}

void TcpRelay::holdReplies(bool hold) {
    m_holdReplies = hold;
    if (!hold) {
        m_holdFromBytes = -1;
        for (const Pair &pair : std::as_const(m_pairs))
            forwardReplies(pair);
    }
}

void TcpRelay::closePair(QTcpSocket *either, Close how) {
    for (qsizetype i = 0; i < m_pairs.size(); ++i) {
        const Pair pair = m_pairs.at(i);
        if (pair.client != either && pair.upstream != either)
            continue;
        m_pairs.removeAt(i);
        // A peer that closed may have said its last words (RELP's close
        // response) just before: pass them on before closing the other side.
        if (how == Close::Graceful)
            forwardReplies(pair);
        for (QTcpSocket *socket : {pair.client, pair.upstream}) {
            socket->disconnect(this);
            if (how == Close::Graceful)
                socket->disconnectFromHost();
            else
                socket->abort();
            socket->deleteLater();
        }
        return;
    }
}

void TcpRelay::dropConnections() {
    while (!m_pairs.isEmpty())
        closePair(m_pairs.first().client, Close::Abort);
}

} // namespace gate::test
