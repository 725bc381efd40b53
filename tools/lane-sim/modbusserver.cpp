#include "modbusserver.h"

#include <modbus/modbus.h>

#include <QSocketNotifier>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pty.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gate::lanesim {

namespace {
constexpr int maxAdu = MODBUS_TCP_MAX_ADU_LENGTH;
}

ModbusServer::ModbusServer(LaneModel &model, int unit, const QElapsedTimer &clock, Output output,
                           QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_unit(unit)
    , m_clock(clock)
    , m_output(std::move(output))
    , m_mapping(modbus_mapping_new(LaneModel::coilCount, LaneModel::discreteCount,
                                   LaneModel::holdingCount, LaneModel::inputRegisterCount)) {
    m_model.fillHolding(m_mapping->tab_registers);
}

ModbusServer::~ModbusServer() {
    disconnectClients();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    if (m_tcp)
        modbus_free(m_tcp);
    if (m_rtu) {
        modbus_set_socket(m_rtu, -1); // the pty is ours to close, not libmodbus's
        modbus_free(m_rtu);
    }
    if (m_ptyMaster >= 0)
        ::close(m_ptyMaster);
    if (m_ptySlave >= 0)
        ::close(m_ptySlave);
    modbus_mapping_free(m_mapping);
}

bool ModbusServer::listenTcp(const QString &hostPort, QString *error) {
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = hostPort.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port > 65535) {
        *error = QStringLiteral("--tcp: expected HOST:PORT, got \"%1\"").arg(hostPort);
        return false;
    }
    m_tcpHost = hostPort.left(colon);
    m_tcpPort = quint16(port);
    if (!m_tcp) {
        m_tcp = modbus_new_tcp(m_tcpHost.toLatin1().constData(), m_tcpPort);
        if (!m_tcp) {
            *error =
                QStringLiteral("--tcp: %1").arg(QString::fromLocal8Bit(modbus_strerror(errno)));
            return false;
        }
        modbus_set_slave(m_tcp, m_unit);
    }
    if (!setOffline(false, error))
        return false;
    m_output({{QStringLiteral("tcp"), QStringLiteral("%1:%2").arg(m_tcpHost).arg(m_tcpPort)}});
    return true;
}

bool ModbusServer::setOffline(bool offline, QString *error) {
    if (offline) {
        disconnectClients();
        delete m_listenNotifier;
        m_listenNotifier = nullptr;
        if (m_listenFd >= 0)
            ::close(m_listenFd);
        m_listenFd = -1;
        return true;
    }
    if (!m_tcp || m_listenFd >= 0)
        return true;
    // libmodbus binds to the context's port; a fresh context keeps a picked port.
    modbus_free(m_tcp);
    m_tcp = modbus_new_tcp(m_tcpHost.toLatin1().constData(), m_tcpPort);
    modbus_set_slave(m_tcp, m_unit);
    m_listenFd = modbus_tcp_listen(m_tcp, 8);
    if (m_listenFd < 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_tcpHost)
                     .arg(m_tcpPort)
                     .arg(QString::fromLocal8Bit(modbus_strerror(errno)));
        return false;
    }
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        m_tcpPort = ntohs(address.sin_port);
    m_listenNotifier = new QSocketNotifier(m_listenFd, QSocketNotifier::Read, this);
    connect(m_listenNotifier, &QSocketNotifier::activated, this, &ModbusServer::acceptClient);
    return true;
}

