#include "core/tickets/ticketstorewriter.h"

#include "core/sqlite/sqlitestatement.h"
#include "core/sqlite/sqlitetransaction.h"
#include "core/tickets/gziplinereader.h"
#include "core/tickets/storeschema.h"
#include "core/tickets/ticketrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace gate::tickets {

namespace {

// Statements of one apply, prepared once per transaction.
struct ApplyStatements {
    explicit ApplyStatements(sqlite3 *db)
        : ticket(db, "INSERT OR REPLACE INTO tickets (tid, trn, dep, arr, dpt, car, seat, cls, "
                     "holder, status, nm, kind, eligible_until) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , train(db, "INSERT OR REPLACE INTO trains (trn, dpt, open, close, gates, status) "
                    "VALUES (?, ?, ?, ?, ?, ?)")
        , used(db, "INSERT OR REPLACE INTO used (tid, dir, at, gate) VALUES (?, ?, ?, ?)")
        , remove(db, "DELETE FROM tickets WHERE tid = ?")
        , station(db, "INSERT OR REPLACE INTO stations (code, zh, en) VALUES (?, ?, ?)") {}

    bool isValid() const {
        return ticket.isValid() && train.isValid() && used.isValid() && remove.isValid() &&
               station.isValid();
    }

    bool store(const TicketRecord &record) {
        ticket.reset()
            .bind(1, record.tid)
            .bind(2, record.train)
            .bind(3, record.dep)
            .bind(4, record.arr)
            .bind(5, record.departure)
            .bind(7, record.seat)
            .bind(8, record.seatClass)
            .bind(9, record.holder)
            .bind(10, record.status)
            .bind(11, record.maskedName)
            .bind(12, record.kind);
        if (record.car)
            ticket.bind(6, qint64(*record.car));
        if (record.eligibleUntil)
            ticket.bind(13, *record.eligibleUntil);
        return ticket.exec();
    }
    bool store(const TrainRecord &record) {
        return train.reset()
            .bind(1, record.train)
            .bind(2, record.departure)
            .bind(3, record.open)
            .bind(4, record.close)
            .bind(5, record.gates.join(u','))
            .bind(6, record.status)
            .exec();
    }
    bool store(const UsedRecord &record) {
        return used.reset()
            .bind(1, record.tid)
            .bind(2, record.dir)
            .bind(3, record.at)
            .bind(4, record.gate)
            .exec();
    }
    bool store(const DeleteRecord &record) { return remove.reset().bind(1, record.tid).exec(); }
    bool store(const StationRecord &record) {
        return station.reset().bind(1, record.code).bind(2, record.zh).bind(3, record.en).exec();
    }

