#pragma once

#include "core/tickets/liststate.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

struct sqlite3;

namespace gate::tickets {

// Hard limit of records in one bundle file (a snapshot of a large station
// holds about 1,000,000 tickets plus trains).
constexpr qint64 maxRecordsPerFile = 4'000'000;

// A verified list to bring the store to: the record files (gzip, already
// checked against the manifest's size and sha256) in the order to apply.
struct ListUpdate {
    ListState state; // the new seq, times, keys, trust list and ETag
    bool replaceAll; // the first file is a snapshot: drop everything first
    QList<QByteArrayView> files;
};

struct ApplyStats {
    qint64 records = 0;
    qint64 tickets = 0; // tickets in the store after the update
};

// The sync thread's connection. Each apply() is one SQLite transaction:
// readers see the previous list until it commits, and a crash at any point
// leaves the previous or the new state.
class TicketStoreWriter {
public:
    // Creates the file and schema when missing.
    static std::unique_ptr<TicketStoreWriter> open(const QString &path, QString *error);
    ~TicketStoreWriter();

    ListState state() const;
    qint64 ticketCount() const;
    // On a malformed record nothing changes; `error` names file and line.
    std::optional<ApplyStats> apply(const ListUpdate &update, QString *error);
    // Records a new ETag for the list already held (same seq served again).
    bool setEtag(const QByteArray &etag);

private:
    explicit TicketStoreWriter(sqlite3 *db);
    bool applyFile(QByteArrayView gzip, qint64 *records, QString *error);
    bool writeState(const ListState &state);

    sqlite3 *m_db;
};

} // namespace gate::tickets
