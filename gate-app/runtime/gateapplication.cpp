#include "gateapplication.h"

#include "core/lane/laneservicecommand.h"
#include "core/passage/passagereport.h"
#include "decidingcore.h"
#include "ops/journallog.h"
#include "ops/statusserver.h"
#include "ops/systemdnotifier.h"
#include "ops/threadliveness.h"
#include "sync/logship/logshipper.h"
#include "sync/logship/logshipsettings.h"
#include "sync/ticketlist/ticketlistsyncservice.h"
#include "ui/cueplayer.h"
#include "ui/mainwindow.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"
#include "ui/touchscreenpresenter.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QTimer>

#include <utility>

Q_LOGGING_CATEGORY(lcGate, "gate.app")

namespace gate {

GateApplication::GateApplication(const Clock &clock)
    : m_clock(clock) {
    qRegisterMetaType<hal::RawRead>();
    qRegisterMetaType<hal::DeviceHealth>();
    qRegisterMetaType<hal::ChipReading>();
    qRegisterMetaType<QList<QStringList>>();
    qRegisterMetaType<hal::LaneStatus>();
    qRegisterMetaType<hal::LaneCommand>();
    qRegisterMetaType<hal::LaneCommandResult>();
    qRegisterMetaType<PassageReport>();
    qRegisterMetaType<sync::SyncResult>();
    qRegisterMetaType<ListStatus>();
    qRegisterMetaType<OutboxStatus>();
    qRegisterMetaType<LaneSnapshot>();
}

GateApplication::~GateApplication() {
    stop();
}

bool GateApplication::startConfigured(const QString &configPath, QStringList *errors) {
    const auto config = GateConfig::load(configPath, errors);
    if (!config)
        return false;
    const QList<CommissioningGap> gaps = commissioningGaps(*config);
    return gaps.isEmpty() ? start(*config, errors) : startNotCommissioned(*config, gaps, errors);
}

bool GateApplication::startNotCommissioned(const GateConfig &config,
                                           const QList<CommissioningGap> &gaps,
                                           QStringList *errors) {
    m_config = config;
    m_notCommissioned = gaps;
    installJournalLogging({m_config.gateId, m_config.gateGroup});
    watchGuiThread();
    if (!createTouchscreen(errors))
        return false;
    QStringList items;
    for (const CommissioningGap &gap : gaps)
        items.append(gap.item);
    m_passengerScreen->setNotCommissioned(items);
    m_serviceMode->setLaneAvailability(false, QStringLiteral("not_commissioned"));
    if (!listenOnStatusSocket(errors))
        return false;
    const QString missing = describeGaps(gaps);
    qCWarning(lcGate).noquote() << "gate" << m_config.gateId << "is not commissioned: set"
                                << missing << "in" << m_config.sourcePath
                                << "(gate-app --check-config names each), then restart it";
    announceReady(QStringLiteral("out of service, not commissioned: set %1").arg(missing));
    return true;
}

bool GateApplication::startDemo(const QString &stateDir, QStringList *errors) {
    // The demo's terminal shows decisions on stdout; the lane's and devices'
    // own chatter stays out of the way unless QT_LOGGING_RULES asks for it.
    QLoggingCategory::setFilterRules(QStringLiteral("gate.*.info=false"));
    m_demo = std::make_unique<DemoLauncher>();
    const auto config = m_demo->prepare(stateDir, errors);
    if (!config)
        return false;
    if (!start(*config, errors))
        return false;
    m_console.message(QStringLiteral("demo: %1 passengers will arrive; audit records in %2; "
                                     "service mode: staff DEMO, PIN %3")
                          .arg(m_demo->passengerCount())
                          .arg(m_config.audit.database, DemoLauncher::demoPin()));
    m_console.message(m_demo->chipAbsence().isEmpty()
                          ? QStringLiteral("demo: the chip passenger's passport chip is on an "
                                           "emulated reader")
                          : QStringLiteral("demo: no passport chip (%1): the chip passenger is "
                                           "decided by the page")
                                .arg(m_demo->chipAbsence()));
    return true;
}

bool GateApplication::start(const GateConfig &config, QStringList *errors) {
    m_config = config;
    installJournalLogging({m_config.gateId, m_config.gateGroup});
    std::optional<LogShipSettings> logShip;
    if (!m_config.logSync.isEmpty()) {
        logShip = parseLogShipSettings(m_config.logSync, errors, QStringLiteral("log_sync"));
        if (!logShip)
            return false;
    }
    if (!m_devices.create(m_config, m_catalog, errors) ||
        !createCore(logShip ? logShip->outboxOptions() : AuditStore::Options{}, errors))
        return false;
    watchThreads();
    if (!createTouchscreen(errors))
        return false;
    connectScreens();
    if (!createListSync(errors) || (logShip && !startLogShipper(*logShip, errors)) ||
        !listenOnStatusSocket(errors))
        return false;

    m_decideThread.start();
    m_devices.startAll();
    if (m_sync)
        m_sync->start();
    auto *statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, m_core, &DecidingCore::publishStatus);
    statusTimer->start(5000);
    QMetaObject::invokeMethod(m_core, &DecidingCore::publishStatus);

