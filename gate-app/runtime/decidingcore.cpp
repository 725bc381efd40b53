#include "decidingcore.h"

#include "core/tickets/ticketstorewriter.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCore, "gate.core")

namespace gate {

namespace {

LaneContext laneContextOf(const GateConfig &config) {
    LaneContext lane;
    lane.station = config.station;
    lane.gateId = config.gateId;
    lane.gateGroup = config.gateGroup;
    lane.direction = config.direction == QLatin1String("exit") ? LaneContext::Direction::Exit
                                                               : LaneContext::Direction::Entry;
    return lane;
}

} // namespace

DecidingCore::DecidingCore(const GateConfig &config, const Clock &clock,
                           hal::LaneActuator &actuator, AuditStore::Options auditOptions,
                           bool chipReader)
    : m_config(config)
    , m_clock(clock)
    , m_actuator(actuator)
    , m_auditOptions(auditOptions)
    , m_chipReader(chipReader)
    , m_credentials(clock) {}

DecidingCore::~DecidingCore() = default;

bool DecidingCore::open(QStringList *errors) {
    QString error;
    // A new gate has no store yet: the writer creates the schema, the sync
    // thread fills it later.
    if (!tickets::TicketStoreWriter::open(m_config.tickets.database, &error)) {
        errors->append(QStringLiteral("ticket store %1: %2").arg(m_config.tickets.database, error));
        return false;
    }
    m_store = tickets::TicketStoreReader::open(m_config.tickets.database, &error);
    if (!m_store) {
        errors->append(QStringLiteral("ticket store %1: %2").arg(m_config.tickets.database, error));
        return false;
    }
    if (!m_audit.open(m_config.audit.database, m_config.gateId, m_auditOptions, &error)) {
        errors->append(QStringLiteral("audit store %1: %2").arg(m_config.audit.database, error));
        return false;
    }
    DecisionSettings settings;
    settings.listAge = {m_config.tickets.staleGraceSecs, m_config.tickets.staleHardLimitSecs};
    settings.staffKinds = m_config.tickets.staffKinds;
    settings.partyPassage = m_config.tickets.partyPassage == QLatin1String("staff")
                                ? DecisionSettings::PartyPassage::Staff
                                : DecisionSettings::PartyPassage::Gate;
    settings.requireChip = m_config.passport.requireChip;
    // A relay gate cannot count a party through on one authorisation: its
    // parties go to staff, as with tickets.party_passage "staff".
    if (!m_actuator.traits().countsPasses &&
        settings.partyPassage == DecisionSettings::PartyPassage::Gate) {
        qCWarning(lcCore) << "the lane cannot count a party's passes: parties are sent to staff";
        settings.partyPassage = DecisionSettings::PartyPassage::Staff;
    }
    m_engine = std::make_unique<DecisionEngine>(*m_store, m_clock, settings);
    m_lane =
        new LaneController(&m_actuator, LaneControllerSettings::forLane(m_actuator.traits()), this);
    m_coordinator = new PassageCoordinator(
        {laneContextOf(m_config), m_clock, m_credentials, *m_engine, m_audit, *m_lane,
         std::chrono::seconds(m_config.eticket.bindingWindowSecs),
         std::chrono::milliseconds(m_chipReader ? m_config.passport.chipWaitMs : 0)},
        this);
    reloadList();
    return true;
}

void DecidingCore::reloadList() {
    const tickets::TicketStoreReader::Snapshot snapshot(*m_store);
    const tickets::ListState &state = m_store->state();
    QString error;
    auto trust =
        state.keysJson.isEmpty() ? std::nullopt : eticket::TrustList::parse(state.keysJson, &error);
    // A trust list with one unusable key (a small-order Ed25519 key among
    // them) is refused whole: no code verifies until a good one arrives.
    if (!error.isEmpty()) {
        qCWarning(lcCore).noquote() << "trust list of list" << state.seq << "refused:" << error;
        recordAlarm(QStringLiteral("trust_list_refused"),
                    {{QStringLiteral("seq"), state.seq}, {QStringLiteral("detail"), error}});
    }
    m_credentials.setTrustList(std::move(trust));
    publishStatus();
}

void DecidingCore::recordAlarm(const QString &code, const QJsonObject &fields) {
    QJsonObject record = fields;
    record.insert(QStringLiteral("code"), code);
    QString error;
    if (!m_audit.append({0, AuditEventType::Alarm, m_clock.nowSecs(), record}, &error))
        qCCritical(lcCore).noquote() << "alarm" << code << "not recorded:" << error;
}

void DecidingCore::publishStatus() {
    {
        const tickets::TicketStoreReader::Snapshot snapshot(*m_store);
        const tickets::ListState &state = m_store->state();
        emit listStatus(
            {{QStringLiteral("seq"), state.seq},
             {QStringLiteral("generated"), state.generated},
             {QStringLiteral("expires"), state.expires},
             {QStringLiteral("age_s"), state.generated ? m_clock.nowSecs() - state.generated : -1},
             {QStringLiteral("tickets"), m_store->ticketCount()},
             {QStringLiteral("stale"), m_engine->listIsStale()},
             {QStringLiteral("age_limit"), toString(m_engine->listAge())}});
    }
    const LaneSnapshot lane = m_lane->snapshot();
    emit laneStatus({{QStringLiteral("state"), toString(lane.state)},
                     {QStringLiteral("available"), lane.available},
                     {QStringLiteral("reason"), lane.reason},
                     {QStringLiteral("emergency_latched"), lane.emergencyLatched},
                     {QStringLiteral("last_alarm"), lane.lastAlarm},
                     {QStringLiteral("link_up"), lane.status.linkUp},
                     {QStringLiteral("passed_entry"), qint64(lane.status.passedEntry)},
                     {QStringLiteral("passed_exit"), qint64(lane.status.passedExit)},
                     {QStringLiteral("authorised"), qint64(lane.counters.authorised)},
                     {QStringLiteral("passed"), qint64(lane.counters.passed)},
                     {QStringLiteral("timed_out"), qint64(lane.counters.timedOut)},
                     {QStringLiteral("alarms"), qint64(lane.counters.alarms)}});
    m_coordinator->flushUnrecorded();
    const AuditStore::Backlog backlog = m_audit.backlog();
    emit auditStatus({{QStringLiteral("last_seq"), backlog.lastSeq},
                      {QStringLiteral("shipped_seq"), backlog.shippedSeq},
                      {QStringLiteral("backlog"), backlog.rows},
                      {QStringLiteral("nearly_full"), m_audit.nearlyFull()},
                      {QStringLiteral("full"), m_audit.full()},
                      {QStringLiteral("unrecorded"), m_audit.unrecorded()}});
}

} // namespace gate
