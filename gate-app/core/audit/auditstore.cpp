#include "core/audit/auditstore.h"

#include "core/sqlite/sqlitetransaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace gate {

namespace {

// A record larger than this is a programming error upstream, not an event.
constexpr qsizetype maxFieldsBytes = 16 * 1024;
constexpr int schemaVersion = 1;

// Keys that would carry a document number; the audit trail holds holder keys only.
const QStringList &forbiddenFieldKeys() {
    static const QStringList keys{
        QStringLiteral("number"),   QStringLiteral("document_number"),
        QStringLiteral("identity"), QStringLiteral("previous_number"),
        QStringLiteral("mrz"),
    };
    return keys;
}

// An admission's commit reaches the disk before the barrier opens: a power
// cut must not lose the ticket's use and let the code work a second time.
// Set before BEGIN and restored after COMMIT (declare it before the
// SqliteTransaction, so that it outlives it).
class DurableCommit {
public:
    DurableCommit(sqlite3 *db, bool durable)
        : m_db(durable ? db : nullptr) {
        if (m_db)
            sqliteExec(m_db, "PRAGMA synchronous=FULL");
    }
    ~DurableCommit() {
        if (m_db)
            sqliteExec(m_db, "PRAGMA synchronous=NORMAL");
    }
    DurableCommit(const DurableCommit &) = delete;
    DurableCommit &operator=(const DurableCommit &) = delete;

private:
    sqlite3 *m_db;
};

const char unrecordedKey[] = "unrecorded";

bool isOutOfSpace(int rc) {
    return (rc & 0xff) == SQLITE_FULL;
}

} // namespace

AuditStore::AuditStore() = default;

AuditStore::~AuditStore() {
    close();
}

bool AuditStore::fail(int rc, const QString &what, QString *error) const {
    if (!error)
        return false;
    const QString detail =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_FULL:
        *error =
            QStringLiteral("audit store %1: %2: storage is full (%3)").arg(m_path, what, detail);
        break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        *error = QStringLiteral("audit store %1: %2: the file is corrupt or not an audit "
                                "database (%3); move it aside and restore a backup")
                     .arg(m_path, what, detail);
        break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        *error = QStringLiteral("audit store %1: %2: cannot write (%3)").arg(m_path, what, detail);
        break;
    default:
        *error = QStringLiteral("audit store %1: %2: %3").arg(m_path, what, detail);
    }
    return false;
}

bool AuditStore::open(const QString &path, const QString &gateId, QString *error) {
    return open(path, gateId, Options{}, error);
}

bool AuditStore::open(const QString &path, const QString &gateId, const Options &options,
                      QString *error) {
    close();
    m_path = path;
    m_options = options;
    m_storageFull = false;
    if (gateId.isEmpty()) {
        *error = QStringLiteral("audit store %1: no gate id given").arg(path);
        return false;
    }
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir()) {
        *error = QStringLiteral("audit store %1: folder %2 does not exist")
                     .arg(path, folder.absoluteFilePath());
        return false;
    }
    // SQLite needs to create the -wal and -shm files next to the database.
    if (!folder.isWritable()) {
        *error = QStringLiteral("audit store %1: folder %2 is not writable")
                     .arg(path, folder.absoluteFilePath());
        return false;
    }
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, QStringLiteral("open"), error);
        close();
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);
    if (!createSchema(gateId, error) || !prepareStatements(error)) {
        close();
        return false;
    }
    m_gateId = gateId;
    m_haveUnrecorded = !unrecorded().isEmpty();
    return true;
}

