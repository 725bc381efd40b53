#pragma once

#include <sqlite3.h>

namespace gate {

// A write transaction that rolls back unless commit() succeeded. IMMEDIATE
// takes the write lock at begin(), so that a busy database is found before
// any work is done, not at the commit.
class SqliteTransaction {
public:
    explicit SqliteTransaction(sqlite3 *db)
        : m_db(db) {}
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    int begin(); // SQLite's result code
    int commit();

private:
    sqlite3 *m_db;
    bool m_open = false;
};

} // namespace gate