    announceReady(QStringLiteral("gate %1 ready").arg(m_config.gateId));
    qCInfo(lcGate).noquote() << "gate" << m_config.gateId << "ready at" << m_config.station
                             << m_config.gateGroup << toString(m_config.direction);
    return true;
}

bool GateApplication::createCore(const AuditStore::Options &auditOptions, QStringList *errors) {
    m_core = new DecidingCore(m_config, m_clock, *m_devices.lane(), auditOptions,
                              m_devices.chipReader() != nullptr);
    if (!m_core->open(errors)) {
        delete m_core;
        m_core = nullptr;
        return false;
    }
    m_decideThread.setObjectName(QStringLiteral("decide"));
    m_core->moveToThread(&m_decideThread);
    // From here the thread owns the core: it is deleted when the thread ends
    // (or by stop(), should the start fail before the thread ran).
    connect(&m_decideThread, &QThread::finished, m_core, &QObject::deleteLater);
    return true;
}

bool GateApplication::createListSync(QStringList *errors) {
    if (m_config.tickets.source.isEmpty())
        return true; // lists are put in place by hand (gatectl tickets sync)
    QString error;
    const auto settings = sync::TicketListSyncSettings::fromConfig(m_config, &error);
    if (!settings) {
        errors->append(QStringLiteral("tickets.device_key: %1").arg(error));
        return false;
    }
    m_sync = std::make_unique<sync::TicketListSyncService>(*settings, m_clock);
    connect(m_sync.get(), &sync::TicketListSyncService::synced, this,
            &GateApplication::onListSynced);
    connect(m_sync.get(), &sync::TicketListSyncService::listAgeChanged, this,
            &GateApplication::onListAgeChanged);
    return true;
}

bool GateApplication::startLogShipper(const LogShipSettings &settings, QStringList *errors) {
    m_shipper = std::make_unique<LogShipper>(m_config.audit.database, m_config.gateId, settings);
    QString error;
    if (!m_shipper->start(&error)) {
        errors->append(QStringLiteral("log_sync: %1").arg(error));
        return false;
    }
    return true;
}

