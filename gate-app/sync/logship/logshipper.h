#pragma once

#include "sync/logship/logshipsettings.h"

#include <QJsonObject>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace gate {

class AuditStore;
class RelpBatchSender;

// Ships the audit outbox to the ops collector over RELP, on a thread of its
// own with its own database connection, so that a decision never waits on the
// network. Records go out in order, at least once: the shipping cursor moves
// only after the collector acknowledged a batch, so a crash, a dropped
// connection or a collector restart re-sends what was not acknowledged, and
// the collector drops repeats by gate id + seq (docs/operations.md).
class LogShipper {
public:
    enum class Connection { Starting, Delivering, Retrying, Stopped };

    struct Status {
        Connection connection = Connection::Starting;
        QString lastError;
        qint64 shippedSeq = 0;
        qint64 backlogRows = 0;
        qint64 backlogBytes = 0;
        std::optional<qint64> oldestPendingAt; // Unix seconds
        std::optional<qint64> lastDeliveryAt;  // Unix seconds
    };

    LogShipper(QString databasePath, QString gateId, LogShipSettings settings,
               QString hostname = {});
    LogShipper(const LogShipper &) = delete;
    LogShipper &operator=(const LogShipper &) = delete;
    ~LogShipper();

    // Opens the shipper's connection to the audit store and starts the thread.
    bool start(QString *error);
    // Finishes the batch in flight (or abandons it, unacknowledged) and joins.
    void stop();
    // Tells the thread that new records are waiting (else it polls every second).
    void wake();

    Status status() const;
    QJsonObject statusJson() const; // for the status socket

private:
    void run();
    bool shipOneBatch(QString *error); // false when nothing was delivered
    void setFailure(const QString &error);
    void waitFor(int milliseconds);

    QString m_databasePath;
    QString m_gateId;
    LogShipSettings m_settings;
    QString m_hostname;
    std::unique_ptr<AuditStore> m_store;
    std::unique_ptr<RelpBatchSender> m_sender;
    std::thread m_thread;

    mutable std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_stopRequested = false;
    bool m_woken = false;
    Status m_status;
};

QString logShipperConnectionName(LogShipper::Connection connection);

} // namespace gate
