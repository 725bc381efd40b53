#include "hal/serial/serialchannel.h"

#include "hal/monotonicclock.h"

namespace gate::hal {

SerialChannel::SerialChannel(QString deviceName, SerialSettings settings, QObject *parent)
    : QObject(parent)
    , m_deviceName(std::move(deviceName))
    , m_settings(std::move(settings))
    , m_port(this)
    , m_reopenTimer(this) {
    m_health.device = m_deviceName;
    m_health.since = QDateTime::currentDateTimeUtc();
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, &SerialChannel::tryOpen);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialChannel::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialChannel::onError);
}

SerialChannel::~SerialChannel() {
    close();
}

void SerialChannel::open() {
    m_wanted = true;
    m_reopenDelayMs = m_settings.minReopenMs;
    tryOpen();
}

void SerialChannel::close() {
    m_wanted = false;
    m_reopenTimer.stop();
    if (m_port.isOpen())
        m_port.close();
}

bool SerialChannel::isOpen() const {
    return m_port.isOpen();
}

bool SerialChannel::write(QByteArrayView bytes) {
    if (!m_port.isOpen())
        return false;
    return m_port.write(bytes.data(), bytes.size()) == bytes.size();
}

void SerialChannel::flushInput() {
    if (!m_port.isOpen())
        return;
    m_port.clear(QSerialPort::Input);
    m_port.readAll();
}

void SerialChannel::tryOpen() {
    if (!m_wanted || m_port.isOpen())
        return;
    m_port.setPortName(m_settings.port);
    m_port.setBaudRate(m_settings.baud);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadWrite)) {
        setHealth(DeviceHealth::State::Offline,
                  QStringLiteral("cannot open %1: %2").arg(m_settings.port, m_port.errorString()));
        m_port.clearError();
        scheduleReopen();
        return;
    }
    m_reopenDelayMs = m_settings.minReopenMs;
    m_port.clear(QSerialPort::AllDirections);
    setHealth(DeviceHealth::State::Starting, QStringLiteral("port open"));
    emit opened();
}

void SerialChannel::onReadyRead() {
    const QByteArray chunk = m_port.readAll();
    if (!chunk.isEmpty())
        emit received(chunk, monotonicNowNs());
}

void SerialChannel::onError(QSerialPort::SerialPortError error) {
    // Open failures are handled where open() is called; a timeout is not an
    // error of the port.
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError || !m_port.isOpen())
        return;
    const QString reason = m_port.errorString();
    m_port.clearError();
    // Anything else on an open port (the device removed, an I/O error) leaves
    // it unusable: start over from a fresh open.
    m_port.close();
    setHealth(DeviceHealth::State::Offline,
              QStringLiteral("port %1 lost: %2").arg(m_settings.port, reason));
    emit lost(reason);
    scheduleReopen();
}

void SerialChannel::scheduleReopen() {
    if (!m_wanted)
        return;
    m_reopenTimer.start(m_reopenDelayMs);
    m_reopenDelayMs = std::min(m_reopenDelayMs * 2, m_settings.maxReopenMs);
}

void SerialChannel::setHealth(DeviceHealth::State state, const QString &detail) {
    if (m_health.update(state, detail))
        emit healthChanged(m_health);
}

} // namespace gate::hal