bool AuditStore::createSchema(const QString &gateId, QString *error) {
    int rc = sqliteExec(m_db, "PRAGMA journal_mode=WAL");
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("journal mode"), error);
    sqliteExec(m_db, "PRAGMA synchronous=NORMAL");
    if (!m_options.checkpointOnCommit)
        sqlite3_wal_autocheckpoint(m_db, 0);
    if (m_options.maxDatabaseBytes > 0) {
        const QByteArray pragma = QByteArrayLiteral("PRAGMA max_page_count=") +
                                  QByteArray::number(m_options.maxDatabaseBytes / 4096);
        sqliteExec(m_db, "PRAGMA page_size=4096");
        sqliteExec(m_db, pragma.constData());
    }
    SqliteTransaction transaction(m_db);
    if ((rc = transaction.begin()) != SQLITE_OK)
        return fail(rc, QStringLiteral("schema"), error);
    rc = sqliteExec(m_db, R"(
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS events(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            at INTEGER NOT NULL,
            fields TEXT NOT NULL,
            total_bytes INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_type ON events(type, seq);
        CREATE TABLE IF NOT EXISTS ticket_uses(
            tid TEXT NOT NULL, entry INTEGER NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY(tid, entry)) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta VALUES('shipped_seq', 0);
    )");
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("schema"), error);

    SqliteStatement readMeta;
    readMeta.prepare(m_db, "SELECT value FROM meta WHERE key=?1");
    SqliteStatement writeMeta;
    writeMeta.prepare(m_db, "INSERT INTO meta VALUES(?1, ?2)");
    for (const auto &[key, expected] :
         {std::pair{QByteArrayLiteral("gate_id"), gateId.toUtf8()},
          std::pair{QByteArrayLiteral("schema_version"), QByteArray::number(schemaVersion)}}) {
        rc = readMeta.reset().bindText(1, key).step();
        if (rc == SQLITE_ROW) {
            const QByteArray found = readMeta.bytes(0);
            readMeta.reset();
            if (found != expected) {
                *error = QStringLiteral("audit store %1: holds %2 \"%3\", expected \"%4\"")
                             .arg(m_path, QString::fromUtf8(key), QString::fromUtf8(found),
                                  QString::fromUtf8(expected));
                return false;
            }
        } else if (rc == SQLITE_DONE) {
            rc = writeMeta.reset().bindText(1, key).bindText(2, expected).step();
            if (rc != SQLITE_DONE)
                return fail(rc, QStringLiteral("schema"), error);
        } else {
            return fail(rc, QStringLiteral("schema"), error);
        }
    }
    if ((rc = transaction.commit()) != SQLITE_OK)
        return fail(rc, QStringLiteral("schema"), error);
    return true;
}

bool AuditStore::prepareStatements(QString *error) {
    const std::pair<SqliteStatement *, const char *> statements[] = {
        {&m_lastEvent, "SELECT seq, total_bytes FROM events ORDER BY seq DESC LIMIT 1"},
        {&m_eventTotalAt, "SELECT total_bytes FROM events WHERE seq=?1"},
        {&m_oldestPendingAt, "SELECT at FROM events WHERE seq>?1 ORDER BY seq LIMIT 1"},
        {&m_shippedSeq, "SELECT value FROM meta WHERE key='shipped_seq'"},
        {&m_insertEvent,
         "INSERT INTO events(type, at, fields, total_bytes) VALUES(?1, ?2, ?3, ?4)"},
        {&m_insertUse, "INSERT OR REPLACE INTO ticket_uses VALUES(?1, ?2, ?3)"},
        {&m_useAt, "SELECT at FROM ticket_uses WHERE tid=?1 AND entry=?2"},
        {&m_recent,
         "SELECT seq, type, at, fields FROM events WHERE type=?1 ORDER BY seq DESC LIMIT ?2"},
        {&m_pending, "SELECT seq, type, at, fields FROM events WHERE seq>?1 ORDER BY seq LIMIT ?2"},
        {&m_setShipped, "UPDATE meta SET value=?1 WHERE key='shipped_seq' AND value<?1"},
        {&m_prune, "DELETE FROM events WHERE seq<=?1"},
        {&m_readMeta, "SELECT value FROM meta WHERE key=?1"},
        {&m_writeMeta, "INSERT OR REPLACE INTO meta VALUES(?1, ?2)"},
        {&m_deleteMeta, "DELETE FROM meta WHERE key=?1"},
    };
    for (const auto &[statement, sql] : statements) {
        const int rc = statement->prepare(m_db, sql);
        if (rc != SQLITE_OK)
            return fail(rc, QStringLiteral("prepare"), error);
    }
    return true;
}

