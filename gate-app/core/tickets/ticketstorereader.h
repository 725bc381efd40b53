#pragma once

#include "core/tickets/liststate.h"
#include "core/tickets/ticketrecord.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace gate::tickets {

// The deciding thread's read-only connection, with its statements prepared
// once. WAL lets it keep reading the previous list while the sync thread
// applies a new one. Not thread-safe: one reader per deciding thread.
class TicketStoreReader {
public:
    static std::unique_ptr<TicketStoreReader> open(const QString &path, QString *error);
    ~TicketStoreReader();

    // Holds one read transaction, so every lookup of a decision sees the
    // same list even when the sync thread commits in between.
    class Snapshot {
    public:
        explicit Snapshot(const TicketStoreReader &reader);
        ~Snapshot();
        Snapshot(const Snapshot &) = delete;
        Snapshot &operator=(const Snapshot &) = delete;

    private:
        const TicketStoreReader &m_reader;
    };

    // Cached per seq and generation time: cheap to call for every decision.
    const ListState &state() const;
    std::optional<TicketRecord> ticket(const QString &tid) const;
    QList<TicketRecord> ticketsOfHolder(const QString &holderKey) const;
    std::optional<TrainRecord> train(const QString &trn, qint64 dpt) const;
    QList<UsedRecord> uses(const QString &tid) const;
    std::optional<StationRecord> station(const QString &code) const;
    qint64 ticketCount() const;

private:
    struct Statements;
    TicketStoreReader(sqlite3 *db, std::unique_ptr<Statements> statements);

    sqlite3 *m_db;
    std::unique_ptr<Statements> m_statements;
    mutable ListState m_state;
};

} // namespace gate::tickets
