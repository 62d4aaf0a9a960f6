/* store.c: opening the database, migrating its schema, transactions and errors. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000
#define BUSY_RETRIES 100 /* of 50 ms: as long as the busy timeout */
#define WAL_SIZE_LIMIT "4194304" /* bytes: about SQLite's automatic checkpoint's 1000 pages */

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
    int code = sqlite3_extended_errcode(st->db);
    if (store_is_damage(code))
        return store_damage_fail(st);
    if ((code & 0xff) == SQLITE_FULL) /* SQLite says "database or disk is full" */
        return store_fail(st, "%s: the disk is full (%s)", what, st->path);
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

char *store_checked_text(struct store *st, const char *what, const char *text,
                         const struct text_rule *rule)
{
    char why[160];
    char *clean = text_validate(text, rule, why, sizeof why);
    if (!clean)
        store_fail(st, "%s: %s", what, why);
    return clean;
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
    if (store_check_writable(st) < 0 || store_writers_lock(st) < 0)
        return -1;
    if (exec_retrying(st, "BEGIN IMMEDIATE") != SQLITE_OK) {
        store_sql_fail(st, "cannot start writing");
        store_writers_unlock(st);
        return -1;
    }
    return 0;
}

int store_commit(struct store *st)
{
    if (exec_retrying(st, "COMMIT") != SQLITE_OK) {
        store_sql_fail(st, "cannot save");
        store_rollback(st);
        return -1;
    }
    store_writers_unlock(st);
    return 0;
}

void store_rollback(struct store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    store_writers_unlock(st);
}

/* Reads one integer (a pragma, a count). */
static int read_int(struct store *st, const char *sql, int *value)
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
    if (rc == SQLITE_NOTADB) {
        store_note_trouble(STORE_NOT_OURS);
        return store_fail(st, "%s is not a SQLite database", st->path);
    }
    return store_sql_fail(st, st->path);
}

/* Refuses a schema newer than this program, and a user_version no samesong
 * writes: migrating from it would run the wrong migrations, or read before
 * the first. Either way the file is left as it is. */
static int check_version(struct store *st, int version)
{
    if (version > STORE_SCHEMA_VERSION)
        store_note_trouble(STORE_NEWER);
    else if (version < 0)
        store_note_trouble(STORE_NOT_OURS);
    if (version > STORE_SCHEMA_VERSION)
        return store_fail(st,
                          "%s was written by a newer samesong (schema %d; this one knows up "
                          "to %d); upgrade samesong to open it",
                          st->path, version, STORE_SCHEMA_VERSION);
    if (version < 0)
        return store_fail(st,
                          "%s has schema version %d, which no samesong writes (this one knows "
                          "0 to %d); it was left as it is",
                          st->path, version, STORE_SCHEMA_VERSION);
    return 0;
}

/* Refuses files that are not ours or are newer than this program. The three
 * facts come from one statement, so from one snapshot: another process may be
 * creating the schema right now. */
static int check_identity(struct store *st, int *version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT (SELECT application_id FROM pragma_application_id),"
                                " (SELECT user_version FROM pragma_user_version),"
                                " (SELECT count(*) FROM sqlite_schema)",
                                -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    int app_id = 0, tables = 0;
    if (rc == SQLITE_ROW) {
        app_id = sqlite3_column_int(stmt, 0);
        *version = sqlite3_column_int(stmt, 1);
        tables = sqlite3_column_int(stmt, 2);
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_NOTADB) {
        store_note_trouble(STORE_NOT_OURS);
        return store_fail(st, "%s is not a SQLite database", st->path);
    }
    if (rc != SQLITE_ROW)
        return store_sql_fail(st, st->path);
    /* A file with no tables yet is new, and new files are version 0. */
    if ((app_id != 0 && app_id != STORE_APPLICATION_ID) || (app_id == 0 && tables > 0) ||
        (tables == 0 && *version != 0)) {
        store_note_trouble(STORE_NOT_OURS);
        return store_fail(st, "%s is not a samesong database", st->path);
    }
    return check_version(st, *version);
}

