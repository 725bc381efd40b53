#pragma once

#include "consolereporter.h"
#include "core/audit/auditstore.h"
#include "core/clock.h"
#include "core/config/commissioning.h"
#include "core/config/gateconfig.h"
#include "core/decision/listage.h"
#include "core/service/lockoutstore.h"
#include "core/service/pinverifier.h"
#include "demolauncher.h"
#include "devicehost.h"
#include "gatestatusboard.h"
#include "hal/plugincatalog.h"
#include "sync/logship/logshipsettings.h"
#include "sync/ticketlist/syncoutcome.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>

#include <memory>

class QQmlApplicationEngine;

namespace gate {

class DecidingCore;
class LogShipper;
class StatusServer;
class SystemdNotifier;
class ThreadLiveness;
namespace sync {
class TicketListSyncService;
struct SyncResult;
} // namespace sync
namespace ui {
class CuePlayer;
class PassengerScreenModel;
class ServiceModeModel;
class TouchscreenPresenter;
} // namespace ui

// The whole gate, wired: configuration → device plugins on their threads →
// the deciding core on its thread → sync and log shipping on theirs → the
// touchscreen, the console, the status socket and systemd.
class GateApplication : public QObject {
    Q_OBJECT
public:
    // Every part of the gate tells time by `clock` (a test clock runs the
    // whole gate); it outlives the gate.
    explicit GateApplication(const Clock &clock);
    ~GateApplication() override;

    // A valid configuration that is not commissioned yet starts the gate out
    // of service (startNotCommissioned); an invalid one does not start it.
    bool startConfigured(const QString &configPath, QStringList *errors);
    // The embedded demo; `stateDir` empty: a temporary folder.
    bool startDemo(const QString &stateDir, QStringList *errors);
    // Quit after this many decisions, once no authorised pass is pending.
    void exitAfter(int decisions) { m_exitAfterDecisions = decisions; }
    // The start failed on the QML screens (a missing QML module, a broken
    // file), not on the configuration: a restart may help, editing will not.
    bool touchscreenFailed() const { return m_touchscreenFailed; }

private:
    bool start(const GateConfig &config, QStringList *errors);
    // The deciding core with its stores, not yet on its thread's event loop.
    bool createCore(const AuditStore::Options &auditOptions, QStringList *errors);
    // The ticket list's sync from `tickets.source`, where the gate has one.
    bool createListSync(QStringList *errors);
    bool startLogShipper(const LogShipSettings &settings, QStringList *errors);
    // Up without devices, stores or sync: the out-of-service screen, the
    // status socket and systemd's STATUS= name what to commission, and the
    // gate stays up rather than exiting into systemd's restart loop.
    bool startNotCommissioned(const GateConfig &config, const QList<CommissioningGap> &gaps,
                              QStringList *errors);
    // The service PINs, the screen models and the QML touchscreen.
    bool createTouchscreen(QStringList *errors);
    bool listenOnStatusSocket(QStringList *errors);
    void announceReady(const QString &status);
    void watchGuiThread();
    void watchThreads();
    void connectScreens();
    void updateHealth(const hal::DeviceHealth &health);
    // The service panel's alarms: the lane's last one, a full outbox, an audit
    // failure, a refused list, a list past a limit.
    void updateAlarms();
    // A staff "sync now" is audited with the outcome of the sync that followed it.
    void finishSyncNow(const sync::SyncResult &result);
    void countTowardsExit(bool decision, bool admitted);
    QJsonObject statusSnapshot() const;
    void onListSynced(const sync::SyncResult &result);
    void onListAgeChanged(ListAge age);
    void stop();

    const Clock &m_clock;
    GateConfig m_config;
    std::unique_ptr<DemoLauncher> m_demo;
    int m_exitAfterDecisions = 0; // 0: run until stopped
    int m_decisions = 0;
    int m_pendingPasses = 0;
    bool m_touchscreenFailed = false;
    QList<CommissioningGap> m_notCommissioned;

    hal::PluginCatalog m_catalog;
    std::unique_ptr<ThreadLiveness> m_liveness;
    DeviceHost m_devices;
    QThread m_decideThread;
    DecidingCore *m_core = nullptr; // lives on m_decideThread
    std::unique_ptr<sync::TicketListSyncService> m_sync;
    std::unique_ptr<LogShipper> m_shipper;
    std::unique_ptr<service::LockoutStore> m_lockoutStore;
    std::unique_ptr<service::PinVerifier> m_pins;
    std::unique_ptr<ui::PassengerScreenModel> m_passengerScreen;
    std::unique_ptr<ui::ServiceModeModel> m_serviceMode;
    std::unique_ptr<ui::CuePlayer> m_cues;
    std::unique_ptr<ui::TouchscreenPresenter> m_presenter;
    std::unique_ptr<QQmlApplicationEngine> m_qml;
    ConsoleReporter m_console;
    std::unique_ptr<StatusServer> m_statusServer;
    std::unique_ptr<SystemdNotifier> m_systemd;

    GateStatusBoard m_board{m_config};
    QString m_syncNowStaff; // staff waiting for the outcome of "sync now"
};

} // namespace gate
