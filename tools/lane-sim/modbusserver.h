#pragma once

#include "lanemodel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QSocketNotifier;
struct _modbus;
struct _modbus_mapping_t;

namespace gate::lanesim {

// The lane's Modbus side: a libmodbus server over TCP and/or RTU on a
// pseudo-terminal, answering from the lane model's register images, with
// faults that the control channel injects into the replies.
class ModbusServer : public QObject {
    Q_OBJECT
public:
    using Output = std::function<void(const QJsonObject &)>;

    ModbusServer(LaneModel &model, int unit, const QElapsedTimer &clock, Output output,
                 QObject *parent = nullptr);
    ~ModbusServer() override;

    // "HOST:PORT"; port 0 picks a free one. Prints {"tcp":"HOST:PORT"}.
    bool listenTcp(const QString &hostPort, QString *error);
    // A pty pair whose slave is the lane's serial port; `linkPath` becomes a
    // symlink to it. Prints {"rtu":"/dev/pts/N","link":linkPath}.
    bool openRtu(const QString &linkPath, int baud, QString *error);

    void dropReplies(int count) { m_dropReplies = count; }
    void slowReplies(int ms) { m_slowMs = ms; }
    void exceptionReplies(int count) { m_exceptionReplies = count; }
    void garbageReplies(int count) { m_garbageReplies = count; }
    // The next `count` replies come from another unit id than the one asked
    // (another lane behind the same TCP-to-RTU gateway).
    void wrongUnitReplies(int count) { m_wrongUnitReplies = count; }
    // Closes every TCP connection; with `offline`, stops listening as well
    // until setOffline(false).
    void disconnectClients();
    bool setOffline(bool offline, QString *error);

private:
    void acceptClient();
    void serve(_modbus *context, int fd, bool tcp);
    void closeClient(int fd);
    void sendGarbage(int fd, bool tcp, const quint8 *query);

    LaneModel &m_model;
    int m_unit;
    const QElapsedTimer &m_clock;
    Output m_output;
    _modbus_mapping_t *m_mapping = nullptr;
    _modbus *m_tcp = nullptr;
    _modbus *m_rtu = nullptr;
    QString m_tcpHost;
    quint16 m_tcpPort = 0;
    int m_listenFd = -1;
    QSocketNotifier *m_listenNotifier = nullptr;
    QHash<int, QSocketNotifier *> m_clients;
    int m_ptyMaster = -1;
    int m_ptySlave = -1;
    int m_dropReplies = 0;
    int m_slowMs = 0;
    int m_exceptionReplies = 0;
    int m_garbageReplies = 0;
    int m_wrongUnitReplies = 0;
};

} // namespace gate::lanesim
