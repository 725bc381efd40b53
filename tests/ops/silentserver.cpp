#include "silentserver.h"

#include <QTcpSocket>

namespace gate::test {

SilentServer::~SilentServer() {
    close();
}

bool SilentServer::listen(quint16 port) {
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    return true;
}

void SilentServer::accept() {
    while (QTcpSocket *connection = m_server.nextPendingConnection()) {
        ++m_accepted;
        m_connections.append(connection);
        QObject::connect(connection, &QTcpSocket::readyRead, &m_server,
                         [this, connection] { m_bytesReceived += connection->readAll().size(); });
        // A client that gave up is forgotten, so that connections do not pile up.
        QObject::connect(connection, &QTcpSocket::disconnected, &m_server, [this, connection] {
            m_connections.removeOne(connection);
            connection->deleteLater();
        });
    }
}

void SilentServer::close() {
    m_server.close();
    m_server.disconnect();
    for (QTcpSocket *connection : std::as_const(m_connections)) {
        connection->disconnect();
        connection->abort();
        connection->deleteLater();
    }
    m_connections.clear();
}

} // namespace gate::test
