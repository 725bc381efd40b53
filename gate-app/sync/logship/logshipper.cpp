#include "sync/logship/logshipper.h"

#include "core/audit/auditstore.h"
#include "sync/logship/relpbatchsender.h"
#include "sync/logship/syslogformat.h"

#include <QDateTime>
#include <QSysInfo>

#include <csignal>

namespace gate {

namespace {

constexpr int idlePollMs = 1000;

} // namespace

QString logShipperConnectionName(LogShipper::Connection connection) {
    switch (connection) {
    case LogShipper::Connection::Starting:
        return QStringLiteral("starting");
    case LogShipper::Connection::Delivering:
        return QStringLiteral("delivering");
    case LogShipper::Connection::Retrying:
        return QStringLiteral("retrying");
    case LogShipper::Connection::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

LogShipper::LogShipper(QString databasePath, QString gateId, LogShipSettings settings,
                       QString hostname)
    : m_databasePath(std::move(databasePath))
    , m_gateId(std::move(gateId))
    , m_settings(std::move(settings))
    , m_hostname(hostname.isEmpty() ? QSysInfo::machineHostName() : std::move(hostname)) {}

LogShipper::~LogShipper() {
    stop();
}

bool LogShipper::start(QString *error) {
    if (m_thread.joinable())
        return true;
    m_store = std::make_unique<AuditStore>();
    if (!m_store->open(m_databasePath, m_gateId, m_settings.outboxOptions(), error))
        return false;
    // A collector that vanishes mid-write must give an error, not a SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    m_sender = std::make_unique<RelpBatchSender>(m_settings);
    {
        const std::lock_guard lock(m_mutex);
        m_stopRequested = false;
        m_status = Status{};
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void LogShipper::stop() {
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_sender->abort();
    m_wakeUp.notify_all();
    m_thread.join();
    m_sender.reset();
    m_store.reset();
    const std::lock_guard lock(m_mutex);
    m_status.connection = Connection::Stopped;
}

void LogShipper::wake() {
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wakeUp.notify_all();
}

void LogShipper::waitFor(int milliseconds) {
    std::unique_lock lock(m_mutex);
    m_wakeUp.wait_for(lock, std::chrono::milliseconds(milliseconds),
                      [this] { return m_stopRequested || m_woken; });
    m_woken = false;
}

void LogShipper::run() {
    int retryDelayMs = m_settings.retryMinMs;
    for (;;) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopRequested)
                return;
        }
        QString error;
        if (shipOneBatch(&error)) {
            retryDelayMs = m_settings.retryMinMs;
            continue; // drain the backlog without pausing
        }
        if (error.isEmpty()) {
            waitFor(idlePollMs);
            continue;
        }
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopRequested)
                return; // the batch was abandoned on purpose
        }
        setFailure(error);
        // A wake() does not cut a backoff short: new records are no reason to
        // hammer a collector that is down.
        std::unique_lock lock(m_mutex);
        m_wakeUp.wait_for(lock, std::chrono::milliseconds(retryDelayMs),
                          [this] { return m_stopRequested; });
        retryDelayMs = std::min(retryDelayMs * 2, m_settings.retryMaxMs);
    }
}

bool LogShipper::shipOneBatch(QString *error) {
    const AuditStore::Backlog backlog = m_store->backlog();
    {
        const std::lock_guard lock(m_mutex);
        m_status.shippedSeq = backlog.shippedSeq;
        m_status.backlogRows = backlog.rows;
        m_status.backlogBytes = backlog.bytes;
        m_status.oldestPendingAt = backlog.oldestAt;
    }
    if (backlog.rows == 0)
        return false;
    const QList<AuditEvent> events = m_store->pending(backlog.shippedSeq, m_settings.batch);
    if (events.isEmpty())
        return false;
    QList<QByteArray> messages;
    messages.reserve(events.size());
    for (const AuditEvent &event : events)
        messages.append(formatSyslogRecord(event, m_gateId, m_hostname));
    if (!m_sender->send(messages, error))
        return false;
    if (!m_store->acknowledge(events.last().seq, error))
        return false;
    m_store->checkpoint();

    const std::lock_guard lock(m_mutex);
    if (m_status.connection == Connection::Retrying)
        qInfo("log shipping to %s:%u resumed at seq %lld", qPrintable(m_settings.host),
              unsigned(m_settings.port), events.first().seq);
    m_status.connection = Connection::Delivering;
    m_status.lastError.clear();
    m_status.lastDeliveryAt = QDateTime::currentSecsSinceEpoch();
    m_status.shippedSeq = events.last().seq;
    return true;
}

void LogShipper::setFailure(const QString &error) {
    const std::lock_guard lock(m_mutex);
    if (m_status.connection != Connection::Retrying)
        qWarning("log shipping to %s:%u interrupted, reason=collector_unreachable: %s",
                 qPrintable(m_settings.host), unsigned(m_settings.port), qPrintable(error));
    m_status.connection = Connection::Retrying;
    m_status.lastError = error;
}

LogShipper::Status LogShipper::status() const {
    const std::lock_guard lock(m_mutex);
    return m_status;
}

QJsonObject LogShipper::statusJson() const {
    const Status current = status();
    QJsonObject json{{QStringLiteral("connection"), logShipperConnectionName(current.connection)},
                     {QStringLiteral("collector"),
                      QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port)},
                     {QStringLiteral("shipped_seq"), current.shippedSeq},
                     {QStringLiteral("backlog"), current.backlogRows},
                     {QStringLiteral("backlog_bytes"), current.backlogBytes}};
    if (current.oldestPendingAt)
        json.insert(QStringLiteral("oldest_pending_at"), *current.oldestPendingAt);
    if (current.lastDeliveryAt)
        json.insert(QStringLiteral("last_delivery_at"), *current.lastDeliveryAt);
    if (!current.lastError.isEmpty())
        json.insert(QStringLiteral("last_error"), current.lastError);
    return json;
}

} // namespace gate
