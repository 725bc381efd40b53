#pragma once

#include "core/audit/auditstore.h"
#include "core/clock.h"
#include "core/credentials/credentialreader.h"
#include "core/decision/decisionengine.h"
#include "core/lane/lanecontroller.h"
#include "core/lane/laneservicecommand.h"
#include "core/passage/auditpassagehistory.h"
#include "core/passage/holderdocumentpairing.h"
#include "core/passage/passagereport.h"
#include "hal/chipreading.h"
#include "hal/rawread.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

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
        // How long a bound code waits for its holder's document, and a
        // document for its bound code (spec/eticket-qr.md).
        std::chrono::milliseconds bindingWindow{20'000};
        // How long a camera-read passport waits for its chip reader's answer;
        // zero when the gate has no chip reader (docs/emrtd.md).
        std::chrono::milliseconds chipWait{0};
    };

    explicit PassageCoordinator(Parts parts, QObject *parent = nullptr);

public slots:
    void present(const gate::hal::RawRead &read);
    // The chip reader's answer to chipReadRequested(); a late one (after the
    // wait ended) is dropped.
    void chipRead(const gate::hal::ChipReading &reading);
    // Every service-mode action, with the staff member who took it.
    void recordServiceAction(const QString &action, const QString &staffId);
    // A staff command for the lane: sent to the lane controller, and audited
    // once the lane answered, as "done", "failed" (the lane did not carry it
    // out) or "refused" (the controller did not send it).
    void serviceCommand(gate::LaneServiceCommand command, const QString &staffId);
    // A staff action whose outcome came later (e.g. "sync_now").
    void recordServiceOutcome(const QString &action, const QString &staffId, const QString &outcome,
                              const QString &reason);
    // Writes the count of records left out while the outbox was full, once
    // there is room again.
    void flushUnrecorded();

signals:
    void decided(const gate::PassageReport &report);
    // The lane acknowledged the open command: the end of the latency budget.
    void barrierOpened(qint64 passageId, qint64 presentedToOpenNs);
    void passageRecorded(qint64 passageId, const QString &outcome);
    // The audit store refused a write: the gate stops admitting.
    void auditFailed(const QString &error);
    // A bound code is held: the passenger is asked for the document the
    // ticket was bought with, for `windowMs`.
    void awaitingHolderDocument(qint64 windowMs);
    // A passport's page was read: its chip reader is asked to open the chip
    // with these readings of the page (one, or up to three when the camera
    // could not tell 0 from O).
    void chipReadRequested(quint64 request, const QList<QStringList> &mrzCandidates);
    // The chip is being read: the passenger keeps the passport on the reader.
    void readingChip();
    // A staff command's audited outcome: "done", "failed" or "refused".
    void serviceCommandFinished(const QString &command, const QString &outcome,
                                const QString &reason);

private:
    struct Pending {
        QString tid;
        QStringList partyTids; // every ticket of a party, empty for one passenger
        qint64 availableNs = 0;
    };

    struct StaffCommand {
        LaneServiceCommand command;
        QString staffId;
    };

    std::optional<Reason> blockingReason() const;
    // Decides, records and reports one credential. `mayHold`: a bound code
    // that would admit is held for its holder's document instead.
    void conclude(const Credential &credential, hal::RawRead::Kind readKind, bool mayHold);
    void onBindingWindowElapsed();
    // Pairs a credential with a held code or document, then concludes it.
    void pass(const Credential &credential, hal::RawRead::Kind readKind);
    void askChip(const Credential &camera, hal::RawRead::Kind readKind,
                 const QList<QStringList> &mrzCandidates);
    void onChipWaitElapsed();
    void recordForgery(qint64 decisionSeq, const Credential &credential);
    void onServiceCommandDone(LaneServiceCommand command, bool ok, const QString &reason);
    void authoriseNextWaiting();
    std::optional<qint64> record(AuditEventType type, QJsonObject fields,
                                 const QList<TicketUse> &uses = {});
    void onOpened(quint64 passageId, qint64 ackNs);
    QJsonObject passageFields(quint64 passageId, const Pending &pending,
                              const QString &outcome) const;
    void onPassed(quint64 passageId);
    // A pass that ended without everyone it was for: `membersPassed` of a
    // party went through.
    void onNotTaken(quint64 passageId, const QString &outcome, quint16 membersPassed = 0);
    void onAlarm(const QString &code);

    Parts m_parts;
    AuditPassageHistory m_history;
    QHash<quint64, Pending> m_pending;
    // Admitted while the lane still served the passenger before: authorised
    // in order as soon as it is idle again.
    QList<quint64> m_waiting;
    HolderDocumentPairing m_pairing;
    QTimer m_bindingWindow;
    // The passport whose chip is being read, until its reader answers.
    struct AwaitingChip {
        quint64 request = 0;
        Credential camera;
        hal::RawRead::Kind readKind = hal::RawRead::Kind::MrzLines;
    };
    std::optional<AwaitingChip> m_awaitingChip;
    quint64 m_chipRequests = 0;
    QTimer m_chipWait;
    // Staff commands sent to the lane, oldest first, until it answers.
    QList<StaffCommand> m_staffCommands;
    bool m_sendingStaffCommand = false; // an answer now is the controller's refusal
};

} // namespace gate