bool GateApplication::createTouchscreen(QStringList *errors) {
    // The PIN lockout outlives a restart: its state sits in the state folder.
    m_lockoutStore = std::make_unique<service::LockoutStore>(
        m_config.resolve(QStringLiteral("service-lockout.json")));
    m_pins = std::make_unique<service::PinVerifier>(
        m_clock,
        service::LockoutPolicy{m_config.service.maxPinAttempts, m_config.service.lockoutSecs},
        m_lockoutStore.get());
    if (!m_pins->storeError().isEmpty())
        qCWarning(lcGate).noquote() << "service PIN lockout state:" << m_pins->storeError()
                                    << "- the keypad stays locked for one lockout period";
    QHash<QString, QString> staff;
    for (const auto &member : std::as_const(m_config.service.staff))
        staff.insert(member.id, member.pinHash);
    for (const QString &problem : m_pins->setStaff(staff))
        errors->append(QStringLiteral("service.staff: %1").arg(problem));
    if (!errors->isEmpty())
        return false;
    m_passengerScreen = std::make_unique<ui::PassengerScreenModel>();
    m_serviceMode = std::make_unique<ui::ServiceModeModel>(*m_pins);
    m_serviceMode->setIdleTimeoutMs(m_config.service.idleExitSecs * 1000);
    // The lane controller announces its first availability only once it has a status.
    m_serviceMode->setLaneAvailability(false, QStringLiteral("starting"));
    m_passengerScreen->setResultDisplayMs(m_config.ui.resultSecs * 1000);
    m_passengerScreen->setLanguages(m_config.ui.languages, m_config.ui.language);
    m_cues = std::make_unique<ui::CuePlayer>();
    m_presenter =
        std::make_unique<ui::TouchscreenPresenter>(*m_passengerScreen, *m_serviceMode, *m_cues);
    ui::WindowOptions window;
    window.portrait = m_config.ui.orientation == ScreenOrientation::Portrait;
    window.fullScreen = QGuiApplication::platformName() == QLatin1String("eglfs");
    QStringList qmlErrors;
    m_qml = ui::createMainEngine(*m_passengerScreen, *m_serviceMode, window, &qmlErrors);
    if (!m_qml) {
        m_touchscreenFailed = true;
        errors->append(QStringLiteral("the touchscreen did not load: %1")
                           .arg(qmlErrors.isEmpty() ? QStringLiteral("no window was created")
                                                    : qmlErrors.join(QStringLiteral("; "))));
        return false;
    }

    return true;
}

bool GateApplication::listenOnStatusSocket(QStringList *errors) {
    if (m_config.statusSocket.isEmpty())
        return true;
    m_statusServer = std::make_unique<StatusServer>([this] { return statusSnapshot(); });
    QString error;
    if (!m_statusServer->listen(m_config.statusSocket, &error)) {
        errors->append(QStringLiteral("status_socket: %1").arg(error));
        return false;
    }
    return true;
}

void GateApplication::announceReady(const QString &status) {
    m_systemd = std::make_unique<SystemdNotifier>(m_liveness.get());
    m_systemd->ready(status);
}

void GateApplication::watchGuiThread() {
    // Ticks well inside any sensible watchdog period (systemd/gate-app.service).
    constexpr int progressTickMs = 50;
    m_liveness = std::make_unique<ThreadLiveness>(progressTickMs);
    m_liveness->watch(QStringLiteral("gui"), thread());
}

void GateApplication::watchThreads() {
    // Half the lane watchdog's default second: a deciding thread stuck this
    // long stops the lane's heartbeat (docs/operations.md, Watchdog).
    constexpr int decidingStaleMs = 500;
    watchGuiThread();
    const auto deciding = m_liveness->watch(QStringLiteral("deciding"), &m_decideThread);
    m_devices.watchProgress(*m_liveness);
    m_devices.lane()->setSupervisorProgress(deciding, decidingStaleMs);
}

