#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace gate::tickets {

// A prepared SQLite statement that binds by position (1-based) and resets
// itself before each use, so one instance serves every lookup of a thread.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }

    SqliteStatement &reset();
    SqliteStatement &bind(int index, const QString &text);
    SqliteStatement &bind(int index, const QByteArray &blob);
    SqliteStatement &bind(int index, qint64 number);
    SqliteStatement &bindNull(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Runs to completion; true when it finished without an error.
    bool exec();

    bool isNull(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3_stmt *m_statement = nullptr;
};

// Runs SQL without results (schema, pragmas, transaction control).
bool execSql(sqlite3 *db, const char *sql, QString *error = nullptr);

} // namespace gate::tickets
