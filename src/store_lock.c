/* store_lock.c: locking a session for good, sealing its content with a
 * SHA-256 digest, and verifying later that neither was tampered with. */
#include "store_internal.h"
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
    memcpy(digest, "sha256:", 7);
    sha256_hex(content, strlen(content), digest + 7);
    free(content);
    return 0;
}

/* Writes the digest of a session that has just been locked; the lock_digests
 * triggers accept it once, and only for a locked session. */
static int seal(struct store *st, int64_t session_id)
{
    char digest[STORE_DIGEST_SIZE];
    if (store_content_digest(st, session_id, digest) < 0)
        return -1;
    struct store_args a = {.session = session_id, .text = digest};
    return store_run(st, "INSERT INTO lock_digests (session_id, digest) VALUES (:session, :text)",
                     &a, true, "cannot seal the lock");
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
    if (store_run(st, "UPDATE sessions SET status = 'locked',"
                      " locked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = :session",
                  &a, true, "no such session") < 0)
        return -1;
    return seal(st, session_id);
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
        rc = seal(st, ids[i]);
    free(ids);
    return rc;
}

int store_lock_digest(struct store *st, int64_t session_id, char **digest)
{
    *digest = NULL;
    sqlite3_stmt *stmt = store_prepare(st, "SELECT digest FROM lock_digests WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *digest = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : store_sql_fail(st, "cannot read the lock digest");
}

/* The guard triggers of a database made by this program: name and SQL of
 * each, from a fresh in-memory database migrated to the current schema. */
static int expected_triggers(struct store *st, sqlite3 **fresh)
{
    if (sqlite3_open(":memory:", fresh) != SQLITE_OK)
        return store_fail(st, "cannot check the triggers: out of memory");
    for (int v = 0; v < STORE_SCHEMA_VERSION; v++)
        if (sqlite3_exec(*fresh, store_migrations[v], NULL, NULL, NULL) != SQLITE_OK)
            return store_fail(st, "cannot check the triggers: %s", sqlite3_errmsg(*fresh));
    return 0;
}

int store_check_guards(struct store *st, char **missing)
{
    *missing = NULL;
    sqlite3 *fresh = NULL;
    int rc = expected_triggers(st, &fresh);
    sqlite3_stmt *want = NULL, *have = NULL;
    if (rc == 0 &&
        (sqlite3_prepare_v2(fresh, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
                                   " ORDER BY name", -1, &want, NULL) != SQLITE_OK ||
         !(have = store_prepare(st, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND name = ?"))))
        rc = store_fail(st, "cannot check the triggers");
    while (rc == 0 && !*missing && sqlite3_step(want) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(want, 0);
        const char *sql = (const char *)sqlite3_column_text(want, 1);
        sqlite3_bind_text(have, 1, name, -1, SQLITE_TRANSIENT);
        int found = sqlite3_step(have);
        if (found != SQLITE_ROW && found != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot check the triggers");
        else if (found == SQLITE_DONE || strcmp((const char *)sqlite3_column_text(have, 0), sql))
            *missing = xstrdup(name);
        sqlite3_reset(have);
    }
    sqlite3_finalize(want);
    sqlite3_finalize(have);
    sqlite3_close(fresh);
    return rc;
}

/* What the search index should hold for a session: the rows its triggers write. */
#define EXPECTED_INDEX \
    "SELECT i.id, i.text, p.session_id, 'answer', i.step, p.id FROM inputs i" \
    " JOIN participants p ON p.id = i.participant_id WHERE p.session_id = ?1" \
    " UNION ALL SELECT 1099511627776 + d.session_id * 8 + t.position, d.text, d.session_id," \
    " 'decision', d.step, NULL FROM decisions d JOIN steps t ON t.id = d.step" \
    " WHERE d.session_id = ?1" \
    " UNION ALL SELECT 1099511627776 + id * 8, narrative, id, 'narrative', NULL, NULL" \
    " FROM sessions WHERE id = ?1 AND narrative != ''"
#define INDEXED \
    "SELECT rowid, text, session_id, kind, step, participant_id FROM search" \
    " WHERE session_id = ?1"

int store_check_search_index(struct store *st, int64_t session_id, int *stale)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT (SELECT count(*) FROM (" INDEXED " EXCEPT SELECT * FROM (" EXPECTED_INDEX
            ")))  + (SELECT count(*) FROM (SELECT * FROM (" EXPECTED_INDEX ") EXCEPT " INDEXED
            "))");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    *stale = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot check the search index");
}
