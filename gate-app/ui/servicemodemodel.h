#pragma once

#include <QImage>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gate::service {
class PinVerifier;
}

namespace gate::ui {

// The staff side of the touchscreen. A long press in the corner calls
// requestEntry(); the keypad takes a staff number, then the PIN, checked by
// the PinVerifier (with its lockout). Once open, every command is emitted
// with the staff id; its outcome comes back (setCommandOutcome()) once the
// lane or the sync answered, audited, and is shown on the panel. A lane
// command the lane controller would refuse as things stand (link down,
// emergency latched) is disabled, with the reason. The mode closes itself
// after a quiet period.
class ServiceModeModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString staffId READ staffId NOTIFY stageChanged)
    Q_PROPERTY(QString typedStaffId READ typedStaffId NOTIFY entryChanged)
    Q_PROPERTY(int typedPinLength READ typedPinLength NOTIFY entryChanged)
    Q_PROPERTY(bool pinRejected READ pinRejected NOTIFY entryChanged)
    Q_PROPERTY(int failuresLeft READ failuresLeft NOTIFY entryChanged)
    Q_PROPERTY(int lockoutSecsLeft READ lockoutSecsLeft NOTIFY lockoutSecsLeftChanged)
    Q_PROPERTY(QVariantList deviceHealth READ deviceHealth NOTIFY statusChanged)
    Q_PROPERTY(QVariantList laneCounters READ laneCounters NOTIFY statusChanged)
    Q_PROPERTY(QStringList alarms READ alarms NOTIFY statusChanged)
    Q_PROPERTY(QVariantList decisions READ decisions NOTIFY decisionsChanged)
    // The last passport decision's chip: its DG2 face (null when none) and
    // what the chip proved ("verified", "unverified: no_csca", ...).
    Q_PROPERTY(QImage passportFace READ passportFace NOTIFY passportChanged)
    Q_PROPERTY(QString passportChip READ passportChip NOTIFY passportChanged)
    Q_PROPERTY(double listSeq READ listSeqForQml NOTIFY statusChanged)
    Q_PROPERTY(double listAgeSecs READ listAgeSecsForQml NOTIFY statusChanged)
    Q_PROPERTY(double backlog READ backlogForQml NOTIFY statusChanged)
    Q_PROPERTY(QVariantMap commandRefusals READ commandRefusals NOTIFY laneAvailabilityChanged)
    Q_PROPERTY(QVariantList commandOutcomes READ commandOutcomes NOTIFY commandOutcomesChanged)

