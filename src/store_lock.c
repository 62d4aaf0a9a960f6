/* store_lock.c: locking a session for good, sealing its content with a
 * SHA-256 digest, and verifying later that neither was tampered with. */
#include "store_internal.h"
#include "json_out.h"
#include "sha256.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The first step without a decision, or -1 when all are decided. */
static int first_undecided(struct store *st, int64_t session_id, int *step)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT id FROM steps WHERE id NOT IN (SELECT step FROM decisions WHERE"
            " session_id = ?) ORDER BY position LIMIT 1");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    *step = rc == SQLITE_ROW ? step_from_id((const char *)sqlite3_column_text(stmt, 0)) : -1;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read decisions");
}

bool store_digest_valid(const char *digest)
{
    return strlen(digest) == STORE_DIGEST_SIZE - 1 && !strncmp(digest, "sha256:", 7) &&
           strspn(digest + 7, "0123456789abcdef") == SHA256_HEX_LEN;
}

int store_content_digest(struct store *st, int64_t session_id, char digest[STORE_DIGEST_SIZE])
{
    char *content;
    if (store_session_content(st, session_id, &content) < 0)
        return -1;
    /* over the content as export writes it: invisible characters escaped */
    char *written = json_out_escape_invisible(content);
    memcpy(digest, "sha256:", 7);
    sha256_hex(written, strlen(written), digest + 7);
    free(written);
    free(content);
    return 0;
}

/* Writes the digest of a session that has just been locked (when is "lock",
 * or "upgrade" for one locked before digests existed); the lock_digests
 * triggers accept it once, only for a locked session, only from here. */
static int seal(struct store *st, int64_t session_id, const char *when)
{
    char digest[STORE_DIGEST_SIZE];
    if (store_content_digest(st, session_id, digest) < 0)
        return -1;
    struct store_args a = {.session = session_id, .text = digest, .name = when};
    st->locking = true;
    int rc = store_run(st, "INSERT INTO lock_digests (session_id, digest, sealed)"
                           " VALUES (:session, :text, :name)",
                       &a, true, "cannot seal the lock");
    st->locking = false;
    return rc;
}

int store_lock_in_transaction(struct store *st, int64_t session_id)
{
    int step;
    if (first_undecided(st, session_id, &step) < 0)
        return -1;
    if (step >= 0)
        return store_fail(st, "cannot lock: the %s step has no decision yet", session_steps[step].id);
    if (store_log_event(st, session_id, 0, "lock", "") < 0)
        return -1;
    struct store_args a = {.session = session_id};
    st->locking = true;
    int rc = store_run(st, "UPDATE sessions SET status = 'locked',"
                           " locked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = :session",
                       &a, true, "no such session");
    st->locking = false;
    return rc < 0 ? -1 : seal(st, session_id, "lock");
}

int store_lock_session(struct store *st, int64_t session_id)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    if (store_lock_in_transaction(st, session_id) < 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st);
}

int store_seal_unsealed_locks(struct store *st)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT id FROM sessions WHERE status = 'locked'"
            " AND id NOT IN (SELECT session_id FROM lock_digests)");
    if (!stmt)
        return -1;
    int64_t *ids = NULL;
    size_t count = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        *(int64_t *)array_push(&ids, &count, &cap, sizeof *ids) =
            sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    rc = rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the locked sessions");
    for (size_t i = 0; i < count && rc == 0; i++)
        rc = seal(st, ids[i], "upgrade");
    free(ids);
    return rc;
}

int store_lock_digest(struct store *st, int64_t session_id, char **digest, bool *at_upgrade)
{
    *digest = NULL;
    *at_upgrade = false;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT digest, sealed = 'upgrade' FROM lock_digests WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *digest = store_column_text(stmt, 0);
        *at_upgrade = sqlite3_column_int(stmt, 1);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : store_sql_fail(st, "cannot read the lock digest");
}

/* Every object of the schema but SQLite's own, one string each, sorted:
 * "type name: its SQL". */
static int schema_rows(sqlite3 *db, char ***rows, size_t *count)
{
    *rows = NULL;
    *count = 0;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT type || ' ' || name || ': ' || coalesce(sql, '')"
                               " FROM sqlite_schema WHERE name NOT LIKE 'sqlite%' ORDER BY 1",
                           -1, &stmt, NULL) != SQLITE_OK)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        *(char **)array_push(rows, count, &cap, sizeof **rows) =
            xstrdup((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : -1;
}

static bool has_row(char **rows, size_t count, const char *row)
{
    for (size_t i = 0; i < count; i++)
        if (!strcmp(rows[i], row))
            return true;
    return false;
}

/* "trigger zz" from "trigger zz: CREATE ...", for a message. */
static char *object_name(const char *row)
{
    return xstrndup(row, strcspn(row, ":"));
}

int store_check_schema(struct store *st, char **difference)
{
    *difference = NULL;
    sqlite3 *fresh = NULL;
    char **want = NULL, **have = NULL;
    size_t nwant = 0, nhave = 0;
    int rc = sqlite3_open(":memory:", &fresh) == SQLITE_OK ? 0 : -1;
    for (int v = 0; v < STORE_SCHEMA_VERSION && rc == 0; v++)
        rc = sqlite3_exec(fresh, store_migrations[v], NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    if (rc == 0 && (schema_rows(fresh, &want, &nwant) < 0 || schema_rows(st->db, &have, &nhave) < 0))
        rc = -1;
    if (rc < 0)
        store_fail(st, "cannot read the schema to check it");
    for (size_t i = 0; rc == 0 && !*difference && i < nwant; i++)
        if (!has_row(have, nhave, want[i])) {
            char *name = object_name(want[i]);
            *difference = xasprintf("%s was dropped or changed", name);
            free(name);
        }
    for (size_t i = 0; rc == 0 && !*difference && i < nhave; i++)
        if (!has_row(want, nwant, have[i])) {
            char *name = object_name(have[i]);
            *difference = xasprintf("%s was added", name);
            free(name);
        }
    for (size_t i = 0; i < nwant; i++)
        free(want[i]);
    for (size_t i = 0; i < nhave; i++)
        free(have[i]);
    free(want);
    free(have);
    sqlite3_close(fresh);
    return rc;
}