void AuditStore::close() {
    for (SqliteStatement *statement :
         {&m_lastEvent, &m_eventTotalAt, &m_oldestPendingAt, &m_shippedSeq, &m_insertEvent,
          &m_insertUse, &m_useAt, &m_recent, &m_pending, &m_setShipped, &m_prune, &m_readMeta,
          &m_writeMeta, &m_deleteMeta})
        statement->finalize();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_gateId.clear();
    m_backlogBound.reset();
}

std::optional<qint64> AuditStore::insertEvent(const AuditEvent &event, const QByteArray &fieldsJson,
                                              int *rc) {
    qint64 previousTotal = 0;
    *rc = m_lastEvent.reset().step();
    if (*rc == SQLITE_ROW)
        previousTotal = m_lastEvent.integer(1);
    m_lastEvent.reset();
    if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
        return std::nullopt;
    *rc = m_insertEvent.reset()
              .bind(1, auditEventTypeName(event.type))
              .bind(2, event.at)
              .bindText(3, fieldsJson)
              .bind(4, previousTotal + fieldsJson.size())
              .step();
    if (*rc != SQLITE_DONE)
        return std::nullopt;
    return sqlite3_last_insert_rowid(m_db);
}

std::optional<qint64> AuditStore::append(const AuditEvent &event, QString *error,
                                         const QList<TicketUse> &uses) {
    if (!m_db) {
        *error = QStringLiteral("audit store is not open");
        return std::nullopt;
    }
    for (const QString &key : forbiddenFieldKeys()) {
        if (event.fields.contains(key)) {
            *error = QStringLiteral("audit record field \"%1\" would hold a document number; "
                                    "record a holder key instead")
                         .arg(key);
            return std::nullopt;
        }
    }
    const QByteArray fieldsJson = QJsonDocument(event.fields).toJson(QJsonDocument::Compact);
    if (fieldsJson.size() > maxFieldsBytes) {
        *error = QStringLiteral("audit record fields are %1 bytes, more than %2")
                     .arg(fieldsJson.size())
                     .arg(maxFieldsBytes);
        return std::nullopt;
    }

    // Counts of records left out while full go first, once there is room.
    if (m_haveUnrecorded && !writeUnrecordedCount(event.at, error))
        return std::nullopt;

    const Backlog before = backlog();
    qint64 alarmBytes = -1; // the nearly-full alarm written with this record, if any
    const DurableCommit durable(m_db, !uses.isEmpty());
    SqliteTransaction transaction(m_db);
    int rc = transaction.begin();
    std::optional<qint64> seq;
    if (rc == SQLITE_OK)
        seq = insertEvent(event, fieldsJson, &rc);
    for (const TicketUse &use : uses) {
        if (!seq)
            break;
        rc = m_insertUse.reset().bind(1, use.tid).bind(2, qint64(use.entry)).bind(3, use.at).step();
        if (rc != SQLITE_DONE)
            seq.reset();
    }
    if (seq && crossesNearlyFull(before, fieldsJson.size())) {
        const AuditEvent alarm{0, AuditEventType::Alarm, event.at,
                               QJsonObject{{QStringLiteral("reason"), "outbox_nearly_full"},
                                           {QStringLiteral("backlog_rows"), before.rows + 1},
                                           {QStringLiteral("max_rows"), m_options.maxRows},
                                           {QStringLiteral("max_bytes"), m_options.maxBytes}}};
        const QByteArray alarmJson = QJsonDocument(alarm.fields).toJson(QJsonDocument::Compact);
        if (!insertEvent(alarm, alarmJson, &rc))
            seq.reset();
        else
            alarmBytes = alarmJson.size();
        if (seq)
            qWarning("audit outbox nearly full: %lld of %lld records unshipped, reason=%s",
                     before.rows + 2, m_options.maxRows, "outbox_nearly_full");
    }
    if (seq)
        rc = transaction.commit();
    if (!seq || rc != SQLITE_OK) {
        m_storageFull = isOutOfSpace(rc);
        fail(rc, QStringLiteral("append"), error);
        return std::nullopt;
    }
    m_storageFull = false;
    Backlog after = before;
    after.rows += alarmBytes < 0 ? 1 : 2;
    after.bytes += fieldsJson.size() + std::max<qint64>(alarmBytes, 0);
    m_backlogBound = after;
    return seq;
}