static int migrate(struct store *st, int version)
{
    if (version == STORE_SCHEMA_VERSION)
        return 0;
    if (st->read_only)
        return store_fail(st, "%s needs its schema upgraded, which a read-only open cannot do; "
                              "open it once with samesong (not browse or --read-only)",
                          st->path);
    if (store_begin(st) < 0)
        return -1;
    /* Another process may have migrated while we waited for the lock. */
    if (read_int(st, "PRAGMA user_version", &version) < 0)
        goto fail;
    if (check_version(st, version) < 0)
        goto fail;
    /* Sessions locked before schema 5 are sealed as they are now, once the
     * schema is whole: their digest reads every table a session has. */
    bool seal = version < 5;
    for (; version < STORE_SCHEMA_VERSION; version++)
        if (sqlite3_exec(st->db, store_migrations[version], NULL, NULL, NULL) != SQLITE_OK) {
            store_sql_fail(st, "cannot upgrade the database schema");
            goto fail;
        }
    if (seal && store_seal_unsealed_locks(st) < 0)
        goto fail;
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

/* samesong_locking(): true while this program locks a session. The lock
 * triggers call it, so another program cannot lock one or write a digest. */
static void locking_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc, (void)argv;
    const struct store *st = sqlite3_user_data(ctx);
    sqlite3_result_int(ctx, st->locking);
}

/* COLLATE SAMESONG_NOCASE: names compared as the same person whatever their
 * case, in more alphabets than SQLite's ASCII-only NOCASE ("ÉVA" is "éva"). */
static int name_collation(void *arg, int na, const void *a, int nb, const void *b)
{
    (void)arg;
    return text_compare_folded_n(a, (size_t)na, b, (size_t)nb);
}

static int configure_connection(struct store *st)
{
    if (sqlite3_create_collation_v2(st->db, "SAMESONG_NOCASE", SQLITE_UTF8, NULL, name_collation,
                                    NULL) != SQLITE_OK ||
        sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(st->db, "samesong_locking", 0, SQLITE_UTF8, st, locking_function,
                                NULL, NULL) != SQLITE_OK)
        return store_sql_fail(st, st->path);
    if (st->read_only)
        return 0;
    /* WAL lets a reviewer read while the room writes; FULL makes each saved
     * keystroke durable, which costs nothing at typing speed. */
    /* Changing the journal mode does not wait on the busy handler when another
     * process is creating the schema, so it is retried like BEGIN IMMEDIATE. */
    if (exec_retrying(st, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
        sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
        return store_sql_fail(st, st->path);
    /* Keep the -wal and -shm files after closing: a reader who may not create
     * files in this folder (a reviewer over ssh) can then still open it. But
     * not at their largest: with a size limit set, SQLite truncates the -wal
     * to nothing when the last connection closes (after a big import it kept
     * every page the import wrote), and to the limit each time it starts over. */
    int keep = 1;
    sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &keep);
    if (sqlite3_exec(st->db, "PRAGMA journal_size_limit = " WAL_SIZE_LIMIT, NULL, NULL, NULL) !=
        SQLITE_OK)
        return store_sql_fail(st, st->path);
    return store_writers_open(st);
}

/* Not writable by us, or marked read-only for everyone: root may write to a
 * 0444 file, but whoever made it so meant it to stay unchanged. */
static bool file_is_writable(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && (sb.st_mode & 0222) == 0)
        return false;
    /* a read-only mount too; other errors are SQLite's to report */
    return access(path, W_OK) == 0 || (errno != EACCES && errno != EROFS);
}

/* A file: URI for path with immutable=1, characters that mean something in a
 * URI percent-encoded. */
static char *immutable_uri(const char *path)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "file:");
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if (strchr("?#%", *c) || *c < 0x21 || *c >= 0x7F)
            strbuf_printf(&b, "%%%02X", *c);
        else
            strbuf_add(&b, (const char *)c, 1);
    }
    strbuf_puts(&b, "?immutable=1");
    return strbuf_take(&b);
}

