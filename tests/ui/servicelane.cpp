#include "servicelane.h"
#include "support/gatetools.h"

#include "lanetestsupport.h"
#include "modbuslanefactory.h"

#include "core/audit/auditstore.h"
#include "runtime/decidingcore.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"

namespace {

const QString kGateId = QStringLiteral("VNP-A2-01");

} // namespace

ServiceLane::ServiceLane() = default;

ServiceLane::~ServiceLane() {
    m_core.reset();
    m_lane.reset();
    m_sim.stop();
}

bool ServiceLane::start(gate::ui::PassengerScreenModel &passenger,
                        gate::ui::ServiceModeModel &service) {
    const QString endpoint = m_sim.start(gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
                                         {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                                          QStringLiteral("--passengers"), QStringLiteral("none")},
                                         QStringLiteral("tcp"));
    if (endpoint.isEmpty()) {
        m_error = QStringLiteral("the lane simulator did not start: ") + m_sim.errors();
        return false;
    }
    QString error;
    auto actuator = gate::modbuslane::createModbusLane(
        QStringLiteral("lane"),
        {{QStringLiteral("url"), QStringLiteral("tcp://") + endpoint},
         {QStringLiteral("profile"), writeFastProfile(m_dir)}},
        &error);
    if (!actuator) {
        m_error = QStringLiteral("the lane driver: ") + error;
        return false;
    }

    gate::GateConfig config;
    config.gateId = kGateId;
    config.station = QStringLiteral("VNP");
    config.gateGroup = QStringLiteral("A2");
    config.direction = gate::LaneContext::Direction::Entry;
    config.tickets.database = m_dir.filePath(QStringLiteral("tickets.db"));
    config.audit.database = m_dir.filePath(QStringLiteral("audit.db"));
    m_core = std::make_unique<gate::DecidingCore>(config, m_clock, *actuator,
                                                  gate::AuditStore::Options{}, false);
    QStringList errors;
    if (!m_core->open(&errors)) {
        m_error = errors.join(u'\n');
        return false;
    }
    // Started once the controller listens, as the application does: the lane's
    // first status must not go unheard.
    m_lane = std::make_unique<gate::hal::LaneActuatorThread>(std::move(actuator));

    gate::LaneController *lane = m_core->lane();
    gate::PassageCoordinator *coordinator = m_core->coordinator();
    QObject::connect(&service, &gate::ui::ServiceModeModel::laneCommandRequested, coordinator,
                     [coordinator](const QString &name, const QString &staffId) {
                         if (const auto command = gate::laneServiceCommandFromString(name))
                             coordinator->serviceCommand(*command, staffId);
                     });
    QObject::connect(coordinator, &gate::PassageCoordinator::serviceCommandFinished, &service,
                     &gate::ui::ServiceModeModel::setCommandOutcome);
    QObject::connect(&service, &gate::ui::ServiceModeModel::staffAction, coordinator,
                     &gate::PassageCoordinator::recordServiceAction);
    QObject::connect(lane, &gate::LaneController::availabilityChanged, &service,
                     &gate::ui::ServiceModeModel::setLaneAvailability);
    QObject::connect(lane, &gate::LaneController::fireAlarmChanged, &service,
                     &gate::ui::ServiceModeModel::setFireAlarm);
    QObject::connect(lane, &gate::LaneController::availabilityChanged, &passenger,
                     [&passenger](bool ready, const QString &reason) {
                         const bool emergency = reason == QLatin1String("emergency");
                         passenger.setEmergency(emergency);
                         passenger.setOutOfService(!ready && !emergency, reason);
                     });
    service.setLaneAvailability(false, QStringLiteral("starting"));
    return true;
}

gate::LaneController &ServiceLane::controller() {
    return *m_core->lane();
}

QList<gate::AuditEvent> ServiceLane::serviceRecords() const {
    gate::AuditStore audit;
    QString error;
    if (!audit.open(m_dir.filePath(QStringLiteral("audit.db")), kGateId, &error)) {
        qWarning("audit store: %s", qPrintable(error));
        return {};
    }
    return audit.recentEvents(gate::AuditEventType::Service, 50);
}