QJsonObject AuditStore::unrecorded() const {
    if (!m_db || m_readMeta.reset().bindText(1, unrecordedKey).step() != SQLITE_ROW) {
        m_readMeta.reset();
        return {};
    }
    const QJsonObject counts = QJsonDocument::fromJson(m_readMeta.bytes(0)).object();
    m_readMeta.reset();
    return counts;
}

bool AuditStore::countUnrecorded(AuditEventType type, qint64 at, QString *error) {
    if (!m_db) {
        *error = QStringLiteral("audit store is not open");
        return false;
    }
    QJsonObject counts = unrecorded();
    const bool first = counts.isEmpty();
    const QString name = auditEventTypeName(type);
    counts.insert(name, counts.value(name).toInteger() + 1);
    SqliteTransaction transaction(m_db);
    int rc = transaction.begin();
    if (rc == SQLITE_OK && first) {
        // The one record past the limit: ops learn that the gate stopped
        // recording, and why, before the counts come.
        const Backlog now = backlog();
        const QJsonObject alarm{{QStringLiteral("reason"), QStringLiteral("outbox_full")},
                                {QStringLiteral("backlog_rows"), now.rows},
                                {QStringLiteral("backlog_bytes"), now.bytes},
                                {QStringLiteral("max_rows"), m_options.maxRows},
                                {QStringLiteral("max_bytes"), m_options.maxBytes}};
        if (!insertEvent({0, AuditEventType::Alarm, at, alarm},
                         QJsonDocument(alarm).toJson(QJsonDocument::Compact), &rc))
            rc = rc == SQLITE_DONE ? SQLITE_ERROR : rc;
        else
            qWarning("audit outbox full: %lld records, %lld bytes unshipped; records are counted, "
                     "not written, until the collector catches up, reason=%s",
                     now.rows, now.bytes, "outbox_full");
    }
    if (rc == SQLITE_OK || rc == SQLITE_DONE)
        rc = m_writeMeta.reset()
                 .bindText(1, unrecordedKey)
                 .bindText(2, QJsonDocument(counts).toJson(QJsonDocument::Compact))
                 .step();
    if (rc == SQLITE_DONE)
        rc = transaction.commit();
    if (rc != SQLITE_OK) {
        m_storageFull = isOutOfSpace(rc);
        return fail(rc, QStringLiteral("count unrecorded"), error);
    }
    m_haveUnrecorded = true;
    m_backlogBound.reset();
    return true;
}

bool AuditStore::writeUnrecordedCount(qint64 at, QString *error) {
    if (!m_haveUnrecorded || full())
        return true;
    const QJsonObject counts = unrecorded();
    const QJsonObject fields{{QStringLiteral("reason"), QStringLiteral("outbox_recovered")},
                             {QStringLiteral("unrecorded"), counts}};
    SqliteTransaction transaction(m_db);
    int rc = transaction.begin();
    if (rc == SQLITE_OK && !insertEvent({0, AuditEventType::System, at, fields},
                                        QJsonDocument(fields).toJson(QJsonDocument::Compact), &rc))
        rc = rc == SQLITE_DONE ? SQLITE_ERROR : rc;
    if (rc == SQLITE_OK || rc == SQLITE_DONE)
        rc = m_deleteMeta.reset().bindText(1, unrecordedKey).step();
    if (rc == SQLITE_DONE)
        rc = transaction.commit();
    if (rc != SQLITE_OK) {
        m_storageFull = isOutOfSpace(rc);
        return fail(rc, QStringLiteral("write unrecorded count"), error);
    }
    m_haveUnrecorded = false;
    m_backlogBound.reset();
    return true;
}

std::optional<qint64> AuditStore::localUseAt(const QString &tid, bool entry) const {
    if (!m_db)
        return std::nullopt;
    if (m_useAt.reset().bind(1, tid).bind(2, qint64(entry)).step() != SQLITE_ROW)
        return std::nullopt;
    const qint64 at = m_useAt.integer(0);
    m_useAt.reset();
    return at;
}

