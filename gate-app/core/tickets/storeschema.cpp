#include "core/tickets/storeschema.h"

#include "core/sqlite/sqlitestatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gate::tickets {

namespace {

constexpr const char *schemaSql = R"sql(
CREATE TABLE IF NOT EXISTS tickets (
  tid TEXT PRIMARY KEY, trn TEXT NOT NULL, dep TEXT NOT NULL, arr TEXT NOT NULL,
  dpt INTEGER NOT NULL, car INTEGER, seat TEXT NOT NULL, cls TEXT NOT NULL,
  holder TEXT NOT NULL, status TEXT NOT NULL, nm TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'adult', eligible_until INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tickets_by_holder ON tickets(holder);
CREATE TABLE IF NOT EXISTS trains (
  trn TEXT NOT NULL, dpt INTEGER NOT NULL, open INTEGER NOT NULL, close INTEGER NOT NULL,
  gates TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (trn, dpt)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS used (
  tid TEXT NOT NULL, dir TEXT NOT NULL, at INTEGER NOT NULL, gate TEXT NOT NULL,
  PRIMARY KEY (tid, dir)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stations (
  code TEXT PRIMARY KEY, zh TEXT NOT NULL, en TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS list_state (
  id INTEGER PRIMARY KEY CHECK (id = 1), station TEXT NOT NULL, seq INTEGER NOT NULL,
  generated INTEGER NOT NULL, expires INTEGER NOT NULL, list_key_id INTEGER NOT NULL,
  list_key BLOB NOT NULL, bind_keys TEXT NOT NULL, keys_json BLOB NOT NULL, etag BLOB NOT NULL,
  manifest_sha256 BLOB NOT NULL DEFAULT x''
);
)sql";

// Version 2 remembers the applied manifest's hash (replay detection). A
// version-1 store gains the column empty: the first list of format 2 is then
// new bytes, applied as a refresh or a new seq, or refused as a replay.
// Version 3 knows ticket kinds and station names; an older store's tickets
// become adult tickets until the next snapshot brings their kinds.
constexpr int schemaVersion = 3;

QList<KeyEntry> bindKeysFromJson(const QByteArray &json) {
    QList<KeyEntry> keys;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject object = value.toObject();
        keys << KeyEntry{
            quint32(object.value(QLatin1String("id")).toInteger()),
            QByteArray::fromBase64(object.value(QLatin1String("key")).toString().toLatin1())};
    }
    return keys;
}

} // namespace

bool createStoreSchema(sqlite3 *db, QString *error) {
    if (!execSql(db, "PRAGMA journal_mode = WAL", error) || !execSql(db, schemaSql, error))
        return false;
    SqliteStatement version(db, "PRAGMA user_version");
    const qint64 current = version.step() == SQLITE_ROW ? version.integer(0) : 0;
    version.reset();
    if (current == 1 &&
        !execSql(db, "ALTER TABLE list_state ADD COLUMN manifest_sha256 BLOB NOT NULL DEFAULT x''",
                 error))
        return false;
    if (current >= 1 && current < 3 &&
        !execSql(db,
                 "ALTER TABLE tickets ADD COLUMN kind TEXT NOT NULL DEFAULT 'adult'; "
                 "ALTER TABLE tickets ADD COLUMN eligible_until INTEGER",
                 error))
        return false;
    const QByteArray setVersion =
        QByteArray("PRAGMA user_version = ") + QByteArray::number(schemaVersion);
    return current == schemaVersion || execSql(db, setVersion.constData(), error);
}

ListState readListState(sqlite3 *db) {
    SqliteStatement query(
        db, "SELECT station, seq, generated, expires, list_key_id, list_key, "
            "bind_keys, keys_json, etag, manifest_sha256 FROM list_state WHERE id = 1");
    ListState state;
    if (!query.isValid() || query.step() != SQLITE_ROW)
        return state;
    state.station = query.text(0);
    state.seq = query.integer(1);
    state.generated = query.integer(2);
    state.expires = query.integer(3);
    state.listKey = KeyEntry{quint32(query.integer(4)), query.bytes(5)};
    state.bindKeys = bindKeysFromJson(query.bytes(6));
    state.keysJson = query.bytes(7);
    state.etag = query.bytes(8);
    state.manifestSha256 = query.bytes(9);
    return state;
}

sqlite3 *openStoreDatabase(const QString &path, int flags, QString *error) {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2")
                         .arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

} // namespace gate::tickets