void GateApplication::connectScreens() {
    PassageCoordinator *coordinator = m_core->coordinator();
    LaneController *lane = m_core->lane();
    for (hal::CredentialSource *source : m_devices.credentialSources()) {
        connect(source, &hal::CredentialSource::rawRead, coordinator, &PassageCoordinator::present);
        connect(source, &hal::CredentialSource::readingHint, m_passengerScreen.get(),
                &ui::PassengerScreenModel::showReading);
        connect(source, &hal::CredentialSource::healthChanged, this,
                &GateApplication::updateHealth);
    }
    if (hal::ChipReader *chip = m_devices.chipReader()) {
        connect(coordinator, &PassageCoordinator::chipReadRequested, chip,
                &hal::ChipReader::readChip);
        connect(chip, &hal::ChipReader::chipRead, coordinator, &PassageCoordinator::chipRead);
    }
    connect(m_devices.lane(), &hal::LaneActuator::healthChanged, this,
            &GateApplication::updateHealth);
    connect(&m_devices, &DeviceHost::deviceFailed, this, &GateApplication::updateHealth);
    connect(coordinator, &PassageCoordinator::decided, m_presenter.get(),
            &ui::TouchscreenPresenter::showDecision);
    connect(coordinator, &PassageCoordinator::decided, &m_console, &ConsoleReporter::decided);
    connect(coordinator, &PassageCoordinator::barrierOpened, &m_console,
            &ConsoleReporter::barrierOpened);
    connect(coordinator, &PassageCoordinator::passageRecorded, &m_console,
            &ConsoleReporter::passageRecorded);
    connect(coordinator, &PassageCoordinator::passageRecorded, this,
            [this] { countTowardsExit(false, false); });
    connect(coordinator, &PassageCoordinator::decided, this,
            [this](const PassageReport &report) { countTowardsExit(true, report.decision.admit); });
    connect(lane, &LaneController::availabilityChanged, m_presenter.get(),
            &ui::TouchscreenPresenter::showLaneAvailability);
    connect(lane, &LaneController::fireAlarmChanged, m_serviceMode.get(),
            &ui::ServiceModeModel::setFireAlarm);
    m_passengerScreen->setWideLane(m_devices.lane()->traits().wide);
    // The audit record comes with the controller's alarm; staff hear a chime
    // and see the call on the panel until the button is released.
    connect(lane, &LaneController::staffCallChanged, m_presenter.get(),
            &ui::TouchscreenPresenter::announceStaffCall);
    connect(lane, &LaneController::staffCallChanged, this, [this](bool active) {
        m_board.setStaffCall(active);
        updateAlarms();
    });
    connect(m_core, &DecidingCore::laneStatus, this, [this](const LaneSnapshot &lane) {
        m_board.setLane(lane);
        m_serviceMode->setLaneCounters(laneStatusJson(lane).toVariantMap());
        updateAlarms();
    });
    connect(m_core, &DecidingCore::listStatus, this, [this](const ListStatus &status) {
        m_board.setList(status);
        m_serviceMode->setListInfo(status.seq, status.ageSecs);
    });
    connect(m_core, &DecidingCore::auditStatus, this, [this](const OutboxStatus &status) {
        m_board.setOutbox(status);
        m_serviceMode->setBacklog(status.backlog.rows);
        updateAlarms();
    });
    // Staff commands go through the coordinator, which audits their outcome.
    connect(m_serviceMode.get(), &ui::ServiceModeModel::laneCommandRequested, this,
            [coordinator](const QString &name, const QString &staffId) {
                const auto command = laneServiceCommandFromString(name);
                if (!command) {
                    qCWarning(lcGate).noquote()
                        << "unknown lane command from the service mode:" << name;
                    return;
                }
                QMetaObject::invokeMethod(coordinator, [coordinator, command, staffId] {
                    coordinator->serviceCommand(*command, staffId);
                });
            });
    connect(coordinator, &PassageCoordinator::serviceCommandFinished, m_serviceMode.get(),
            &ui::ServiceModeModel::setCommandOutcome);
    connect(m_serviceMode.get(), &ui::ServiceModeModel::syncNowRequested, this,
            [this, coordinator](const QString &staffId) {
                if (!m_sync) {
                    QMetaObject::invokeMethod(coordinator, [coordinator, staffId] {
                        coordinator->recordServiceOutcome(QStringLiteral("sync_now"), staffId,
                                                          QStringLiteral("refused"),
                                                          QStringLiteral("no_ticket_source"));
                    });
                    return;
                }
                m_syncNowStaff = staffId;
                m_sync->syncNow();
            });
    connect(coordinator, &PassageCoordinator::auditFailed, this, [this](const QString &error) {
        m_board.setAuditError(error);
        updateAlarms();
    });
    connect(coordinator, &PassageCoordinator::awaitingHolderDocument, m_passengerScreen.get(),
            &ui::PassengerScreenModel::showAwaitingDocument);
    connect(coordinator, &PassageCoordinator::readingChip, m_presenter.get(),
            &ui::TouchscreenPresenter::showReadingChip);
    connect(m_serviceMode.get(), &ui::ServiceModeModel::staffAction, coordinator,
            &PassageCoordinator::recordServiceAction);
}

void GateApplication::updateAlarms() {
    m_serviceMode->setAlarms(m_board.alarms());
}

void GateApplication::finishSyncNow(const sync::SyncResult &result) {
    if (m_syncNowStaff.isEmpty())
        return;
    const QString staffId = std::exchange(m_syncNowStaff, QString());
    const QString outcome = result.isRefusal() ? QStringLiteral("failed") : QStringLiteral("done");
    const QString reason = result.isRefusal() ? sync::toString(result.outcome) : QString();
    PassageCoordinator *coordinator = m_core->coordinator();
    QMetaObject::invokeMethod(coordinator, [coordinator, staffId, outcome, reason] {
        coordinator->recordServiceOutcome(QStringLiteral("sync_now"), staffId, outcome, reason);
    });
}

