#include "gatestatusboard.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gate {

GateStatusBoard::GateStatusBoard(const GateConfig &config)
    : m_config(config) {}

QString GateStatusBoard::setLastSync(const sync::SyncResult &result, qint64 atSecs) {
    const QString previous = m_lastSync ? m_lastSync->outcome : QString();
    m_lastSync =
        LastSync{sync::toString(result.outcome), atSecs, result.detail, result.isRefusal()};
    return previous;
}

QVariantList GateStatusBoard::setDeviceHealth(const hal::DeviceHealth &health) {
    m_deviceHealth.insert(health.device,
                          {{QStringLiteral("device"), health.device},
                           {QStringLiteral("state"), hal::toString(health.state)},
                           {QStringLiteral("detail"), health.detail},
                           {QStringLiteral("since"), health.since.toSecsSinceEpoch()}});
    QVariantList devices;
    for (const QJsonObject &device : std::as_const(m_deviceHealth))
        devices.append(device.toVariantMap());
    return devices;
}

QStringList GateStatusBoard::alarms() const {
    QStringList alarms;
    if (m_staffCall)
        alarms.append(QStringLiteral("staff_call"));
    if (!m_lane.lastAlarm.isEmpty() && !alarms.contains(m_lane.lastAlarm))
        alarms.append(m_lane.lastAlarm);
    if (m_outbox.full)
        alarms.append(QStringLiteral("outbox_full"));
    if (!m_auditError.isEmpty())
        alarms.append(QStringLiteral("audit_failed: ") + m_auditError);
    if (m_lastSync && m_lastSync->refused)
        alarms.append(QStringLiteral("ticket_list_refused: ") + m_lastSync->outcome);
    if (m_listAge == ListAge::PastGrace || m_listAge == ListAge::PastHardLimit)
        alarms.append(QStringLiteral("ticket_list_") + toString(m_listAge));
    return alarms;
}

QJsonObject GateStatusBoard::toJson() const {
    QJsonArray devices;
    for (const QJsonObject &health : m_deviceHealth)
        devices.append(health);
    QJsonObject list = m_list.toJson();
    if (m_lastSync)
        list.insert(QStringLiteral("last_sync"),
                    QJsonObject{{QStringLiteral("outcome"), m_lastSync->outcome},
                                {QStringLiteral("at"), m_lastSync->atSecs},
                                {QStringLiteral("detail"), m_lastSync->detail},
                                {QStringLiteral("refused"), m_lastSync->refused}});
    QJsonObject outbox = m_outbox.toJson();
    if (!m_auditError.isEmpty())
        outbox.insert(QStringLiteral("last_error"), m_auditError);
    return {{QStringLiteral("gate"), m_config.gateId},
            {QStringLiteral("station"), m_config.station},
            {QStringLiteral("gate_group"), m_config.gateGroup},
            {QStringLiteral("direction"), toString(m_config.direction)},
            {QStringLiteral("version"), QCoreApplication::applicationVersion()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("devices"), devices},
            {QStringLiteral("lane"), laneStatusJson(m_lane)},
            {QStringLiteral("list"), list},
            {QStringLiteral("outbox"), outbox}};
}

} // namespace gate
