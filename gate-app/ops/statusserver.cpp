#include "ops/statusserver.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalSocket>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace gate {

StatusServer::StatusServer(SnapshotProvider snapshot, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot)) {
    // Members of the service's group (ops staff, gatectl) may read it too.
    m_server.setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &StatusServer::answer);
}

bool StatusServer::listen(const QString &path, QString *error) {
    if (QFileInfo::exists(path)) {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(500)) {
            *error = QStringLiteral("status socket %1 is in use by another running gate").arg(path);
            return false;
        }
        QLocalServer::removeServer(path);
    }
    if (!m_server.listen(path)) {
        *error = QStringLiteral("status socket %1: %2").arg(path, m_server.errorString());
        return false;
    }
    // Qt gives a socket with these options 0770; read and write is all a
    // client needs (docs/operations.md: 0660).
    if (::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP) != 0) {
        *error = QStringLiteral("status socket %1: cannot set its mode 0660: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        m_server.close();
        return false;
    }
    return true;
}

void StatusServer::close() {
    m_server.close();
}

void StatusServer::answer() {
    while (QLocalSocket *client = m_server.nextPendingConnection()) {
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        client->write(QJsonDocument(m_snapshot()).toJson(QJsonDocument::Compact) + '\n');
        client->disconnectFromServer();
    }
}

} // namespace gate