void GateApplication::updateHealth(const hal::DeviceHealth &health) {
    m_serviceMode->setDeviceHealth(m_board.setDeviceHealth(health));
}

void GateApplication::countTowardsExit(bool decision, bool admitted) {
    if (decision) {
        ++m_decisions;
        m_pendingPasses += admitted ? 1 : 0;
    } else {
        --m_pendingPasses;
    }
    if (m_exitAfterDecisions > 0 && m_decisions >= m_exitAfterDecisions && m_pendingPasses <= 0) {
        m_console.message(QStringLiteral("%1 decisions taken: stopping").arg(m_decisions));
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }
}

void GateApplication::onListSynced(const sync::SyncResult &result) {
    const QString outcome = sync::toString(result.outcome);
    if (result.changedList()) {
        qCInfo(lcGate).noquote() << "ticket list" << outcome << ": seq" << result.fromSeq << "->"
                                 << result.seq << "," << result.tickets << "tickets";
        QMetaObject::invokeMethod(m_core, &DecidingCore::reloadList);
    }
    // One alarm record per refusal that differs from the last sync's
    // outcome: a network cut retried every few seconds is one alarm, not
    // thousands.
    const QString previous = m_board.setLastSync(result, m_clock.nowSecs());
    if (result.isRefusal()) {
        qCWarning(lcGate).noquote() << "ticket list refused:" << outcome << result.detail;
        if (outcome != previous)
            QMetaObject::invokeMethod(m_core, [core = m_core, result, outcome] {
                core->recordAlarm(QStringLiteral("ticket_list_refused"),
                                  {{QStringLiteral("outcome"), outcome},
                                   {QStringLiteral("detail"), result.detail},
                                   {QStringLiteral("seq"), result.seq}});
            });
    }
    finishSyncNow(result);
    updateAlarms();
}

void GateApplication::onListAgeChanged(ListAge age) {
    m_board.setListAge(age);
    m_presenter->showListAge(age, m_board.list().ageSecs);
    if (age == ListAge::PastGrace || age == ListAge::PastHardLimit) {
        qCWarning(lcGate).noquote() << "ticket list" << toString(age);
        QMetaObject::invokeMethod(m_core, [core = m_core, age] {
            core->recordAlarm(QStringLiteral("ticket_list_") + toString(age), {});
        });
    }
    QMetaObject::invokeMethod(m_core, &DecidingCore::publishStatus);
    updateAlarms();
}

QJsonObject GateApplication::statusSnapshot() const {
    QJsonObject status = m_board.toJson();
    status.insert(QStringLiteral("screen"), m_passengerScreen->screenName());
    status.insert(QStringLiteral("service"),
                  QJsonObject{{QStringLiteral("locked"), m_pins->isLockedOut()},
                              {QStringLiteral("unlock_in_s"), m_pins->secondsUntilUnlock()}});
    if (m_shipper)
        status.insert(QStringLiteral("log_sync"), m_shipper->statusJson());
    if (!m_notCommissioned.isEmpty()) {
        QJsonArray missing;
        for (const CommissioningGap &gap : m_notCommissioned)
            missing.append(QJsonObject{{QStringLiteral("item"), gap.item},
                                       {QStringLiteral("key"), gap.key},
                                       {QStringLiteral("hint"), gap.hint}});
        status.insert(QStringLiteral("commissioning"),
                      QJsonObject{{QStringLiteral("state"), QStringLiteral("not_commissioned")},
                                  {QStringLiteral("config"), m_config.sourcePath},
                                  {QStringLiteral("missing"), missing}});
    }
    return status;
}

void GateApplication::stop() {
    if (m_systemd)
        m_systemd->stopping();
    m_devices.stopAll();
    if (m_decideThread.isRunning()) {
        m_decideThread.quit();
        m_decideThread.wait(); // its `finished` deleted the core
    } else {
        // A start that failed before the thread ran: nothing else frees the core.
        delete m_core;
    }
    m_core = nullptr;
    m_sync.reset();
    if (m_shipper)
        m_shipper->stop();
}

} // namespace gate
