#include "sync/ticketlist/ticketlistsyncservice.h"

#include "core/tickets/ticketstorewriter.h"

#include <QTimer>

#include <algorithm>

namespace gate::sync {

// Everything that touches the writer connection, on the sync thread.
class TicketListSyncService::Worker : public QObject {
public:
    explicit Worker(TicketListSyncService &service)
        : m_service(service)
        , m_settings(service.m_settings) {}

    void start() {
        QString error;
        m_store = tickets::TicketStoreWriter::open(m_settings.databasePath, &error);
        if (!m_store) {
            TicketListSyncService *service = &m_service;
            QMetaObject::invokeMethod(service,
                                      [service, error] { emit service->storeFailed(error); });
            return;
        }
        m_puller = new TicketListPuller(m_settings.source, *m_store, this);
        connect(m_puller, &TicketListPuller::finished, this, &Worker::onSynced);
        m_next.setSingleShot(true);
        connect(&m_next, &QTimer::timeout, m_puller, &TicketListPuller::syncNow);
        // Staleness comes with time, not only with syncs.
        m_staleCheck.setInterval(30'000);
        connect(&m_staleCheck, &QTimer::timeout, this, &Worker::checkStaleness);
        m_staleCheck.start();
        checkStaleness();
        m_puller->syncNow();
    }

    // Staff asked for it: a sync now instead of at the next interval (a
    // sync under way already covers it).
    void syncNow() {
        if (!m_puller)
            return;
        m_next.stop();
        m_puller->syncNow();
    }

private:
    void onSynced(const SyncResult &result) {
        const bool failed = result.isRefusal();
        m_failures = failed ? std::min(m_failures + 1, 16) : 0;
        const qint64 backoff = qint64(m_settings.firstRetrySecs) << std::max(0, m_failures - 1);
        const qint64 delay =
            failed ? std::min<qint64>(backoff, m_settings.intervalSecs) : m_settings.intervalSecs;
        m_next.start(int(delay * 1000));
        checkStaleness();
        TicketListSyncService *service = &m_service;
        QMetaObject::invokeMethod(service, [service, result] { emit service->synced(result); });
    }

    void checkStaleness() {
        const tickets::ListState state = m_store->state();
        const bool stale = state.isEmpty() ||
                           m_service.m_clock.nowSecs() > state.expires + m_settings.staleGraceSecs;
        if (m_stale && *m_stale == stale)
            return;
        m_stale = stale;
        TicketListSyncService *service = &m_service;
        QMetaObject::invokeMethod(service, [service, stale] { emit service->staleChanged(stale); });
    }

    TicketListSyncService &m_service;
    const TicketListSyncSettings m_settings;
    std::unique_ptr<tickets::TicketStoreWriter> m_store;
    TicketListPuller *m_puller = nullptr;
    QTimer m_next{this};
    QTimer m_staleCheck{this};
    int m_failures = 0;
    std::optional<bool> m_stale;
};

TicketListSyncService::TicketListSyncService(TicketListSyncSettings settings, const Clock &clock,
                                             QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(clock) {
    m_thread.setObjectName(QStringLiteral("ticket-list sync"));
}

TicketListSyncService::~TicketListSyncService() {
    m_thread.quit();
    m_thread.wait();
}

void TicketListSyncService::start() {
    if (m_worker)
        return;
    m_worker = new Worker(*this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->start(); });
}

void TicketListSyncService::syncNow() {
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->syncNow(); });
}

} // namespace gate::sync
