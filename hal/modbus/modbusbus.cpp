#include "hal/modbus/modbusbus.h"

#include <modbus/modbus.h>

#include <QThread>

#include <algorithm>
#include <cerrno>

namespace gate::hal {

namespace {

constexpr int failuresBeforeReopen = 3;

void setTimeout(modbus_t *context, int ms, int (*setter)(modbus_t *, uint32_t, uint32_t)) {
    setter(context, uint32_t(ms / 1000), uint32_t((ms % 1000) * 1000));
}

// What a TCP answer carries, checked against the request.
auto takeRegisters(int count, quint16 *values) {
    return [count, values](const QByteArray &pdu, QString *reason) {
        const auto data = readReplyData(pdu, count * 2, reason);
        if (!data)
            return false;
        for (int i = 0; i < count; ++i)
            values[i] = quint16(quint8(data->at(2 * i)) << 8 | quint8(data->at(2 * i + 1)));
        return true;
    };
}

auto takeBits(int count, quint8 *bits) {
    return [count, bits](const QByteArray &pdu, QString *reason) {
        const auto data = readReplyData(pdu, (count + 7) / 8, reason);
        if (!data)
            return false;
        for (int i = 0; i < count; ++i)
            bits[i] = (quint8(data->at(i / 8)) >> (i % 8)) & 1u;
        return true;
    };
}

// A write is answered by the echo of its function, address and value or count.
auto takeEcho(const QByteArray &request) {
    return [echo = request.left(5)](const QByteArray &pdu, QString *reason) {
        if (pdu == echo)
            return true;
        *reason = QStringLiteral("reply that does not echo the write");
        return false;
    };
}

} // namespace

QString toString(ModbusBus::Outcome outcome) {
    switch (outcome) {
    case ModbusBus::Outcome::Ok:
        return QStringLiteral("ok");
    case ModbusBus::Outcome::Exception:
        return QStringLiteral("exception");
    case ModbusBus::Outcome::Timeout:
        return QStringLiteral("timeout");
    case ModbusBus::Outcome::BadReply:
        return QStringLiteral("bad_reply");
    case ModbusBus::Outcome::Disconnected:
        return QStringLiteral("disconnected");
    }
    return QStringLiteral("unknown");
}

ModbusBus::ModbusBus(const ModbusEndpoint &endpoint, const Timing &timing)
    : m_endpoint(endpoint)
    , m_timing(timing) {}

ModbusBus::~ModbusBus() {
    close();
}

ModbusBus::Result ModbusBus::open() {
    if (m_owner == std::thread::id())
        m_owner = std::this_thread::get_id();
    if (m_owner != std::this_thread::get_id())
        return {Outcome::Disconnected,
                QStringLiteral("bus %1 used from a second thread").arg(m_endpoint.toString())};
    if (m_context)
        return {};
    if (m_backoffMs > 0 && m_sinceOpenFailed.isValid() && m_sinceOpenFailed.elapsed() < m_backoffMs)
        return {Outcome::Disconnected, QStringLiteral("waiting %1 ms before reconnecting")
                                           .arg(m_backoffMs - m_sinceOpenFailed.elapsed())};

    modbus_t *context = nullptr;
    if (m_endpoint.transport == ModbusEndpoint::Transport::Tcp) {
        const QByteArray host = m_endpoint.host.toLatin1();
        context = modbus_new_tcp(host.constData(), m_endpoint.port);
    } else {
        const QByteArray device = m_endpoint.device.toLocal8Bit();
        context = modbus_new_rtu(device.constData(), m_endpoint.baud, m_endpoint.parity,
                                 m_endpoint.dataBits, m_endpoint.stopBits);
    }
    if (!context)
        return {Outcome::Disconnected,
                QStringLiteral("cannot create a Modbus context for %1: %2")
                    .arg(m_endpoint.toString(), QString::fromLocal8Bit(modbus_strerror(errno)))};
    setTimeout(context, m_timing.responseTimeoutMs, modbus_set_response_timeout);
    setTimeout(context, m_timing.byteTimeoutMs, modbus_set_byte_timeout);
    if (modbus_connect(context) != 0) {
        const QString reason = QString::fromLocal8Bit(modbus_strerror(errno));
        modbus_free(context);
        m_backoffMs = m_backoffMs == 0 ? m_timing.reconnectMinMs
                                       : std::min(m_backoffMs * 2, m_timing.reconnectMaxMs);
        m_sinceOpenFailed.start();
        return {Outcome::Disconnected,
                QStringLiteral("cannot connect to %1: %2").arg(m_endpoint.toString(), reason)};
    }
    m_context = context;
    m_tcp.reset();
    m_backoffMs = 0;
    m_failuresInARow = 0;
    m_sinceLastFrame.start();
    return {};
}

void ModbusBus::close() {
    if (!m_context)
        return;
    modbus_close(m_context);
    modbus_free(m_context);
    m_context = nullptr;
    // Reopen after the shortest backoff: the peer may need a moment to
    // notice the old connection is gone.
    m_backoffMs = m_timing.reconnectMinMs;
    m_sinceOpenFailed.start();
}

void ModbusBus::keepInterFrameGap() {
    if (m_endpoint.transport != ModbusEndpoint::Transport::Rtu || !m_sinceLastFrame.isValid())
        return;
    const qint64 waitUs = m_endpoint.interFrameGapUs() - m_sinceLastFrame.nsecsElapsed() / 1000;
    if (waitUs > 0)
        QThread::usleep(quint64(waitUs));
}

ModbusBus::Result ModbusBus::classifyFailure(int error) {
    const QString reason = QString::fromLocal8Bit(modbus_strerror(error));
    Result result;
    if (error > MODBUS_ENOBASE && error <= EMBXGTAR) {
        m_failuresInARow = 0; // the device is there and talking
        return {Outcome::Exception, reason};
    }
    if (error == ETIMEDOUT)
        result = {Outcome::Timeout, reason};
    else if (error == EMBBADCRC || error == EMBBADDATA || error == EMBBADEXC ||
             error == EMBUNKEXC || error == EMBMDATA || error == EMBBADSLAVE)
        result = {Outcome::BadReply, reason};
    else {
        close();
        return {Outcome::Disconnected, reason};
    }
    return countFailure(result);
}

ModbusBus::Result ModbusBus::countFailure(Result result) {
    // Whatever is still in flight belongs to the failed request.
    modbus_flush(m_context);
    if (++m_failuresInARow >= failuresBeforeReopen)
        close();
    return result;
}

template <typename Call, typename Take>
ModbusBus::Result ModbusBus::transact(int unit, const QByteArray &request, Call &&call,
                                      Take &&take) {
    if (Result opened = open(); !opened)
        return opened;
    keepInterFrameGap();
    if (m_endpoint.transport == ModbusEndpoint::Transport::Tcp) {
        const ModbusTcpExchange::Reply reply = m_tcp.exchange(m_context, unit, request);
        m_sinceLastFrame.start();
        QString reason = reply.reason;
        switch (reply.outcome) {
        case ModbusTcpExchange::Outcome::Ok:
            if (!take(reply.pdu, &reason))
                break;
            m_failuresInARow = 0;
            return {};
        case ModbusTcpExchange::Outcome::Exception:
            m_failuresInARow = 0; // the device is there and talking
            return {Outcome::Exception, reason};
        case ModbusTcpExchange::Outcome::Failed:
            return classifyFailure(reply.error);
        case ModbusTcpExchange::Outcome::NotAnAnswer:
            break;
        }
        return countFailure({Outcome::BadReply, reason});
    }
    modbus_set_slave(m_context, unit);
    const int rc = call(m_context);
    const int error = errno;
    m_sinceLastFrame.start();
    if (rc >= 0) {
        m_failuresInARow = 0;
        return {};
    }
    return classifyFailure(error);
}

ModbusBus::Result ModbusBus::readInputRegisters(int unit, int address, int count, quint16 *values) {
    return transact(
        unit, readRequest(MODBUS_FC_READ_INPUT_REGISTERS, address, count),
        [&](modbus_t *c) { return modbus_read_input_registers(c, address, count, values); },
        takeRegisters(count, values));
}

ModbusBus::Result ModbusBus::readHoldingRegisters(int unit, int address, int count,
                                                  quint16 *values) {
    return transact(
        unit, readRequest(MODBUS_FC_READ_HOLDING_REGISTERS, address, count),
        [&](modbus_t *c) { return modbus_read_registers(c, address, count, values); },
        takeRegisters(count, values));
}

ModbusBus::Result ModbusBus::readDiscreteInputs(int unit, int address, int count, quint8 *bits) {
    return transact(
        unit, readRequest(MODBUS_FC_READ_DISCRETE_INPUTS, address, count),
        [&](modbus_t *c) { return modbus_read_input_bits(c, address, count, bits); },
        takeBits(count, bits));
}

ModbusBus::Result ModbusBus::readCoils(int unit, int address, int count, quint8 *bits) {
    return transact(
        unit, readRequest(MODBUS_FC_READ_COILS, address, count),
        [&](modbus_t *c) { return modbus_read_bits(c, address, count, bits); },
        takeBits(count, bits));
}

ModbusBus::Result ModbusBus::writeRegister(int unit, int address, quint16 value) {
    const QByteArray request = writeSingleRequest(MODBUS_FC_WRITE_SINGLE_REGISTER, address, value);
    return transact(
        unit, request, [&](modbus_t *c) { return modbus_write_register(c, address, value); },
        takeEcho(request));
}

ModbusBus::Result ModbusBus::writeRegisters(int unit, int address, int count,
                                            const quint16 *values) {
    const QByteArray request = writeRegistersRequest(address, count, values);
    return transact(
        unit, request,
        [&](modbus_t *c) { return modbus_write_registers(c, address, count, values); },
        takeEcho(request));
}

ModbusBus::Result ModbusBus::writeCoil(int unit, int address, bool on) {
    const QByteArray request =
        writeSingleRequest(MODBUS_FC_WRITE_SINGLE_COIL, address, on ? 0xff00 : 0x0000);
    return transact(
        unit, request, [&](modbus_t *c) { return modbus_write_bit(c, address, on ? 1 : 0); },
        takeEcho(request));
}

} // namespace gate::hal
