#include "core/sqlite/sqlitestatement.h"

#include <utility>

namespace gate {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) {
    prepare(db, sql);
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_statement);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)) {}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept {
    std::swap(m_statement, other.m_statement);
    return *this;
}

int SqliteStatement::prepare(sqlite3 *db, const char *sql) {
    finalize();
    const int rc =
        sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (rc != SQLITE_OK)
        finalize();
    return rc;
}

void SqliteStatement::finalize() {
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

SqliteStatement &SqliteStatement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 number) {
    sqlite3_bind_int64(m_statement, index, number);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &text) {
    return bindText(index, text.toUtf8());
}

SqliteStatement &SqliteStatement::bindText(int index, const QByteArray &utf8) {
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(int index, const QByteArray &blob) {
    sqlite3_bind_blob(m_statement, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

int SqliteStatement::step() {
    return sqlite3_step(m_statement);
}

bool SqliteStatement::exec() {
    int status;
    while ((status = step()) == SQLITE_ROW) {
    }
    return status == SQLITE_DONE;
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const {
    return QString::fromUtf8(bytes(column));
}

QByteArray SqliteStatement::bytes(int column) const {
    // sqlite3_column_blob gives the bytes of a TEXT value too; the length
    // must be asked after it, as the SQLite documentation requires.
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

int sqliteExec(sqlite3 *db, const char *sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

bool execSql(sqlite3 *db, const char *sql, QString *error) {
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

} // namespace gate
