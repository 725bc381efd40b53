#pragma once

#include <QString>

#include <optional>

namespace gate::hal {

// Where a Modbus bus is: "tcp://HOST:PORT" or "rtu:/dev/ttyX[,BAUD[,8N1]]".
struct ModbusEndpoint {
    enum class Transport { Tcp, Rtu };
    Transport transport = Transport::Tcp;
    QString host;     // TCP
    quint16 port = 0; // TCP
    QString device;   // RTU
    int baud = 115200;
    int dataBits = 8;
    char parity = 'N';
    int stopBits = 1;

    // nullopt with a message naming what is wrong when the text is not an endpoint.
    static std::optional<ModbusEndpoint> parse(const QString &url, QString *error);
    QString toString() const;
    // The silent interval that separates two RTU frames: 3.5 characters, and a
    // fixed 1750 us above 19200 baud (Modbus over serial line, 2.5.1.1).
    qint64 interFrameGapUs() const;
};

} // namespace gate::hal
