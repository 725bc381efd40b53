#include "hal/modbus/modbusendpoint.h"

#include <QRegularExpression>

namespace gate::hal {

namespace {

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

bool parseTcp(const QString &rest, ModbusEndpoint &endpoint, QString *error) {
    const int colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(error, QStringLiteral("tcp endpoint needs HOST:PORT, got \"%1\"").arg(rest));
    bool ok = false;
    const uint port = rest.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return fail(
            error,
            QStringLiteral("tcp port must be 1..65535, got \"%1\"").arg(rest.mid(colon + 1)));
    endpoint.transport = ModbusEndpoint::Transport::Tcp;
    endpoint.host = rest.left(colon);
    endpoint.port = quint16(port);
    return true;
}

bool parseRtu(const QString &rest, ModbusEndpoint &endpoint, QString *error) {
    const QStringList parts = rest.split(QLatin1Char(','));
    if (parts.size() > 3 || parts.first().isEmpty())
        return fail(error,
                    QStringLiteral("rtu endpoint is DEVICE[,BAUD[,8N1]], got \"%1\"").arg(rest));
    endpoint.transport = ModbusEndpoint::Transport::Rtu;
    endpoint.device = parts.first();
    if (parts.size() >= 2) {
        static const QList<int> rates{1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400};
        bool ok = false;
        endpoint.baud = parts.at(1).toInt(&ok);
        if (!ok || !rates.contains(endpoint.baud))
            return fail(
                error,
                QStringLiteral("rtu baud rate \"%1\" is not a standard rate").arg(parts.at(1)));
    }
    if (parts.size() == 3) {
        static const QRegularExpression format(QStringLiteral("^([78])([NEO])([12])$"));
        const auto match = format.match(parts.at(2).toUpper());
        if (!match.hasMatch())
            return fail(
                error,
                QStringLiteral("rtu character format \"%1\" is not like 8N1").arg(parts.at(2)));
        endpoint.dataBits = match.captured(1).toInt();
        endpoint.parity = match.captured(2).at(0).toLatin1();
        endpoint.stopBits = match.captured(3).toInt();
    }
    return true;
}

} // namespace

std::optional<ModbusEndpoint> ModbusEndpoint::parse(const QString &url, QString *error) {
    ModbusEndpoint endpoint;
    const QString tcpScheme = QStringLiteral("tcp://");
    const QString rtuScheme = QStringLiteral("rtu:");
    bool ok = false;
    if (url.startsWith(tcpScheme))
        ok = parseTcp(url.mid(tcpScheme.size()), endpoint, error);
    else if (url.startsWith(rtuScheme))
        ok = parseRtu(url.mid(rtuScheme.size()), endpoint, error);
    else
        ok = fail(error, QStringLiteral("Modbus endpoint \"%1\" is neither tcp://HOST:PORT nor "
                                        "rtu:DEVICE[,BAUD[,8N1]]")
                             .arg(url));
    if (!ok)
        return std::nullopt;
    return endpoint;
}

QString ModbusEndpoint::toString() const {
    if (transport == Transport::Tcp)
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    return QStringLiteral("rtu:%1,%2,%3%4%5")
        .arg(device)
        .arg(baud)
        .arg(dataBits)
        .arg(QLatin1Char(parity))
        .arg(stopBits);
}

qint64 ModbusEndpoint::interFrameGapUs() const {
    if (baud > 19200)
        return 1750;
    const int bitsPerCharacter = 1 + dataBits + (parity == 'N' ? 0 : 1) + stopBits;
    return qint64(3.5 * bitsPerCharacter * 1'000'000 / baud) + 1;
}

} // namespace gate::hal
