#include "hal/modbus/modbustcpexchange.h"

#include <modbus/modbus.h>

#include <sys/socket.h>

#include <cerrno>

namespace gate::hal {

namespace {

constexpr int mbapLength = 7; // transaction id, protocol id, length, unit id

void appendWord(QByteArray &bytes, int word) {
    bytes.append(char((word >> 8) & 0xff));
    bytes.append(char(word & 0xff));
}

int wordAt(const quint8 *bytes, int at) {
    return (bytes[at] << 8) | bytes[at + 1];
}

} // namespace

QByteArray readRequest(quint8 function, int address, int count) {
    QByteArray pdu(1, char(function));
    appendWord(pdu, address);
    appendWord(pdu, count);
    return pdu;
}

QByteArray writeSingleRequest(quint8 function, int address, quint16 value) {
    QByteArray pdu(1, char(function));
    appendWord(pdu, address);
    appendWord(pdu, value);
    return pdu;
}

QByteArray writeRegistersRequest(int address, int count, const quint16 *values) {
    QByteArray pdu(1, char(MODBUS_FC_WRITE_MULTIPLE_REGISTERS));
    appendWord(pdu, address);
    appendWord(pdu, count);
    pdu.append(char(count * 2));
    for (int i = 0; i < count; ++i)
        appendWord(pdu, values[i]);
    return pdu;
}

std::optional<QByteArray> readReplyData(const QByteArray &pdu, int byteCount, QString *reason) {
    if (pdu.size() != 2 + byteCount || quint8(pdu.at(1)) != byteCount) {
        *reason = QStringLiteral("reply of %1 bytes to a read of %2 data bytes")
                      .arg(pdu.size())
                      .arg(byteCount);
        return std::nullopt;
    }
    return pdu.mid(2);
}

ModbusTcpExchange::Reply ModbusTcpExchange::exchange(_modbus *context, int unit,
                                                     const QByteArray &pdu) {
    const quint16 transactionId = ++m_transactionId;
    QByteArray request;
    appendWord(request, transactionId);
    appendWord(request, 0); // protocol: Modbus
    appendWord(request, int(pdu.size()) + 1);
    request.append(char(unit));
    request.append(pdu);
    const ssize_t sent = ::send(modbus_get_socket(context), request.constData(),
                                size_t(request.size()), MSG_NOSIGNAL);
    if (sent != request.size())
        return {Outcome::Failed, sent < 0 ? errno : EIO, {}, {}};

    quint8 reply[MODBUS_TCP_MAX_ADU_LENGTH];
    const int length = modbus_receive_confirmation(context, reply);
    if (length < 0)
        return {Outcome::Failed, errno, {}, {}};
    return checkTcpReply(reply, length, transactionId, unit, quint8(pdu.at(0)));
}

ModbusTcpExchange::Reply checkTcpReply(const quint8 *reply, int length, quint16 transactionId,
                                       int unit, quint8 function) {
    using Outcome = ModbusTcpExchange::Outcome;
    const auto notAnAnswer = [](const QString &reason) {
        return ModbusTcpExchange::Reply{Outcome::NotAnAnswer, 0, reason, {}};
    };
    if (length < mbapLength + 2 || length > MODBUS_TCP_MAX_ADU_LENGTH)
        return notAnAnswer(QStringLiteral("reply of %1 bytes").arg(length));
    if (wordAt(reply, 0) != transactionId)
        return notAnAnswer(QStringLiteral("reply to transaction %1, not %2")
                               .arg(wordAt(reply, 0))
                               .arg(transactionId));
    if (wordAt(reply, 2) != 0 || wordAt(reply, 4) != length - 6)
        return notAnAnswer(QStringLiteral("reply with a broken MBAP header"));
    if (reply[6] != unit)
        return notAnAnswer(QStringLiteral("reply from unit id %1 to a request to unit id %2")
                               .arg(reply[6])
                               .arg(unit));
    if (reply[7] == (function | 0x80))
        return {Outcome::Exception,
                0,
                QString::fromLocal8Bit(modbus_strerror(MODBUS_ENOBASE + reply[8])),
                {}};
    if (reply[7] != function)
        return notAnAnswer(
            QStringLiteral("reply with function %1 to function %2").arg(reply[7]).arg(function));
    return {Outcome::Ok,
            0,
            {},
            QByteArray(reinterpret_cast<const char *>(reply + mbapLength), length - mbapLength)};
}

} // namespace gate::hal
