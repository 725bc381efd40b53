#pragma once

#include "core/audit/auditstore.h"
#include "core/clock.h"
#include "core/credentials/credentialreader.h"
#include "core/decision/decisionengine.h"
#include "core/lane/lanecontroller.h"
#include "core/passage/auditpassagehistory.h"
#include "core/passage/passagereport.h"
#include "hal/rawread.h"

#include <QHash>
#include <QObject>

namespace gate {

// One passage from raw read to recorded passage (docs/architecture.md):
// credential, decision, audit record with the ticket marked used, barrier
// command, passage or timeout recorded. Lives on the deciding thread with
// every part it drives.
class PassageCoordinator : public QObject {
    Q_OBJECT
public:
    struct Parts {
        LaneContext lane;
        const Clock &clock;
        CredentialReader &credentials;
        const DecisionEngine &engine;
        AuditStore &audit;
        LaneController &laneController;
    };

    explicit PassageCoordinator(Parts parts, QObject *parent = nullptr);

public slots:
    void present(const gate::hal::RawRead &read);
    // Every service-mode action, with the staff member who took it.
    void recordServiceAction(const QString &action, const QString &staffId);

signals:
    void decided(const gate::PassageReport &report);
    // The lane acknowledged the open command: the end of the latency budget.
    void barrierOpened(qint64 passageId, qint64 presentedToOpenNs);
    void passageRecorded(qint64 passageId, const QString &outcome);
    // The audit store refused a write: the gate stops admitting.
    void auditFailed(const QString &error);

private:
    struct Pending {
        QString tid;
        qint64 availableNs = 0;
    };

    QString blockingReason() const;
    void authoriseNextWaiting();
    std::optional<qint64> record(AuditEventType type, QJsonObject fields,
                                 const std::optional<TicketUse> &use = std::nullopt);
    void onOpened(quint64 passageId, qint64 ackNs);
    void onPassed(quint64 passageId);
    void onNotTaken(quint64 passageId, const QString &outcome);
    void onAlarm(const QString &code);

    Parts m_parts;
    AuditPassageHistory m_history;
    QHash<quint64, Pending> m_pending;
    // Admitted while the lane still served the passenger before: authorised
    // in order as soon as it is idle again.
    QList<quint64> m_waiting;
};

} // namespace gate