namespace {

QList<AuditEvent> readEvents(SqliteStatement &statement) {
    QList<AuditEvent> events;
    while (statement.step() == SQLITE_ROW) {
        const auto type = auditEventTypeFromName(statement.text(1));
        if (!type)
            continue; // written by a newer version; not ours to interpret
        events.append({statement.integer(0), *type, statement.integer(2),
                       QJsonDocument::fromJson(statement.bytes(3)).object()});
    }
    return events;
}

} // namespace

QList<AuditEvent> AuditStore::recentEvents(AuditEventType type, int count) const {
    if (!m_db)
        return {};
    m_recent.reset().bind(1, auditEventTypeName(type)).bind(2, qint64(count));
    return readEvents(m_recent);
}

QList<AuditEvent> AuditStore::pending(qint64 afterSeq, int limit) const {
    if (!m_db)
        return {};
    m_pending.reset().bind(1, afterSeq).bind(2, qint64(limit));
    return readEvents(m_pending);
}

qint64 AuditStore::shippedSeq() const {
    if (!m_db || m_shippedSeq.reset().step() != SQLITE_ROW)
        return 0;
    const qint64 seq = m_shippedSeq.integer(0);
    m_shippedSeq.reset();
    return seq;
}

bool AuditStore::acknowledge(qint64 uptoSeq, QString *error) {
    if (!m_db) {
        *error = QStringLiteral("audit store is not open");
        return false;
    }
    SqliteTransaction transaction(m_db);
    int rc = transaction.begin();
    if (rc == SQLITE_OK) {
        rc = m_setShipped.reset().bind(1, uptoSeq).step();
        if (rc == SQLITE_DONE) {
            // The row at the cursor stays: its running total gives the backlog's size.
            const qint64 keep = std::max<qint64>(1, m_options.retainedShippedRows);
            rc = m_prune.reset().bind(1, shippedSeq() - keep).step();
        }
        if (rc == SQLITE_DONE)
            rc = transaction.commit();
    }
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("acknowledge"), error);
    m_storageFull = false;
    return true;
}

AuditStore::Backlog AuditStore::backlog() const {
    Backlog result;
    if (!m_db)
        return result;
    result.shippedSeq = shippedSeq();
    qint64 lastTotal = 0;
    if (m_lastEvent.reset().step() == SQLITE_ROW) {
        result.lastSeq = m_lastEvent.integer(0);
        lastTotal = m_lastEvent.integer(1);
    }
    m_lastEvent.reset();
    qint64 shippedTotal = 0;
    if (result.shippedSeq > 0 &&
        m_eventTotalAt.reset().bind(1, result.shippedSeq).step() == SQLITE_ROW)
        shippedTotal = m_eventTotalAt.integer(0);
    m_eventTotalAt.reset();
    // Sequence numbers have no gaps (AUTOINCREMENT inside the appending transaction).
    result.rows = std::max<qint64>(0, result.lastSeq - result.shippedSeq);
    result.bytes = std::max<qint64>(0, lastTotal - shippedTotal);
    if (result.rows > 0 &&
        m_oldestPendingAt.reset().bind(1, result.shippedSeq).step() == SQLITE_ROW)
        result.oldestAt = m_oldestPendingAt.integer(0);
    m_oldestPendingAt.reset();
    return result;
}

bool AuditStore::isNearlyFull(const Backlog &backlog) const {
    return backlog.rows * 5 >= m_options.maxRows * 4 || backlog.bytes * 5 >= m_options.maxBytes * 4;
}

bool AuditStore::crossesNearlyFull(const Backlog &before, qint64 addedBytes) const {
    Backlog after = before;
    after.rows += 1;
    after.bytes += addedBytes;
    return !isNearlyFull(before) && isNearlyFull(after);
}

bool AuditStore::nearlyFull() const {
    return m_storageFull || isNearlyFull(backlog());
}

bool AuditStore::exceedsLimits(const Backlog &backlog) const {
    return backlog.rows >= m_options.maxRows || backlog.bytes >= m_options.maxBytes;
}

bool AuditStore::full() const {
    if (m_storageFull)
        return true;
    if (m_backlogBound && !exceedsLimits(*m_backlogBound))
        return false;
    m_backlogBound = backlog(); // full by the bound: the shipper may have caught up since
    return exceedsLimits(*m_backlogBound);
}

void AuditStore::checkpoint() {
    if (m_db)
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

} // namespace gate
