/* store_change.c: the one way a change reaches the database: named parameters
 * bound from struct store_args, inside BEGIN IMMEDIATE ... COMMIT, logged. */
#include "store_internal.h"

#include <string.h>

/* Binds each parameter the statement names; a NULL string, or a participant
 * of 0, binds SQL NULL. */
static void bind_args(sqlite3_stmt *stmt, const struct store_args *a)
{
    int n = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= n; i++) {
        const char *name = sqlite3_bind_parameter_name(stmt, i);
        if (!strcmp(name, ":session"))
            sqlite3_bind_int64(stmt, i, a->session);
        else if (!strcmp(name, ":id"))
            sqlite3_bind_int64(stmt, i, a->id);
        else if (!strcmp(name, ":number"))
            sqlite3_bind_int64(stmt, i, a->number);
        else if (!strcmp(name, ":round"))
            sqlite3_bind_int64(stmt, i, a->round);
        else if (!strcmp(name, ":participant") && a->participant > 0)
            sqlite3_bind_int64(stmt, i, a->participant);
        else if (!strcmp(name, ":text"))
            sqlite3_bind_text(stmt, i, a->text, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":name"))
            sqlite3_bind_text(stmt, i, a->name, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":step"))
            sqlite3_bind_text(stmt, i, a->step, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":role"))
            sqlite3_bind_text(stmt, i, a->role, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":label"))
            sqlite3_bind_text(stmt, i, a->label, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":digest"))
            sqlite3_bind_text(stmt, i, a->digest, -1, SQLITE_STATIC);
    }
}

int store_step(struct store *st, sqlite3_stmt *stmt, const struct store_args *a,
               const char *what)
{
    sqlite3_clear_bindings(stmt);
    bind_args(stmt, a);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : store_sql_fail(st, what);
    sqlite3_reset(stmt);
    return rc;
}

int store_run(struct store *st, const char *sql, const struct store_args *a, bool want_one,
              const char *missing)
{
    sqlite3_stmt *stmt = store_prepare(st, sql);
    if (!stmt)
        return -1;
    int rc = store_step(st, stmt, a, "cannot save the change");
    if (rc == 0 && want_one && sqlite3_changes(st->db) != 1)
        rc = store_fail(st, "%s", missing);
    sqlite3_finalize(stmt);
    return rc;
}

int store_log_event(struct store *st, int64_t session_id, int64_t participant_id,
                    const char *action, const char *detail)
{
    struct store_args a = {.session = session_id, .participant = participant_id,
                           .name = action, .text = detail ? detail : ""};
    return store_run(st, "INSERT INTO events (session_id, participant_id, action, detail)"
                          " VALUES (:session, :participant, :name, :text)", &a, false, "");
}

int store_check_open_session(struct store *st, int64_t session_id)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT slug, status FROM sessions WHERE id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE ? store_fail(st, "no session number %lld", (long long)session_id)
                                 : store_sql_fail(st, "cannot read the session");
    }
    bool locked = strcmp((const char *)sqlite3_column_text(stmt, 1), "locked") == 0;
    if (locked)
        store_fail(st, "session %s is locked; a locked session cannot be changed",
                   (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return locked ? -1 : 0;
}

int store_begin_change(struct store *st, int64_t session_id)
{
    if (store_begin(st) < 0)
        return -1;
    /* Checked inside the transaction, so a lock that lands meanwhile is seen. */
    if (store_check_open_session(st, session_id) < 0) {
        store_rollback(st);
        return -1;
    }
    return 0;
}

int store_end_change(struct store *st, int rc, int64_t session_id, int64_t participant_id,
                     const char *action, const char *detail)
{
    if (rc == 0)
        rc = store_log_event(st, session_id, participant_id, action, detail);
    if (rc == 0)
        return store_commit(st);
    store_rollback(st);
    return -1;
}

int store_change(struct store *st, const char *sql, const struct store_args *a, bool want_one,
                 const char *missing, const char *action, const char *detail)
{
    if (store_begin_change(st, a->session) < 0)
        return -1;
    return store_end_change(st, store_run(st, sql, a, want_one, missing), a->session, 0, action,
                            detail);
}

int store_set_setting(struct store *st, const char *sql, const struct store_args *a)
{
    if (store_begin(st) < 0)
        return -1;
    if (store_run(st, sql, a, false, "") == 0)
        return store_commit(st);
    store_rollback(st);
    return -1;
}
