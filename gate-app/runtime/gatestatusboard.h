#pragma once

#include "core/config/gateconfig.h"
#include "corestatus.h"
#include "hal/devicehealth.h"
#include "sync/ticketlist/syncoutcome.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace gate {

// What the gate knows about itself, as every thread last reported it: the
// list, the outbox, the lane, the devices, the last sync. `gatectl status`
// and the service panel's alarms are built from it and from nothing else,
// so that both say the same.
class GateStatusBoard {
public:
    explicit GateStatusBoard(const GateConfig &config);

    void setList(const ListStatus &list) { m_list = list; }
    // Returns the previous sync's outcome, "" before the first.
    QString setLastSync(const sync::SyncResult &result, qint64 atSecs);
    void setListAge(ListAge age) { m_listAge = age; }
    void setOutbox(const OutboxStatus &outbox) { m_outbox = outbox; }
    void setLane(const LaneSnapshot &lane) { m_lane = lane; }
    void setStaffCall(bool active) { m_staffCall = active; }
    void setAuditError(const QString &error) { m_auditError = error; }
    // Returns every device's health, for the service panel.
    QVariantList setDeviceHealth(const hal::DeviceHealth &health);

    const ListStatus &list() const { return m_list; }
    const OutboxStatus &outbox() const { return m_outbox; }

    // The service panel's alarms: a staff call, the lane's last alarm, a full
    // outbox, an audit failure, a refused list, a list past a limit.
    QStringList alarms() const;
    // `gatectl status` without what other parts add (screen, service lock,
    // log shipping, commissioning).
    QJsonObject toJson() const;

private:
    struct LastSync {
        QString outcome;
        qint64 atSecs = 0;
        QString detail;
        bool refused = false;
    };

    const GateConfig &m_config;
    ListStatus m_list;
    std::optional<LastSync> m_lastSync;
    ListAge m_listAge = ListAge::NoList;
    OutboxStatus m_outbox;
    LaneSnapshot m_lane;
    bool m_staffCall = false;
    QString m_auditError; // the last write the audit store refused
    QHash<QString, QJsonObject> m_deviceHealth;
};

} // namespace gate