    SqliteStatement ticket, train, used, remove, station;
};

QByteArray bindKeysJson(const QList<KeyEntry> &keys) {
    QJsonArray array;
    for (const KeyEntry &key : keys)
        array.append(QJsonObject{{QStringLiteral("id"), qint64(key.id)},
                                 {QStringLiteral("key"), QString::fromLatin1(key.key.toBase64())}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

TicketStoreWriter::TicketStoreWriter(sqlite3 *db)
    : m_db(db) {}

TicketStoreWriter::~TicketStoreWriter() {
    sqlite3_close(m_db);
}

std::unique_ptr<TicketStoreWriter> TicketStoreWriter::open(const QString &path, QString *error) {
    sqlite3 *db = openStoreDatabase(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (!db)
        return nullptr;
    // FULL: a committed list survives a power cut, so the ETag and seq kept
    // on disk always describe the records kept on disk.
    if (!createStoreSchema(db, error) || !execSql(db, "PRAGMA synchronous = FULL", error) ||
        !execSql(db, "PRAGMA cache_size = -65536", error)) {
        sqlite3_close(db);
        return nullptr;
    }
    return std::unique_ptr<TicketStoreWriter>(new TicketStoreWriter(db));
}

ListState TicketStoreWriter::state() const {
    return readListState(m_db);
}

qint64 TicketStoreWriter::ticketCount() const {
    SqliteStatement count(m_db, "SELECT count(*) FROM tickets");
    return count.step() == SQLITE_ROW ? count.integer(0) : 0;
}

bool TicketStoreWriter::applyFile(QByteArrayView gzip, qint64 *records, QString *error) {
    ApplyStatements statements(m_db);
    if (!statements.isValid()) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    GzipLineReader lines(gzip, maxRecordLineBytes);
    QByteArray line;
    qint64 lineNumber = 0;
    while (lines.nextLine(&line)) {
        ++lineNumber;
        if (lineNumber > maxRecordsPerFile) {
            *error = QStringLiteral("more than %1 records").arg(maxRecordsPerFile);
            return false;
        }
        QString recordError;
        const std::optional<Record> record = parseRecordLine(line, &recordError);
        if (!record) {
            *error = QStringLiteral("line %1: %2").arg(lineNumber).arg(recordError);
            return false;
        }
        const bool stored = std::visit(
            [&statements](const auto &value) { return statements.store(value); }, *record);
        if (!stored) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
    }
    if (!lines.error().isEmpty()) {
        *error = lines.error();
        return false;
    }
    *records += lineNumber;
    return true;
}

bool TicketStoreWriter::writeState(const ListState &state) {
    return SqliteStatement(m_db, "INSERT OR REPLACE INTO list_state (id, station, seq, generated, "
                                 "expires, list_key_id, list_key, bind_keys, keys_json, etag, "
                                 "manifest_sha256) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, state.station)
        .bind(2, state.seq)
        .bind(3, state.generated)
        .bind(4, state.expires)
        .bind(5, qint64(state.listKey.id))
        .bindBlob(6, state.listKey.key)
        .bindText(7, bindKeysJson(state.bindKeys))
        .bindBlob(8, state.keysJson)
        .bindBlob(9, state.etag)
        .bindBlob(10, state.manifestSha256)
        .exec();
}

std::optional<ApplyStats> TicketStoreWriter::apply(const ListUpdate &update, QString *error) {
    SqliteTransaction transaction(m_db);
    if (transaction.begin() != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return std::nullopt;
    }
    QString failure;
    // A snapshot replaces everything. Building the holder index once after
    // the inserts is several times faster than keeping it up to date.
    bool ok = !update.replaceAll ||
              execSql(m_db,
                      "DROP INDEX IF EXISTS tickets_by_holder; DELETE FROM tickets; "
                      "DELETE FROM trains; DELETE FROM used; DELETE FROM stations;",
                      &failure);
    ApplyStats stats;
    for (qsizetype i = 0; ok && i < update.files.size(); ++i) {
        ok = applyFile(update.files.at(i), &stats.records, &failure);
        if (!ok)
            failure = QStringLiteral("file %1: %2").arg(i + 1).arg(failure);
    }
    if (ok && update.replaceAll)
        ok = execSql(m_db, "CREATE INDEX tickets_by_holder ON tickets(holder)", &failure);
    if (ok && !writeState(update.state)) {
        failure = QString::fromUtf8(sqlite3_errmsg(m_db));
        ok = false;
    }
    if (ok)
        stats.tickets = ticketCount();
    if (ok && transaction.commit() != SQLITE_OK) {
        failure = QString::fromUtf8(sqlite3_errmsg(m_db));
        ok = false;
    }
    if (ok) {
        // A snapshot went through the WAL whole: copy it into the database
        // now and give the disk space back (waits for readers, never blocks them).
        if (update.replaceAll)
            execSql(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        return stats;
    }
    *error = failure;
    return std::nullopt;
}

bool TicketStoreWriter::setEtag(const QByteArray &etag) {
    return SqliteStatement(m_db, "UPDATE list_state SET etag = ? WHERE id = 1")
        .bindBlob(1, etag)
        .exec();
}

} // namespace gate::tickets
