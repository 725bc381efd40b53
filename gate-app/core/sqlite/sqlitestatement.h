#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace gate {

// A prepared SQLite statement that finalizes itself and binds by position
// (1-based). Every use starts with reset(): a read that stops before
// SQLITE_DONE must end with it too, or the connection keeps its read snapshot
// (WAL) and never sees other connections' commits. step() and prepare()
// return SQLite's result codes, so that callers can tell a full disk from a
// corrupt file.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, const char *sql); // isValid() tells whether it prepared
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    int prepare(sqlite3 *db, const char *sql);
    void finalize();
    bool isValid() const { return m_statement != nullptr; }

    SqliteStatement &reset();
    SqliteStatement &bind(int index, qint64 number);
    SqliteStatement &bind(int index, const QString &text);
    // Bytes are bound as what they are: a TEXT value compares equal only to
    // TEXT, so say which.
    SqliteStatement &bind(int index, const QByteArray &) = delete;
    SqliteStatement &bindText(int index, const QByteArray &utf8);
    SqliteStatement &bindBlob(int index, const QByteArray &blob);

    int step();  // SQLITE_ROW, SQLITE_DONE or an error
    bool exec(); // runs to completion; true when it finished without an error

    bool isNull(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const;
    QByteArray bytes(int column) const; // a BLOB, or the UTF-8 of a TEXT
private:
    sqlite3_stmt *m_statement = nullptr;
};

// Runs SQL without results (schema, pragmas, transaction control); the SQLite result code.
int sqliteExec(sqlite3 *db, const char *sql);
// The same, with SQLite's message in `error` when it fails.
bool execSql(sqlite3 *db, const char *sql, QString *error = nullptr);

} // namespace gate
