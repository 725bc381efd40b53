#include "core/config/commissioning.h"

#include <QFileInfo>
#include <QStringList>

namespace gate {

QList<CommissioningGap> commissioningGaps(const GateConfig &config) {
    QList<CommissioningGap> gaps;
    if (config.tickets.rootKey.isEmpty())
        gaps.append({QStringLiteral("root_key"), QStringLiteral("tickets.root_key"),
                     QStringLiteral("the base64 of the station's Ed25519 root public key")});
    if (config.tickets.deviceKey.isEmpty() || !QFileInfo::exists(config.tickets.deviceKey))
        gaps.append(
            {QStringLiteral("device_key"), QStringLiteral("tickets.device_key"),
             config.tickets.deviceKey.isEmpty()
                 ? QStringLiteral("the gate's device key file, made with gatectl device-key init")
                 : QStringLiteral("make %1 as the gate's user with: gatectl device-key init "
                                  "--out %1, and enrol its public half at the station")
                       .arg(config.tickets.deviceKey)});
    for (qsizetype i = 0; i < config.devices.size(); ++i) {
        const DeviceConfig &device = config.devices.at(i);
        const QJsonValue url = device.settings.value(QStringLiteral("url"));
        if (device.role == DeviceRole::Lane && url.isString() && url.toString().isEmpty())
            gaps.append({QStringLiteral("lane_address"),
                         QStringLiteral("devices[%1].settings.url").arg(i),
                         QStringLiteral("the lane controller's address, tcp://HOST:PORT or "
                                        "rtu:/dev/ttyX[,BAUD]"),
                         i});
    }
    return gaps;
}

QString describeGaps(const QList<CommissioningGap> &gaps) {
    QStringList items;
    for (const CommissioningGap &gap : gaps)
        items.append(QStringLiteral("%1 (%2)").arg(QString(gap.item).replace(u'_', u' '), gap.key));
    return items.join(QStringLiteral(", "));
}

} // namespace gate
