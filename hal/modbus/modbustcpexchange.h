#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct _modbus;

namespace gate::hal {

// One request and its reply on a Modbus TCP connection, framed here rather
// than by libmodbus, which (3.1.6) checks a reply's transaction and protocol
// ids but not its unit id. Behind a TCP-to-RTU gateway a reply from another
// unit is another lane's state, so every field of the MBAP header is checked:
// transaction id, protocol id, length and unit id, then the function code and
// the reply's shape. libmodbus still reads the reply off the socket, with its
// response and byte timeouts.
class ModbusTcpExchange {
public:
    enum class Outcome { Ok, Exception, Failed, NotAnAnswer };
    struct Reply {
        Outcome outcome = Outcome::Ok;
        int error = 0;  // errno of a failed send or receive
        QString reason; // why a reply is not an answer, or the exception
        QByteArray pdu; // function code and data of an answer
    };

    // `pdu` is the request's function code and data.
    Reply exchange(_modbus *context, int unit, const QByteArray &pdu);
    // A new connection: transaction ids start again.
    void reset() { m_transactionId = 0; }

private:
    quint16 m_transactionId = 0;
};

// Checks the ADU read off the socket (`length` bytes, MBAP header first)
// against the request: its transaction id, Modbus protocol id, a length field
// that matches, the unit id and the function (or its exception). Any bytes
// give a Reply; `pdu` is filled only for an answer.
ModbusTcpExchange::Reply checkTcpReply(const quint8 *adu, int length, quint16 transactionId,
                                       int unit, quint8 function);

// Requests of the functions the gate uses, as PDUs.
QByteArray readRequest(quint8 function, int address, int count);
QByteArray writeSingleRequest(quint8 function, int address, quint16 value);
QByteArray writeRegistersRequest(int address, int count, const quint16 *values);

// The data of an answer to a read of `count` registers or bits, checked
// against the byte count it must have; nullopt with a reason otherwise.
std::optional<QByteArray> readReplyData(const QByteArray &pdu, int byteCount, QString *reason);

} // namespace gate::hal
