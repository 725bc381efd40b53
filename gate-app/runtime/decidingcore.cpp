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
    lane.direction = config.direction;
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
    settings.partyPassage = m_config.tickets.partyPassage;
    settings.requireChip = m_config.passport.requireChip;
    // A relay gate cannot count a party through on one authorisation: its
    // parties go to staff, as with tickets.party_passage "staff".
    if (!m_actuator.traits().countsPasses && settings.partyPassage == PartyPassage::Gate) {
        qCWarning(lcCore) << "the lane cannot count a party's passes: parties are sent to staff";
        settings.partyPassage = PartyPassage::Staff;
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
        emit listStatus({state.seq, state.generated, state.expires,
                         state.generated ? m_clock.nowSecs() - state.generated : -1,
                         m_store->ticketCount(), m_engine->listIsStale(), m_engine->listAge()});
    }
    emit laneStatus(m_lane->snapshot());
    m_coordinator->flushUnrecorded();
    emit auditStatus(
        {m_audit.backlog(), m_audit.nearlyFull(), m_audit.full(), m_audit.unrecorded()});
}

} // namespace gate