public:
    enum class Stage { Closed, StaffNumber, Pin, LockedOut, Open };
    Q_ENUM(Stage)

    static constexpr qsizetype kMaxDecisions = 50;
    static constexpr qsizetype kMaxCommandOutcomes = 5;

    explicit ServiceModeModel(service::PinVerifier &verifier, QObject *parent = nullptr);

    // The quiet time after which the service mode closes by itself.
    void setIdleTimeoutMs(int ms);

    // Data for the status pages, pushed by the application.
    // health: [{device, state, detail}], state as hal::toString(DeviceHealth::State)
    // names it: "starting", "ok", "degraded", "fault", "offline".
    void setDeviceHealth(const QVariantList &health);
    // counters: {name: number or word}, shown sorted by name; nested values are left out
    void setLaneCounters(const QVariantMap &counters);
    void setAlarms(const QStringList &alarms);
    // decision: {at (Unix seconds), admit, reason, credential (kind), train};
    // other keys are dropped so that no document number can reach the screen.
    void addDecision(const QVariantMap &decision);
    // Staff only: never logged, never written.
    void setLastPassport(const QImage &face, const QString &chip);
    void setListInfo(qint64 seq, qint64 ageSecs);
    void setBacklog(qint64 records);
    // The lane's availability, as LaneController::availabilityChanged gives it
    // (connect the two). Until the first call every command is offered.
    void setLaneAvailability(bool ready, const QString &reason);
    // The lane's fire-alarm input (LaneController::fireAlarmChanged): while
    // on, the emergency reset is refused with "fire_alarm_active".
    void setFireAlarm(bool active);
    // What became of a staff command, as audited: outcome "done", "failed"
    // or "refused", with the reason code of the last two.
    void setCommandOutcome(const QString &command, const QString &outcome, const QString &reason);

    // Called from QML.
    Q_INVOKABLE void requestEntry();
    Q_INVOKABLE void pressDigit(int digit);
    Q_INVOKABLE void backspace();
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void exit();
    Q_INVOKABLE void noteActivity();
    // Lane commands: open_once_entry, open_once_exit, free_entry, free_exit,
    // free_passage, lock, normal, emergency_reset, alarm_reset; and sync_now.
    // False when not open, the command is unknown or refused (commandRefusals).
    // The audit record comes with the outcome (setCommandOutcome()), not here.
    Q_INVOKABLE bool command(const QString &name);

    Stage stage() const { return m_stage; }
    QString staffId() const { return m_stage == Stage::Open ? m_staffId : QString(); }
    QString typedStaffId() const { return m_typedStaffId; }
    int typedPinLength() const { return int(m_typedPin.size()); }
    bool pinRejected() const { return m_pinRejected; }
    int failuresLeft() const;
    int lockoutSecsLeft() const;
    QVariantList deviceHealth() const { return m_deviceHealth; }
    QVariantList laneCounters() const { return m_laneCounters; }
    QStringList alarms() const { return m_alarms; }
    QVariantList decisions() const { return m_decisions; }
    QImage passportFace() const { return m_passportFace; }
    QString passportChip() const { return m_passportChip; }
    // {command name: reason code} for each lane command refused as things
    // stand: "link_down" or "emergency" (gate::serviceCommandRefusal()).
    QVariantMap commandRefusals() const { return m_commandRefusals; }
    // Newest first: {command, outcome, reason, time}.
    QVariantList commandOutcomes() const { return m_commandOutcomes; }
    qint64 listSeq() const { return m_listSeq; }
    qint64 listAgeSecs() const { return m_listAgeSecs; }
    qint64 backlog() const { return m_backlog; }
    // QML has no 64-bit integer; a double holds these exactly up to 2^53.
    double listSeqForQml() const { return double(m_listSeq); }
    double listAgeSecsForQml() const { return double(m_listAgeSecs); }
    double backlogForQml() const { return double(m_backlog); }

signals:
    void laneCommandRequested(const QString &command, const QString &staffId);
    void syncNowRequested(const QString &staffId);
    // Every staff action, including login, failed login and logout.
    void staffAction(const QString &action, const QString &staffId);
    void stageChanged();
    void entryChanged();
    void lockoutSecsLeftChanged();
    void statusChanged();
    void decisionsChanged();
    void passportChanged();
    void laneAvailabilityChanged();
    void commandOutcomesChanged();

private:
    void setStage(Stage stage);
    void updateCommandRefusals();
    void clearEntry();
    void checkPin();
    void close(const QString &action);
    void onLockoutTick();

    service::PinVerifier &m_verifier;
    Stage m_stage = Stage::Closed;
    QString m_staffId;
    QString m_typedStaffId;
    QString m_typedPin;
    bool m_pinRejected = false;

    QVariantList m_deviceHealth;
    QVariantList m_laneCounters;
    QStringList m_alarms;
    QVariantList m_decisions;
    QImage m_passportFace;
    QString m_passportChip;
    qint64 m_listSeq = 0;
    qint64 m_listAgeSecs = 0;
    qint64 m_backlog = 0;
    QVariantMap m_commandRefusals;
    bool m_laneReady = false;
    QString m_laneReason;
    bool m_fireAlarm = false;
    QVariantList m_commandOutcomes;

    QTimer m_idleTimer;
    QTimer m_lockoutTick;
};

} // namespace gate::ui
