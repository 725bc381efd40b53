#include "servicemodemodel.h"

#include "core/lane/laneservicecommand.h"
#include "core/service/pinhash.h"
#include "core/service/pinverifier.h"

#include <QDateTime>

#include <algorithm>

namespace gate::ui {

namespace {

constexpr qsizetype kMaxStaffIdLength = 12;
constexpr qsizetype kMaxListEntries = 32;
constexpr qsizetype kMaxTextLength = 64;

// What the panel offers. Emergency open is not among them: evacuation comes
// from the fire alarm or the lane's own emergency input.
constexpr LaneServiceCommand kPanelCommands[] = {
    LaneServiceCommand::OpenOnceEntry, LaneServiceCommand::OpenOnceExit,
    LaneServiceCommand::FreeEntry,     LaneServiceCommand::FreeExit,
    LaneServiceCommand::FreePassage,   LaneServiceCommand::Lock,
    LaneServiceCommand::Normal,        LaneServiceCommand::EmergencyReset,
    LaneServiceCommand::AlarmReset,
};

bool isPanelCommand(const QString &name) {
    const auto command = laneServiceCommandFromString(name);
    return command && std::find(std::begin(kPanelCommands), std::end(kPanelCommands), *command) !=
                          std::end(kPanelCommands);
}

const QString kSyncNow = QStringLiteral("sync_now");

QString shortText(const QVariant &value) {
    return value.toString().simplified().left(kMaxTextLength);
}

} // namespace

ServiceModeModel::ServiceModeModel(service::PinVerifier &verifier, QObject *parent)
    : QObject(parent)
    , m_verifier(verifier) {
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(120000);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { close(QStringLiteral("logout_idle")); });
    m_lockoutTick.setInterval(1000);
    connect(&m_lockoutTick, &QTimer::timeout, this, &ServiceModeModel::onLockoutTick);
}

void ServiceModeModel::setIdleTimeoutMs(int ms) {
    m_idleTimer.setInterval(ms);
}

void ServiceModeModel::setDeviceHealth(const QVariantList &health) {
    m_deviceHealth.clear();
    for (const QVariant &entry : health.mid(0, kMaxListEntries)) {
        const QVariantMap device = entry.toMap();
        m_deviceHealth.append(QVariantMap{
            {QStringLiteral("device"), shortText(device.value(QStringLiteral("device")))},
            {QStringLiteral("state"), shortText(device.value(QStringLiteral("state")))},
            {QStringLiteral("detail"), shortText(device.value(QStringLiteral("detail")))},
        });
    }
    emit statusChanged();
}

void ServiceModeModel::setLaneCounters(const QVariantMap &counters) {
    m_laneCounters.clear();
    // QVariantMap iterates in key order, which is the order shown.
    for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
        if (m_laneCounters.size() == kMaxListEntries)
            break;
        // Numbers and short words (a mode, a state) are shown; nested values are not.
        if (!it.value().canConvert<QString>())
            continue;
        m_laneCounters.append(QVariantMap{{QStringLiteral("name"), it.key().left(kMaxTextLength)},
                                          {QStringLiteral("value"), shortText(it.value())}});
    }
    emit statusChanged();
}

void ServiceModeModel::setAlarms(const QStringList &alarms) {
    m_alarms.clear();
    for (const QString &alarm : alarms.mid(0, kMaxListEntries))
        m_alarms.append(alarm.simplified().left(kMaxTextLength));
    emit statusChanged();
}

void ServiceModeModel::addDecision(const QVariantMap &decision) {
    const qint64 secs = decision.value(QStringLiteral("at")).toLongLong();
    m_decisions.prepend(QVariantMap{
        {QStringLiteral("time"),
         QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("HH:mm:ss"))},
        {QStringLiteral("admit"), decision.value(QStringLiteral("admit")).toBool()},
        {QStringLiteral("reason"), shortText(decision.value(QStringLiteral("reason")))},
        {QStringLiteral("credential"), shortText(decision.value(QStringLiteral("credential")))},
        {QStringLiteral("train"), shortText(decision.value(QStringLiteral("train")))},
    });
    if (m_decisions.size() > kMaxDecisions)
        m_decisions.resize(kMaxDecisions);
    emit decisionsChanged();
}

void ServiceModeModel::setLastPassport(const QImage &face, const QString &chip) {
    m_passportFace = face;
    m_passportChip = shortText(chip);
    emit passportChanged();
}

void ServiceModeModel::setListInfo(qint64 seq, qint64 ageSecs) {
    m_listSeq = seq;
    m_listAgeSecs = std::max<qint64>(0, ageSecs);
    emit statusChanged();
}

void ServiceModeModel::setBacklog(qint64 records) {
    m_backlog = std::max<qint64>(0, records);
    emit statusChanged();
}

void ServiceModeModel::setLaneAvailability(bool ready, const QString &reason) {
    m_laneReady = ready;
    m_laneReason = reason;
    updateCommandRefusals();
}

void ServiceModeModel::setFireAlarm(bool active) {
    m_fireAlarm = active;
    updateCommandRefusals();
}

