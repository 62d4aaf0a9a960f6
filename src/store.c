/* store.c: opening the database, migrating its schema, transactions and errors. */
#include "store_internal.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000
#define BUSY_RETRIES 20

int store_fail(struct store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
    return -1;
}

int store_sql_fail(struct store *st, const char *what)
{
    return store_fail(st, "%s: %s", what, sqlite3_errmsg(st->db));
}

const char *store_error(const struct store *st)
{
    return st->err;
}

const char *store_path(const struct store *st)
{
    return st->path;
}

bool store_is_read_only(const struct store *st)
{
    return st->read_only;
}

bool store_read_only_by_itself(const struct store *st)
{
    return st->read_only_by_itself;
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        store_sql_fail(st, "cannot read the database");
        return NULL;
    }
    return stmt;
}

char *store_column_text(sqlite3_stmt *stmt, int col)
{
    const unsigned char *text = sqlite3_column_text(stmt, col);
    return text ? xstrdup((const char *)text) : NULL;
}

int store_check_writable(struct store *st)
{
    if (!st->read_only)
        return 0;
    if (st->read_only_by_itself)
        return store_fail(st, "%s is read-only (the file is not writable)", st->path);
    return store_fail(st, "%s is open read-only", st->path);
}

/* Runs a statement that may meet SQLITE_BUSY even past the busy timeout (a
 * BEGIN IMMEDIATE or a COMMIT while another process writes), retrying. */
static int exec_retrying(struct store *st, const char *sql)
{
    int rc;
    for (int attempt = 0; attempt < BUSY_RETRIES; attempt++) {
        rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(50);
    }
    return rc;
}

int store_begin(struct store *st)
{
    if (store_check_writable(st) < 0)
        return -1;
    if (exec_retrying(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return store_sql_fail(st, "cannot start writing");
    return 0;
}

int store_commit(struct store *st)
{
    if (exec_retrying(st, "COMMIT") != SQLITE_OK) {
        store_sql_fail(st, "cannot save");
        store_rollback(st);
        return -1;
    }
    return 0;
}

void store_rollback(struct store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Reads one integer pragma. */
static int read_pragma(struct store *st, const char *sql, int *value)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *value = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_NOTADB)
        return store_fail(st, "%s is not a SQLite database", st->path);
    return store_sql_fail(st, st->path);
}

static int count_tables(struct store *st, int *count)
{
    return read_pragma(st, "SELECT count(*) FROM sqlite_schema", count);
}

/* Refuses files that are not ours or are newer than this program. */
static int check_identity(struct store *st, int *version)
{
    int app_id, tables;
    if (read_pragma(st, "PRAGMA application_id", &app_id) < 0 ||
        read_pragma(st, "PRAGMA user_version", version) < 0 || count_tables(st, &tables) < 0)
        return -1;
    if ((app_id != 0 && app_id != STORE_APPLICATION_ID) ||
        (app_id == 0 && tables > 0))
        return store_fail(st, "%s is not a samesong database", st->path);
    if (*version > STORE_SCHEMA_VERSION)
        return store_fail(st,
                          "%s was written by a newer samesong (schema %d; this one knows up "
                          "to %d); upgrade samesong to open it",
                          st->path, *version, STORE_SCHEMA_VERSION);
    return 0;
}

static int migrate(struct store *st, int version)
{
    if (version == STORE_SCHEMA_VERSION)
        return 0;
    if (st->read_only)
        return store_fail(st, "%s needs its schema upgraded; open it once without --read-only",
                          st->path);
    if (store_begin(st) < 0)
        return -1;
    /* Another process may have migrated while we waited for the lock. */
    if (read_pragma(st, "PRAGMA user_version", &version) < 0)
        goto fail;
    for (; version < STORE_SCHEMA_VERSION; version++) {
        if (sqlite3_exec(st->db, store_migrations[version], NULL, NULL, NULL) != SQLITE_OK) {
            store_sql_fail(st, "cannot upgrade the database schema");
            goto fail;
        }
    }
    char *sql = xasprintf("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                          STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    free(sql);
    if (rc != SQLITE_OK) {
        store_sql_fail(st, "cannot upgrade the database schema");
        goto fail;
    }
    return store_commit(st);
fail:
    store_rollback(st);
    return -1;
}

static int configure_connection(struct store *st)
{
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
        return store_sql_fail(st, st->path);
    if (st->read_only)
        return 0;
    /* WAL lets a reviewer read while the room writes; FULL makes each saved
     * keystroke durable, which costs nothing at typing speed. */
    if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL,
                     NULL) != SQLITE_OK)
        return store_sql_fail(st, st->path);
    return 0;
}

/* Not writable by us, or marked read-only for everyone: root may write to a
 * 0444 file, but whoever made it so meant it to stay unchanged. */
static bool file_is_writable(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && (sb.st_mode & 0222) == 0)
        return false;
    return access(path, W_OK) == 0 || errno != EACCES;
}

int store_open(const char *path, bool read_only, struct store **out, char *err, size_t errlen)
{
    struct store *st = xcalloc(1, sizeof *st);
    st->path = xstrdup(path);
    st->read_only = read_only;
    *out = NULL;

    bool exists = access(path, F_OK) == 0;
    if (!exists && read_only) {
        snprintf(err, errlen, "%s: no such database", path);
        store_close(st);
        return -1;
    }
    if (exists && !read_only && !file_is_writable(path))
        st->read_only = st->read_only_by_itself = true;

    int flags = st->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int version = 0;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        store_close(st);
        return -1;
    }
    if (check_identity(st, &version) < 0 || configure_connection(st) < 0 ||
        migrate(st, version) < 0) {
        snprintf(err, errlen, "%s", st->err);
        store_close(st);
        return -1;
    }
    *out = st;
    return 0;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}