/* Opens the connection. An immutable open reads the main file alone and
 * creates nothing beside it: right for a WAL file with no -wal file (all its
 * data is in the main file), or whose -shm this user cannot create. A writer
 * that starts later is seen only after opening again. */
static int open_connection(struct store *st, bool immutable, char *err, size_t errlen)
{
    int flags = st->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    char *uri = immutable ? immutable_uri(st->path) : NULL;
    int rc = sqlite3_open_v2(uri ? uri : st->path, &st->db, flags | (uri ? SQLITE_OPEN_URI : 0),
                             NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", st->path,
                 st->db ? sqlite3_errmsg(st->db) : "out of memory");
        sqlite3_close(st->db);
        st->db = NULL;
        return -1;
    }
    /* Before the first read: another process may be migrating the file. */
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    return 0;
}

static bool wal_file_exists(const char *path)
{
    char *wal = xasprintf("%s-wal", path);
    bool exists = access(wal, F_OK) == 0;
    free(wal);
    return exists;
}

/* Looks at path before SQLite opens it: a FIFO would block the open, and
 * SQLite takes a missing or empty file for a new database, which only a
 * writer may make. A dangling symbolic link counts as missing. Decides too
 * whether the file's permissions make the store read-only. */
static int check_path(struct store *st, unsigned flags, char *err, size_t errlen)
{
    struct stat sb;
    if (stat(st->path, &sb) < 0) {
        if (errno != ENOENT)
            snprintf(err, errlen, "%s: %s", st->path, strerror(errno));
        else if (flags & (STORE_READ_ONLY | STORE_MUST_EXIST))
            snprintf(err, errlen, "no such database: %s", st->path);
        else
            return 0;
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        store_note_trouble(STORE_NOT_OURS);
        snprintf(err, errlen, "%s is not a regular file", st->path);
        return -1;
    }
    if (!st->read_only && !file_is_writable(st->path))
        st->read_only = st->read_only_by_itself = true;
    if (sb.st_size == 0 && (st->read_only || (flags & STORE_MUST_EXIST))) {
        store_note_trouble(STORE_NOT_OURS);
        snprintf(err, errlen, "%s is empty: not a samesong database", st->path);
        return -1;
    }
    return store_check_length(st->path, err, errlen);
}

int store_open(const char *path, unsigned flags, struct store **out, char *err, size_t errlen)
{
    struct store *st = xcalloc(1, sizeof *st);
    st->path = xstrdup(path);
    st->lock_fd = -1;
    st->read_only = (flags & STORE_READ_ONLY) != 0;
    *out = NULL;
    if (check_path(st, flags, err, errlen) < 0) {
        store_close(st);
        return -1;
    }

    bool immutable = st->read_only && !wal_file_exists(path);
    /* Without file locks SQLite would take every lock for a busy one and wait
     * out its 5 s before failing; say what is wrong at once. */
    if (!immutable && store_locks_missing(path)) {
        snprintf(err, errlen, STORE_NO_LOCKS, path);
        store_close(st);
        return -1;
    }
    int version = 0;
    int rc = open_connection(st, immutable, err, errlen);
    if (rc == 0 && check_identity(st, &version) < 0) {
        int code = sqlite3_errcode(st->db);
        rc = -1;
        if (st->read_only && !immutable && (code == SQLITE_READONLY || code == SQLITE_CANTOPEN)) {
            /* The -shm file cannot be made here: read the main file alone. */
            sqlite3_close(st->db);
            st->db = NULL;
            st->err[0] = '\0';
            rc = open_connection(st, true, err, errlen);
            if (rc == 0)
                rc = check_identity(st, &version);
        }
    }
    if (rc == 0 && (configure_connection(st) < 0 || migrate(st, version) < 0))
        rc = -1;
    if (rc < 0) {
        if (st->err[0])
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
    if (st->db)
        store_writers_close(st);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}
