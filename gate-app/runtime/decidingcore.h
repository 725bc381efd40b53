#pragma once

#include "corestatus.h"

#include "core/audit/auditstore.h"
#include "core/clock.h"
#include "core/config/gateconfig.h"
#include "core/credentials/credentialreader.h"
#include "core/decision/decisionengine.h"
#include "core/lane/lanecontroller.h"
#include "core/passage/passagecoordinator.h"
#include "core/tickets/ticketstorereader.h"
#include "hal/laneactuator.h"

#include <QObject>

#include <memory>

namespace gate {

// Everything a decision touches, on the deciding thread: the ticket store's
// read connection, the audit store, the credential reader, the decision
// engine, the lane state machine and the passage coordinator. The rest of the
// application talks to it only through queued signals and slots.
class DecidingCore : public QObject {
    Q_OBJECT
public:
    // `chipReader`: a passport chip reader is among the devices, so passports
    // wait for their chip (passport.chip_wait_ms).
    DecidingCore(const GateConfig &config, const Clock &clock, hal::LaneActuator &actuator,
                 AuditStore::Options auditOptions, bool chipReader);
    ~DecidingCore() override;

    // Opens the stores (creating empty ones on a new gate). Call before the
    // core is moved to its thread; false with the reasons in `errors`.
    bool open(QStringList *errors);

    PassageCoordinator *coordinator() const { return m_coordinator; }
    LaneController *lane() const { return m_lane; }

public slots:
    // A new list was applied, or the applied one refreshed: pick up its
    // trust list and state.
    void reloadList();
    // Writes an alarm record (`code` plus `fields`) into the audit trail.
    void recordAlarm(const QString &code, const QJsonObject &fields);
    // Publishes the list's and the outbox's state for the screens and the status socket.
    void publishStatus();

signals:
    // For the service mode and `gatectl status`, about once a second.
    void listStatus(const gate::ListStatus &status);
    void auditStatus(const gate::OutboxStatus &status);
    void laneStatus(const gate::LaneSnapshot &lane);

private:
    const GateConfig m_config;
    const Clock &m_clock;
    hal::LaneActuator &m_actuator;
    AuditStore::Options m_auditOptions;
    bool m_chipReader;
    std::unique_ptr<tickets::TicketStoreReader> m_store;
    AuditStore m_audit;
    CredentialReader m_credentials;
    std::unique_ptr<DecisionEngine> m_engine;
    LaneController *m_lane = nullptr;            // child: moves to the thread with the core
    PassageCoordinator *m_coordinator = nullptr; // child
};

} // namespace gate