bool ModbusServer::openRtu(const QString &linkPath, int baud, QString *error) {
    char slaveName[128] = {};
    if (::openpty(&m_ptyMaster, &m_ptySlave, slaveName, nullptr, nullptr) != 0) {
        *error = QStringLiteral("cannot create a pseudo-terminal: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // Raw bytes both ways; keeping our slave descriptor open means the master
    // never sees a hang-up when the gate closes and reopens the port.
    termios raw{};
    ::tcgetattr(m_ptySlave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(m_ptySlave, TCSANOW, &raw);
    m_rtu = modbus_new_rtu(slaveName, baud, 'N', 8, 1);
    if (!m_rtu) {
        *error = QStringLiteral("--baud: %1").arg(QString::fromLocal8Bit(modbus_strerror(errno)));
        return false;
    }
    modbus_set_slave(m_rtu, m_unit);
    modbus_set_socket(m_rtu, m_ptyMaster);
    if (!linkPath.isEmpty()) {
        ::unlink(linkPath.toLocal8Bit().constData());
        if (::symlink(slaveName, linkPath.toLocal8Bit().constData()) != 0) {
            *error = QStringLiteral("--rtu-link: cannot create %1: %2")
                         .arg(linkPath, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    auto *notifier = new QSocketNotifier(m_ptyMaster, QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this,
            [this] { serve(m_rtu, m_ptyMaster, false); });
    m_output({{QStringLiteral("rtu"), QString::fromLocal8Bit(slaveName)},
              {QStringLiteral("link"), linkPath}});
    return true;
}

void ModbusServer::acceptClient() {
    const int fd = ::accept(m_listenFd, nullptr, nullptr);
    if (fd < 0)
        return;
    auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, fd] { serve(m_tcp, fd, true); });
    m_clients.insert(fd, notifier);
}

void ModbusServer::closeClient(int fd) {
    if (auto *notifier = m_clients.take(fd)) {
        notifier->setEnabled(false);
        notifier->deleteLater();
        ::close(fd);
    }
}

void ModbusServer::disconnectClients() {
    const QList<int> fds = m_clients.keys();
    for (int fd : fds)
        closeClient(fd);
}

void ModbusServer::serve(_modbus *context, int fd, bool tcp) {
    quint8 query[maxAdu];
    modbus_set_socket(context, fd);
    const int length = modbus_receive(context, query);
    if (length < 0) {
        if (tcp)
            closeClient(fd); // the peer left, or sent something unreadable
        else
            modbus_flush(context);
        return;
    }
    if (length == 0)
        return; // addressed to another unit
    if (m_dropReplies > 0) {
        --m_dropReplies;
        return;
    }
    if (m_slowMs > 0)
        QThread::msleep(quint64(m_slowMs));
    if (m_exceptionReplies > 0) {
        --m_exceptionReplies;
        modbus_reply_exception(context, query, MODBUS_EXCEPTION_SLAVE_OR_SERVER_FAILURE);
        return;
    }
    if (m_garbageReplies > 0) {
        --m_garbageReplies;
        sendGarbage(fd, tcp, query);
        return;
    }
    if (m_wrongUnitReplies > 0) {
        --m_wrongUnitReplies;
        // libmodbus answers with the unit id of the query it is given (and
        // an RTU reply gets a CRC of its own); the registers it reads are
        // this lane's either way.
        query[tcp ? 6 : 0] = quint8(m_unit % 247 + 1);
    }
    m_model.fillInputs(m_mapping->tab_input_registers, m_mapping->tab_input_bits);
    modbus_reply(context, query, length, m_mapping);
    m_model.applyWrites(m_mapping->tab_registers, m_mapping->tab_bits, m_clock.elapsed());
}

// A reply framed well enough to be read whole, but not an answer to the
// request: a mismatched function code (TCP) or a broken CRC (RTU).
void ModbusServer::sendGarbage(int fd, bool tcp, const quint8 *query) {
    const int headerLength = tcp ? 7 : 1;
    const quint8 function = query[headerLength];
    QByteArray frame;
    if (tcp)
        frame = QByteArray::fromRawData(reinterpret_cast<const char *>(query), 2) +
                QByteArray::fromHex("00000004") + char(m_unit) + char(function ^ 0x40) +
                QByteArray::fromHex("a55a");
    else
        frame = QByteArray(1, char(m_unit)) + char(function) + QByteArray::fromHex("02a55a0000");
    [[maybe_unused]] const auto written = ::write(fd, frame.constData(), size_t(frame.size()));
}

} // namespace gate::lanesim
