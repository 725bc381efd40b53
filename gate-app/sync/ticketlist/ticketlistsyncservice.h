#pragma once

#include "core/clock.h"
#include "core/config/gateconfig.h"
#include "core/decision/listage.h"
#include "sync/ticketlist/syncoutcome.h"
#include "sync/ticketlist/ticketlistpuller.h"

#include <QObject>
#include <QThread>

namespace gate::sync {

struct TicketListSyncSettings {
    TicketListSource source;
    QString databasePath;
    int intervalSecs = 60;  // between syncs when all is well
    int firstRetrySecs = 5; // after a failure; doubles up to intervalSecs
    ListAgeLimits listAge;  // past `expires` by more than the grace: stale

    // The gate's `tickets` section, with its device key loaded; nothing when
    // the key cannot be read (`error` says why).
    static std::optional<TicketListSyncSettings> fromConfig(const GateConfig &config,
                                                            QString *error);
};

// Keeps the ticket store up to date from its own thread: a sync every
// interval, retries with exponential backoff after a failure, and the age of
// the list (expires + grace, expires + hard limit) watched and signalled.
// Deciding never waits for it: the deciding thread reads through its own
// connection. Every sync ends within its deadline, so a "sync now" asked
// for while one runs starts as soon as it ends.
class TicketListSyncService : public QObject {
    Q_OBJECT
public:
    TicketListSyncService(TicketListSyncSettings settings, const Clock &clock,
                          QObject *parent = nullptr);
    ~TicketListSyncService() override;

    void start();
    // A sync at once (service mode's "sync now"); the interval starts again after it.
    void syncNow();

signals:
    // Every sync's outcome; a refusal is an alarm (the data stays as it was).
    void synced(const gate::sync::SyncResult &result);
    // The list crossed a limit (expires + grace, expires + hard limit), or a
    // fresh one arrived.
    void listAgeChanged(gate::ListAge age);
    // The store could not be opened; no sync will run.
    void storeFailed(const QString &error);

private:
    class Worker;
    TicketListSyncSettings m_settings;
    const Clock &m_clock;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace gate::sync
