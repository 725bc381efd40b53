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
    // Whatever is still in flight belongs to the failed request.
    modbus_flush(m_context);
    if (++m_failuresInARow >= failuresBeforeReopen)
        close();
    return result;
}

template <typename Call> ModbusBus::Result ModbusBus::transact(int unit, Call &&call) {
    if (Result opened = open(); !opened)
        return opened;
    modbus_set_slave(m_context, unit);
    keepInterFrameGap();
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
        unit, [&](modbus_t *c) { return modbus_read_input_registers(c, address, count, values); });
}

ModbusBus::Result ModbusBus::readHoldingRegisters(int unit, int address, int count,
                                                  quint16 *values) {
    return transact(unit,
                    [&](modbus_t *c) { return modbus_read_registers(c, address, count, values); });
}

ModbusBus::Result ModbusBus::readDiscreteInputs(int unit, int address, int count, quint8 *bits) {
    return transact(unit,
                    [&](modbus_t *c) { return modbus_read_input_bits(c, address, count, bits); });
}

ModbusBus::Result ModbusBus::readCoils(int unit, int address, int count, quint8 *bits) {
    return transact(unit, [&](modbus_t *c) { return modbus_read_bits(c, address, count, bits); });
}

ModbusBus::Result ModbusBus::writeRegister(int unit, int address, quint16 value) {
    return transact(unit, [&](modbus_t *c) { return modbus_write_register(c, address, value); });
}

ModbusBus::Result ModbusBus::writeRegisters(int unit, int address, int count,
                                            const quint16 *values) {
    return transact(unit,
                    [&](modbus_t *c) { return modbus_write_registers(c, address, count, values); });
}

ModbusBus::Result ModbusBus::writeCoil(int unit, int address, bool on) {
    return transact(unit, [&](modbus_t *c) { return modbus_write_bit(c, address, on ? 1 : 0); });
}

} // namespace gate::hal
