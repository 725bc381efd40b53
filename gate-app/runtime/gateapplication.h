#pragma once

#include "consolereporter.h"
#include "core/clock.h"
#include "core/config/gateconfig.h"
#include "core/passage/passagereport.h"
#include "core/service/pinverifier.h"
#include "demolauncher.h"
#include "devicehost.h"
#include "hal/plugincatalog.h"

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
namespace sync {
class TicketListSyncService;
}
namespace ui {
class CuePlayer;
class PassengerScreenModel;
class ServiceModeModel;
} // namespace ui

// The whole gate, wired: configuration → device plugins on their threads →
// the deciding core on its thread → sync and log shipping on theirs → the
// touchscreen, the console, the status socket and systemd.
class GateApplication : public QObject {
    Q_OBJECT
public:
    GateApplication();
    ~GateApplication() override;

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
    void connectScreens();
    void showDecision(const PassageReport &report);
    void updateHealth(const hal::DeviceHealth &health);
    void countTowardsExit(bool decision, bool admitted);
    QJsonObject statusSnapshot() const;
    void stop();

    SystemClock m_clock;
    GateConfig m_config;
    std::unique_ptr<DemoLauncher> m_demo;
    int m_exitAfterDecisions = 0; // 0: run until stopped
    int m_decisions = 0;
    int m_pendingPasses = 0;
    bool m_touchscreenFailed = false;

    hal::PluginCatalog m_catalog;
    DeviceHost m_devices;
    QThread m_decideThread;
    DecidingCore *m_core = nullptr; // lives on m_decideThread
    std::unique_ptr<sync::TicketListSyncService> m_sync;
    std::unique_ptr<LogShipper> m_shipper;
    std::unique_ptr<service::PinVerifier> m_pins;
    std::unique_ptr<ui::PassengerScreenModel> m_passengerScreen;
    std::unique_ptr<ui::ServiceModeModel> m_serviceMode;
    std::unique_ptr<ui::CuePlayer> m_cues;
    std::unique_ptr<QQmlApplicationEngine> m_qml;
    ConsoleReporter m_console;
    std::unique_ptr<StatusServer> m_statusServer;
    std::unique_ptr<SystemdNotifier> m_systemd;

    PassageReport m_lastReport; // shown again when the passenger switches language
    QJsonObject m_listStatus;
    QJsonObject m_auditStatus;
    QJsonObject m_laneStatus;
    QHash<QString, QJsonObject> m_deviceHealth;
};

} // namespace gate
