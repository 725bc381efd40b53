#pragma once

#include "core/tickets/liststate.h"

#include <QString>

#include <sqlite3.h>

namespace gate::tickets {

// The ticket store's tables. One SQLite file (WAL), written only by the sync
// thread, read by the deciding thread through its own connection.
bool createStoreSchema(sqlite3 *db, QString *error);

// The single "state" row: seq, times, keys and ETag. Empty state when the
// store has never been brought to a list.
ListState readListState(sqlite3 *db);

// Opens `path` with `flags`, sets a busy timeout; nullptr and `error` on failure.
sqlite3 *openStoreDatabase(const QString &path, int flags, QString *error);

} // namespace gate::tickets
