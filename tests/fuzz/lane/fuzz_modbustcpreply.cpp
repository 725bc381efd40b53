// Replies read off a Modbus TCP connection must never crash the gate nor be
// taken for an answer they are not: any bytes give an answer, an exception
// or a reason.
#include "hal/modbus/modbustcpexchange.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using gate::hal::ModbusTcpExchange;
    if (size < 2)
        return 0;
    // The first two bytes choose the request the reply is checked against.
    const quint8 function = data[0] % 24;
    const int unit = data[1] % 248;
    const auto reply = gate::hal::checkTcpReply(data + 2, int(size - 2), 1, unit, function);
    if (reply.outcome == ModbusTcpExchange::Outcome::Ok) {
        if (reply.pdu.isEmpty() || quint8(reply.pdu.at(0)) != function)
            __builtin_trap();
        QString reason;
        gate::hal::readReplyData(reply.pdu, int(reply.pdu.size()) - 2, &reason);
    }
    return 0;
}
