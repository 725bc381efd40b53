#include "lanetestsupport.h"

#include "modbuslanefactory.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

QString writeFastProfile(const QTemporaryDir &dir, const QJsonObject &overrides) {
    QJsonObject profile{
        {QStringLiteral("poll_period_ms"), 20},
        {QStringLiteral("response_timeout_ms"), 250},
        {QStringLiteral("byte_timeout_ms"), 20},
        {QStringLiteral("ack_timeout_ms"), 500},
        {QStringLiteral("reconnect_max_ms"), 300},
        {QStringLiteral("pass_timeout_ms"), 1000},
        {QStringLiteral("close_delay_ms"), 100},
        {QStringLiteral("watchdog"),
         QJsonObject{{QStringLiteral("time_ms"), 1000},
                     {QStringLiteral("action"), QStringLiteral("close_lock_entry")}}},
    };
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        profile.insert(it.key(), it.value());
    const QString path = dir.filePath(QStringLiteral("fast-lane.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QJsonDocument(profile).toJson());
    return path;
}

std::unique_ptr<gate::hal::LaneActuatorThread>
startLane(const QString &url, const QString &profilePath, bool supervise,
          std::shared_ptr<const gate::hal::ProgressMark> supervisor) {
    QString error;
    auto actuator = gate::modbuslane::createModbusLane(QStringLiteral("lane"),
                                                       {{QStringLiteral("url"), url},
                                                        {QStringLiteral("profile"), profilePath},
                                                        {QStringLiteral("supervise"), supervise}},
                                                       &error);
    if (!actuator)
        qFatal("cannot create the lane driver: %s", qPrintable(error));
    if (supervisor)
        actuator->setSupervisorProgress(std::move(supervisor), 300);
    return std::make_unique<gate::hal::LaneActuatorThread>(std::move(actuator));
}

namespace {

PeerProcess::Match laneExecuted(bool coils, int command, bool coilOn) {
    if (coils)
        return [coilOn](const QJsonObject &line) {
            return line.value("coil") == 5 && line.value("on") == coilOn;
        };
    return [command](const QJsonObject &line) {
        return line.contains("command") && line.value("code") == command;
    };
}

} // namespace

PeerProcess::Match emergencyOpenExecuted(bool coils) {
    return laneExecuted(coils, 9, true);
}

PeerProcess::Match emergencyResetExecuted(bool coils) {
    return laneExecuted(coils, 10, false);
}
