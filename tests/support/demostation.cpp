#include "demostation.h"

#include "gatetools.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace gate::test {

bool DemoStation::commission(const QString &folder, QString *error) {
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return false;
    }
    m_deviceKey = dir.absoluteFilePath(QStringLiteral("device.key"));
    const QJsonObject device = runGateTool(QStringLiteral("gatectl"),
                                           {QStringLiteral("device-key"), QStringLiteral("init"),
                                            QStringLiteral("--out"), m_deviceKey});
    QFile enrolment(dir.absoluteFilePath(QStringLiteral("enrolled-gates.ndjson")));
    if (device.isEmpty() || !enrolment.open(QIODevice::WriteOnly) ||
        enrolment.write(QJsonDocument(device).toJson(QJsonDocument::Compact)) < 0) {
        *error = QStringLiteral("gatectl device-key init failed");
        return false;
    }
    enrolment.close();
    m_issued = runGateTool(QStringLiteral("gate-issuer"),
                           {QStringLiteral("demo-station"), QStringLiteral("--out"),
                            dir.absoluteFilePath(QStringLiteral("station")),
                            QStringLiteral("--enrol"), enrolment.fileName()});
    if (listUrl().isEmpty() || rootKey().isEmpty()) {
        *error = QStringLiteral("gate-issuer demo-station printed no list");
        return false;
    }
    return true;
}

QString DemoStation::listUrl() const {
    return m_issued.value(QStringLiteral("list_url")).toString();
}

QString DemoStation::rootKey() const {
    return m_issued.value(QStringLiteral("root_key")).toString();
}

QJsonObject DemoStation::ticketsConfig() const {
    return {{QStringLiteral("source"), listUrl()},
            {QStringLiteral("root_key"), rootKey()},
            {QStringLiteral("device_key"), m_deviceKey}};
}

bool DemoStation::syncInto(const QString &database, QString *error) const {
    const QJsonObject synced = runGateTool(
        QStringLiteral("gatectl"), {QStringLiteral("tickets"), QStringLiteral("sync"), listUrl(),
                                    QStringLiteral("--db"), database, QStringLiteral("--root-key"),
                                    rootKey(), QStringLiteral("--device-key"), m_deviceKey});
    if (synced.value(QStringLiteral("outcome")).toString() != QLatin1String("applied")) {
        *error = QStringLiteral("gatectl tickets sync did not apply the demo list");
        return false;
    }
    return true;
}

} // namespace gate::test
