#pragma once

#include "core/audit/auditevent.h"
#include "core/sqlite/sqlitestatement.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gate {

// The gate's audit trail and the outbox the log shipper drains (docs/operations.md).
//
// One SQLite file in WAL mode, separate from the ticket store. Each thread opens
// its own AuditStore on the same file: the deciding thread appends, the shipper
// reads pending records and acknowledges them. An append is one short
// transaction. One that marks a ticket used (an admission) commits with
// synchronous=FULL, so that a power cut cannot lose it and let the code work
// twice; others with synchronous=NORMAL: a committed record survives a crash of
// the process, a power cut may lose the last commits, never corrupt the file.
//
// Outbox policy: records are never dropped. When the unshipped backlog reaches
// Options::maxRows or maxBytes, full() turns true and the application refuses
// new admissions (the lane goes out of service) until the shipper catches up.
// While full, only records that complete an admission already recorded (its
// passage) are appended; every other record is counted instead
// (countUnrecorded()), the first of them writing the one "outbox_full" alarm,
// and the counts go out as one "outbox_recovered" record as soon as there is
// room again. At 80 % nearlyFull() turns true and an "outbox_nearly_full" alarm
// record is written.
class AuditStore {
public:
    struct Options {
        qint64 maxRows = 500'000;            // unshipped records
        qint64 maxBytes = 256 << 20;         // unshipped record payload
        qint64 retainedShippedRows = 10'000; // a short local history once shipped (recentEvents)
        qint64 maxDatabaseBytes = 0;         // hard cap on the file (0: the disk's size)
        // The shipper's connection checkpoints the WAL (checkpoint()), so that
        // the deciding thread never pays for it; a store used without a
        // shipper keeps SQLite's automatic checkpoints.
        bool checkpointOnCommit = true;
    };

    struct Backlog {
        qint64 rows = 0;
        qint64 bytes = 0;
        qint64 lastSeq = 0;
        qint64 shippedSeq = 0;
        std::optional<qint64> oldestAt; // of the oldest unshipped record
    };

    AuditStore();
    AuditStore(const AuditStore &) = delete;
    AuditStore &operator=(const AuditStore &) = delete;
    ~AuditStore();

    // Opens or creates the store of gate `gateId`. A file of another gate, an
    // unwritable folder, a full disk or a corrupt file fail with a clear error.
    bool open(const QString &path, const QString &gateId, QString *error);
    bool open(const QString &path, const QString &gateId, const Options &options, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString gateId() const { return m_gateId; }

    // Appends one record (its seq and type/at/fields; event.seq is ignored)
    // and, in the same transaction, the ticket uses it implies (one, or every
    // ticket of a party). Returns the new sequence number, or nothing with
    // `error` set (neither the record nor any use was written).
    std::optional<qint64> append(const AuditEvent &event, QString *error,
                                 const QList<TicketUse> &uses = {});

    // While full(): counts one record of `type` that was not written, in the
    // store itself (the count survives a restart) without appending a row.
    // The first count since the outbox filled writes the "outbox_full" alarm.
    bool countUnrecorded(AuditEventType type, qint64 at, QString *error);
    // The records counted and not written yet, by type name ("decision": 12).
    QJsonObject unrecorded() const;
    // Once there is room again: writes the counts as one "outbox_recovered"
    // system record and clears them. A no-op while full or with nothing counted.
    bool writeUnrecordedCount(qint64 at, QString *error);

    // Unix time of the last local use of `tid` in that direction (anti-passback).
    std::optional<qint64> localUseAt(const QString &tid, bool entry) const;
    // Newest first.
    QList<AuditEvent> recentEvents(AuditEventType type, int count) const;

    // Outbox: oldest first, records with seq > afterSeq.
    QList<AuditEvent> pending(qint64 afterSeq, int limit) const;
    // Moves the shipping cursor to `uptoSeq` (only forward) once the collector
    // acknowledged everything up to it, and prunes old shipped records.
    bool acknowledge(qint64 uptoSeq, QString *error);
    qint64 shippedSeq() const;
    Backlog backlog() const;
    bool nearlyFull() const;
    bool full() const;

    // Moves committed WAL pages into the database file without blocking writers.
    void checkpoint();

private:
    bool fail(int rc, const QString &what, QString *error) const;
    bool prepareStatements(QString *error);
    bool createSchema(const QString &gateId, QString *error);
    std::optional<qint64> insertEvent(const AuditEvent &event, const QByteArray &fieldsJson,
                                      int *rc);
    bool crossesNearlyFull(const Backlog &before, qint64 addedBytes) const;
    bool isNearlyFull(const Backlog &backlog) const;
    bool exceedsLimits(const Backlog &backlog) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_gateId;
    Options m_options;
    bool m_storageFull = false; // the last write ran out of space
    // An upper bound of the backlog, so that full() need not read it for
    // every decision: only the deciding thread's store appends, and the
    // shipper's acknowledgements only ever shrink the backlog.
    mutable std::optional<Backlog> m_backlogBound;
    mutable SqliteStatement m_lastEvent;
    mutable SqliteStatement m_eventTotalAt;
    mutable SqliteStatement m_oldestPendingAt;
    mutable SqliteStatement m_shippedSeq;
    mutable SqliteStatement m_insertEvent;
    mutable SqliteStatement m_insertUse;
    mutable SqliteStatement m_useAt;
    mutable SqliteStatement m_recent;
    mutable SqliteStatement m_pending;
    mutable SqliteStatement m_setShipped;
    mutable SqliteStatement m_prune;
    mutable SqliteStatement m_readMeta;
    mutable SqliteStatement m_writeMeta;
    mutable SqliteStatement m_deleteMeta;
    bool m_haveUnrecorded = false; // cached: a count waits to be written
};

} // namespace gate
