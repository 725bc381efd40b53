#pragma once

#include <QJsonObject>
#include <QLocalServer>
#include <QObject>

#include <functional>

namespace gate {

// Answers each connection on a local socket with one JSON object, the gate's
// health snapshot, then closes it (`gatectl status`, monitoring agents).
// The snapshot provider runs on the thread that owns the server: it must only
// read state that thread may read.
class StatusServer : public QObject {
    Q_OBJECT
public:
    using SnapshotProvider = std::function<QJsonObject()>;

    explicit StatusServer(SnapshotProvider snapshot, QObject *parent = nullptr);

    // Replaces a stale socket file, but never one another live gate answers on.
    bool listen(const QString &path, QString *error);
    void close();
    QString socketPath() const { return m_server.fullServerName(); }

private:
    void answer();

    SnapshotProvider m_snapshot;
    QLocalServer m_server;
};

} // namespace gate