void ServiceModeModel::updateCommandRefusals() {
    // The availability reason is the lane controller's: "emergency" while
    // evacuation is latched, "starting" or "link_down" without a link.
    const bool emergencyLatched = !m_laneReady && m_laneReason == u"emergency";
    const bool linkUp =
        m_laneReady || (m_laneReason != u"starting" && m_laneReason != u"link_down");
    QVariantMap refusals;
    for (const LaneServiceCommand command : kPanelCommands) {
        const QString refusal =
            serviceCommandRefusal(command, emergencyLatched, linkUp, m_fireAlarm);
        if (!refusal.isEmpty())
            refusals.insert(toString(command), refusal);
    }
    if (refusals == m_commandRefusals)
        return;
    m_commandRefusals = refusals;
    emit laneAvailabilityChanged();
}

void ServiceModeModel::requestEntry() {
    if (m_stage != Stage::Closed)
        return;
    clearEntry();
    m_idleTimer.start();
    if (m_verifier.isLockedOut()) {
        setStage(Stage::LockedOut);
        return;
    }
    setStage(Stage::StaffNumber);
}

void ServiceModeModel::pressDigit(int digit) {
    noteActivity();
    if (digit < 0 || digit > 9)
        return;
    const QChar c(u'0' + digit);
    if (m_stage == Stage::StaffNumber && m_typedStaffId.size() < kMaxStaffIdLength)
        m_typedStaffId.append(c);
    else if (m_stage == Stage::Pin && m_typedPin.size() < service::kMaxPinLength)
        m_typedPin.append(c);
    else
        return;
    m_pinRejected = false;
    emit entryChanged();
}

void ServiceModeModel::backspace() {
    noteActivity();
    if (m_stage == Stage::StaffNumber)
        m_typedStaffId.chop(1);
    else if (m_stage == Stage::Pin && !m_typedPin.isEmpty())
        m_typedPin.chop(1);
    else if (m_stage == Stage::Pin)
        setStage(Stage::StaffNumber); // back to correct the staff number
    emit entryChanged();
}

void ServiceModeModel::confirm() {
    noteActivity();
    if (m_stage == Stage::StaffNumber && !m_typedStaffId.isEmpty())
        setStage(Stage::Pin);
    else if (m_stage == Stage::Pin && !m_typedPin.isEmpty())
        checkPin();
}

void ServiceModeModel::checkPin() {
    const auto attempt = m_verifier.verify(m_typedStaffId, m_typedPin);
    m_typedPin.clear();
    switch (attempt.result) {
    case service::PinVerifier::Result::Accepted:
        m_staffId = m_typedStaffId;
        m_pinRejected = false;
        setStage(Stage::Open);
        emit staffAction(QStringLiteral("login"), m_staffId);
        break;
    case service::PinVerifier::Result::Rejected:
        m_pinRejected = true;
        emit staffAction(QStringLiteral("login_failed"), m_typedStaffId);
        break;
    case service::PinVerifier::Result::LockedOut:
        emit staffAction(QStringLiteral("login_locked"), m_typedStaffId);
        clearEntry();
        setStage(Stage::LockedOut);
        break;
    }
    emit entryChanged();
}

void ServiceModeModel::exit() {
    close(QStringLiteral("logout"));
}

void ServiceModeModel::noteActivity() {
    if (m_stage != Stage::Closed)
        m_idleTimer.start();
}

bool ServiceModeModel::command(const QString &name) {
    if (m_stage != Stage::Open)
        return false;
    noteActivity();
    if (name == kSyncNow)
        emit syncNowRequested(m_staffId);
    else if (isPanelCommand(name) && !m_commandRefusals.contains(name))
        emit laneCommandRequested(name, m_staffId);
    else
        return false;
    return true;
}

void ServiceModeModel::setCommandOutcome(const QString &command, const QString &outcome,
                                         const QString &reason) {
    m_commandOutcomes.prepend(QVariantMap{
        {QStringLiteral("command"), shortText(command)},
        {QStringLiteral("outcome"), shortText(outcome)},
        {QStringLiteral("reason"), shortText(reason)},
        {QStringLiteral("time"), QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))},
    });
    if (m_commandOutcomes.size() > kMaxCommandOutcomes)
        m_commandOutcomes.resize(kMaxCommandOutcomes);
    emit commandOutcomesChanged();
}

int ServiceModeModel::failuresLeft() const {
    return m_verifier.failuresLeft();
}

int ServiceModeModel::lockoutSecsLeft() const {
    return int(m_verifier.secondsUntilUnlock());
}

void ServiceModeModel::setStage(Stage stage) {
    if (stage == m_stage)
        return;
    m_stage = stage;
    if (stage == Stage::LockedOut)
        m_lockoutTick.start();
    else
        m_lockoutTick.stop();
    emit stageChanged();
    emit lockoutSecsLeftChanged();
}

void ServiceModeModel::clearEntry() {
    m_typedStaffId.clear();
    m_typedPin.clear();
    m_pinRejected = false;
    emit entryChanged();
}

void ServiceModeModel::close(const QString &action) {
    if (m_stage == Stage::Closed)
        return;
    const QString staffId = m_stage == Stage::Open ? m_staffId : QString();
    m_idleTimer.stop();
    clearEntry();
    m_staffId.clear();
    setStage(Stage::Closed);
    if (!staffId.isEmpty())
        emit staffAction(action, staffId);
}

void ServiceModeModel::onLockoutTick() {
    emit lockoutSecsLeftChanged();
    if (!m_verifier.isLockedOut())
        setStage(Stage::StaffNumber);
}

} // namespace gate::ui
