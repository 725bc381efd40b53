#include "core/tickets/ticketstorereader.h"

#include "core/sqlite/sqlitestatement.h"
#include "core/tickets/storeschema.h"

#include <sqlite3.h>

namespace gate::tickets {

namespace {
constexpr const char *ticketColumns =
    "SELECT tid, trn, dep, arr, dpt, car, seat, cls, holder, status, nm, kind, eligible_until "
    "FROM tickets ";
} // namespace

// BEGIN and COMMIT here open and close the read snapshot of one decision
// (Snapshot): prepared once, since every passenger runs them. Writes use
// SqliteTransaction.
struct TicketStoreReader::Statements {
    explicit Statements(sqlite3 *db)
        : begin(db, "BEGIN")
        , commit(db, "COMMIT")
        , version(db, "SELECT seq, generated FROM list_state WHERE id = 1")
        , ticketByTid(db, (QByteArray(ticketColumns) + "WHERE tid = ?").constData())
        , ticketsByHolder(
              db, (QByteArray(ticketColumns) + "WHERE holder = ? ORDER BY dpt, tid").constData())
        , train(db, "SELECT trn, dpt, open, close, gates, status FROM trains "
                    "WHERE trn = ? AND dpt = ?")
        , uses(db, "SELECT tid, dir, at, gate FROM used WHERE tid = ?")
        , count(db, "SELECT count(*) FROM tickets")
        , station(db, "SELECT code, zh, en FROM stations WHERE code = ?") {}

    bool isValid() const {
        return begin.isValid() && commit.isValid() && version.isValid() && ticketByTid.isValid() &&
               ticketsByHolder.isValid() && train.isValid() && uses.isValid() && count.isValid() &&
               station.isValid();
    }

    SqliteStatement begin, commit, version, ticketByTid, ticketsByHolder, train, uses, count,
        station;
};

namespace {

TicketRecord ticketFromRow(const SqliteStatement &row) {
    TicketRecord ticket;
    ticket.tid = row.text(0);
    ticket.train = row.text(1);
    ticket.dep = row.text(2);
    ticket.arr = row.text(3);
    ticket.departure = row.integer(4);
    if (!row.isNull(5))
        ticket.car = quint32(row.integer(5));
    ticket.seat = row.text(6);
    ticket.seatClass = row.text(7);
    ticket.holder = row.text(8);
    ticket.status = row.text(9);
    ticket.maskedName = row.text(10);
    ticket.kind = row.text(11);
    if (!row.isNull(12))
        ticket.eligibleUntil = row.integer(12);
    return ticket;
}

} // namespace

TicketStoreReader::TicketStoreReader(sqlite3 *db, std::unique_ptr<Statements> statements)
    : m_db(db)
    , m_statements(std::move(statements)) {}

TicketStoreReader::~TicketStoreReader() {
    m_statements.reset();
    sqlite3_close(m_db);
}

std::unique_ptr<TicketStoreReader> TicketStoreReader::open(const QString &path, QString *error) {
    sqlite3 *db = openStoreDatabase(path, SQLITE_OPEN_READONLY, error);
    if (!db)
        return nullptr;
    auto statements = std::make_unique<Statements>(db);
    if (!statements->isValid()) {
        if (error)
            *error = QStringLiteral("%1 is not a ticket store: %2")
                         .arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        statements.reset();
        sqlite3_close(db);
        return nullptr;
    }
    return std::unique_ptr<TicketStoreReader>(new TicketStoreReader(db, std::move(statements)));
}

TicketStoreReader::Snapshot::Snapshot(const TicketStoreReader &reader)
    : m_reader(reader) {
    m_reader.m_statements->begin.reset().exec();
}

TicketStoreReader::Snapshot::~Snapshot() {
    m_reader.m_statements->commit.reset().exec();
}

const ListState &TicketStoreReader::state() const {
    // A refresh keeps the seq and brings a later `generated` with new
    // expires, keys and trust list: both identify the state.
    SqliteStatement &version = m_statements->version.reset();
    const bool found = version.step() == SQLITE_ROW;
    const qint64 seq = found ? version.integer(0) : 0;
    const qint64 generated = found ? version.integer(1) : 0;
    version.reset();
    if (seq != m_state.seq || generated != m_state.generated)
        m_state = readListState(m_db);
    return m_state;
}

std::optional<TicketRecord> TicketStoreReader::ticket(const QString &tid) const {
    SqliteStatement &query = m_statements->ticketByTid.reset().bind(1, tid);
    std::optional<TicketRecord> found;
    if (query.step() == SQLITE_ROW)
        found = ticketFromRow(query);
    query.reset();
    return found;
}

QList<TicketRecord> TicketStoreReader::ticketsOfHolder(const QString &holderKey) const {
    SqliteStatement &query = m_statements->ticketsByHolder.reset().bind(1, holderKey);
    QList<TicketRecord> tickets;
    // A holder has a handful of tickets; the cap keeps a hostile list from
    // turning one decision into a long scan.
    constexpr int maxTicketsPerHolder = 64;
    while (tickets.size() < maxTicketsPerHolder && query.step() == SQLITE_ROW)
        tickets << ticketFromRow(query);
    query.reset();
    return tickets;
}

std::optional<TrainRecord> TicketStoreReader::train(const QString &trn, qint64 dpt) const {
    SqliteStatement &query = m_statements->train.reset().bind(1, trn).bind(2, dpt);
    std::optional<TrainRecord> found;
    if (query.step() == SQLITE_ROW) {
        TrainRecord train;
        train.train = query.text(0);
        train.departure = query.integer(1);
        train.open = query.integer(2);
        train.close = query.integer(3);
        train.gates = query.text(4).split(u',', Qt::SkipEmptyParts);
        train.status = query.text(5);
        found = train;
    }
    query.reset();
    return found;
}

QList<UsedRecord> TicketStoreReader::uses(const QString &tid) const {
    SqliteStatement &query = m_statements->uses.reset().bind(1, tid);
    QList<UsedRecord> uses;
    while (query.step() == SQLITE_ROW)
        uses << UsedRecord{query.text(0), query.text(1), query.integer(2), query.text(3)};
    query.reset();
    return uses;
}

std::optional<StationRecord> TicketStoreReader::station(const QString &code) const {
    SqliteStatement &query = m_statements->station.reset().bind(1, code);
    std::optional<StationRecord> found;
    if (query.step() == SQLITE_ROW)
        found = StationRecord{query.text(0), query.text(1), query.text(2)};
    query.reset();
    return found;
}

qint64 TicketStoreReader::ticketCount() const {
    SqliteStatement &query = m_statements->count.reset();
    const qint64 count = query.step() == SQLITE_ROW ? query.integer(0) : 0;
    query.reset();
    return count;
}

} // namespace gate::tickets
