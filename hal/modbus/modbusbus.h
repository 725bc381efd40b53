#pragma once

#include "hal/modbus/modbusendpoint.h"
#include "hal/modbus/modbustcpexchange.h"

#include <QElapsedTimer>
#include <QString>

#include <thread>

struct _modbus;

namespace gate::hal {

// A Modbus master on one bus (a TCP connection or a serial line). Exactly one
// thread uses a bus: libmodbus contexts are not thread-safe, so the bus
// remembers the thread that first used it and refuses calls from any other.
//
// The bus recovers by itself: a reply that timed out or arrived garbled is
// flushed away; a broken connection, or three failures in a row (a TCP peer
// that vanished without closing), closes the context, and the next call
// reopens it after a backoff that doubles up to `reconnectMaxMs`. libmodbus
// 3.1.6 never reconnects a TCP client on its own. On RTU the bus keeps the
// 3.5-character silence between frames that the libmodbus client does not.
// On TCP the bus frames requests itself (ModbusTcpExchange) so that a reply
// from another unit id is refused as not an answer: libmodbus 3.1.6 checks
// the unit id of an RTU reply, not of a TCP one.
class ModbusBus {
public:
    struct Timing {
        int responseTimeoutMs = 100;
        int byteTimeoutMs = 20;
        int reconnectMinMs = 100;
        int reconnectMaxMs = 5000;
    };

    enum class Outcome {
        Ok,
        Exception, // the device answered with a Modbus exception
        Timeout,   // no (complete) answer in time
        BadReply,  // an answer that was not a valid reply to the request (another unit's included)
        Disconnected, // the bus is closed or waiting to reopen
    };

    struct Result {
        Outcome outcome = Outcome::Ok;
        QString error;
        explicit operator bool() const { return outcome == Outcome::Ok; }
    };

    ModbusBus(const ModbusEndpoint &endpoint, const Timing &timing);
    ~ModbusBus();
    ModbusBus(const ModbusBus &) = delete;
    ModbusBus &operator=(const ModbusBus &) = delete;

    const ModbusEndpoint &endpoint() const { return m_endpoint; }
    bool isOpen() const { return m_context != nullptr; }
    // Opens the bus unless it is open already; while a backoff runs it fails
    // without trying.
    Result open();
    void close();

    Result readInputRegisters(int unit, int address, int count, quint16 *values);
    Result readHoldingRegisters(int unit, int address, int count, quint16 *values);
    Result readDiscreteInputs(int unit, int address, int count, quint8 *bits);
    Result readCoils(int unit, int address, int count, quint8 *bits);
    Result writeRegister(int unit, int address, quint16 value);
    Result writeRegisters(int unit, int address, int count, const quint16 *values);
    Result writeCoil(int unit, int address, bool on);

private:
    // `request`: the PDU as sent on TCP; `call`: the libmodbus call that does
    // the same on RTU; `take`: takes the data of a TCP answer's PDU, false
    // with a reason when it is not an answer to the request.
    template <typename Call, typename Take>
    Result transact(int unit, const QByteArray &request, Call &&call, Take &&take);
    Result classifyFailure(int error);
    Result countFailure(Result result);
    void keepInterFrameGap();

    ModbusEndpoint m_endpoint;
    Timing m_timing;
    _modbus *m_context = nullptr;
    ModbusTcpExchange m_tcp;
    std::thread::id m_owner;
    QElapsedTimer m_sinceLastFrame;
    QElapsedTimer m_sinceOpenFailed;
    int m_backoffMs = 0;
    int m_failuresInARow = 0;
};

QString toString(ModbusBus::Outcome outcome);

} // namespace gate::hal
