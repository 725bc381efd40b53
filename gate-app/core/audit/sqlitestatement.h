#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace gate {

// A prepared statement that finalizes itself; bind() and step() return SQLite
// result codes so that callers can tell a full disk from a corrupt file.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    int prepare(sqlite3 *db, const char *sql);
    void finalize();

    // Clears bindings and the previous result; every use starts with it, and a
    // read that stops before SQLITE_DONE ends with it, or the connection keeps
    // its read snapshot (WAL) and never sees other connections' commits.
    SqliteStatement &reset();
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, const QByteArray &utf8);
    int step(); // SQLITE_ROW, SQLITE_DONE or an error

    qint64 int64(int column) const;
    QByteArray text(int column) const;

private:
    sqlite3_stmt *m_statement = nullptr;
};

// Runs SQL without results (schema, pragmas, BEGIN/COMMIT).
int sqliteExec(sqlite3 *db, const char *sql);

} // namespace gate
