#include "sync/ticketlist/ticketlistsyncservice.h"

#include "core/tickets/devicekey.h"
#include "core/tickets/ticketstorewriter.h"

#include <QTimer>

#include <algorithm>

namespace gate::sync {

std::optional<TicketListSyncSettings> TicketListSyncSettings::fromConfig(const GateConfig &config,
                                                                         QString *error) {
    TicketListSyncSettings settings;
    settings.source.stationUrl = QUrl(config.tickets.source);
    settings.source.rootKey = config.tickets.rootKey;
    settings.source.station = config.station;
    settings.source.deviceKey = tickets::DeviceKey::load(config.tickets.deviceKey, error);
    if (!settings.source.deviceKey)
        return std::nullopt;
    settings.databasePath = config.tickets.database;
    settings.intervalSecs = config.tickets.intervalSecs;
    settings.listAge = {config.tickets.staleGraceSecs, config.tickets.staleHardLimitSecs};
    return settings;
}

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
        // The list ages with time, not only with syncs.
        m_ageCheck.setInterval(30'000);
        connect(&m_ageCheck, &QTimer::timeout, this, &Worker::checkAge);
        m_ageCheck.start();
        checkAge();
        m_puller->syncNow();
    }

    // Staff asked for it: a sync now instead of at the next interval. While
    // one runs (it ends within its deadline), a new one follows it at once:
    // the running one may have fetched its manifest before the change that
    // staff are waiting for.
    void syncNow() {
        if (!m_puller)
            return;
        m_next.stop();
        if (m_puller->isRunning()) {
            m_syncAgain = true;
            return;
        }
        m_puller->syncNow();
    }

private:
    void onSynced(const SyncResult &result) {
        if (m_syncAgain) {
            m_syncAgain = false;
            QMetaObject::invokeMethod(m_puller, &TicketListPuller::syncNow, Qt::QueuedConnection);
        }
        const bool failed = result.isRefusal();
        m_failures = failed ? std::min(m_failures + 1, 16) : 0;
        const qint64 backoff = qint64(m_settings.firstRetrySecs) << std::max(0, m_failures - 1);
        const qint64 delay =
            failed ? std::min<qint64>(backoff, m_settings.intervalSecs) : m_settings.intervalSecs;
        m_next.start(int(delay * 1000));
        checkAge();
        TicketListSyncService *service = &m_service;
        QMetaObject::invokeMethod(service, [service, result] { emit service->synced(result); });
    }

    void checkAge() {
        const ListAge age =
            listAgeOf(m_store->state(), m_service.m_clock.nowSecs(), m_settings.listAge);
        if (m_age && *m_age == age)
            return;
        m_age = age;
        TicketListSyncService *service = &m_service;
        QMetaObject::invokeMethod(service, [service, age] { emit service->listAgeChanged(age); });
    }

    TicketListSyncService &m_service;
    const TicketListSyncSettings m_settings;
    std::unique_ptr<tickets::TicketStoreWriter> m_store;
    TicketListPuller *m_puller = nullptr;
    QTimer m_next{this};
    QTimer m_ageCheck{this};
    int m_failures = 0;
    bool m_syncAgain = false;
    std::optional<ListAge> m_age;
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
