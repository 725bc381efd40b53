#include "core/sqlite/sqlitetransaction.h"

#include "core/sqlite/sqlitestatement.h"

namespace gate {

SqliteTransaction::~SqliteTransaction() {
    if (m_open)
        sqliteExec(m_db, "ROLLBACK");
}

int SqliteTransaction::begin() {
    const int rc = sqliteExec(m_db, "BEGIN IMMEDIATE");
    m_open = rc == SQLITE_OK;
    return rc;
}

int SqliteTransaction::commit() {
    const int rc = sqliteExec(m_db, "COMMIT");
    m_open = rc != SQLITE_OK;
    return rc;
}

} // namespace gate
