/* store_write.c: the changes a user makes to a session, each in its own transaction. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_log_event(struct store *st, int64_t session_id, int64_t participant_id,
                    const char *action, const char *detail)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO events (session_id, participant_id, action, detail) VALUES (?, ?, ?, ?)");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    if (participant_id > 0)
        sqlite3_bind_int64(stmt, 2, participant_id);
    sqlite3_bind_text(stmt, 3, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, detail ? detail : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot log the change");
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

static bool slug_taken(struct store *st, const char *slug)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM sessions WHERE slug = ?");
    if (!stmt)
        return false;
    sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
    bool taken = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return taken;
}

/* The slug to use: the one asked for, checked, or one made from the name. */
static char *choose_slug(struct store *st, const char *name, const char *asked)
{
    if (asked) {
        if (!text_is_slug(asked)) {
            store_fail(st,
                       "\"%s\" is not a valid slug; use lower-case letters, digits and single "
                       "hyphens, at most %d characters, with at least one letter",
                       asked, TEXT_SLUG_MAX);
            return NULL;
        }
        return xstrdup(asked);
    }
    char *slug = text_slugify(name);
    if (!text_is_slug(slug)) { /* empty, or digits only: it would read as a number */
        char *prefixed = xasprintf("session%s%s", *slug ? "-" : "", slug);
        free(slug);
        slug = prefixed;
        slug[TEXT_SLUG_MAX] = '\0';
    }
    return slug;
}

int store_insert_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *asked_slug, char **slug_out, int64_t *id_out)
{
    char *slug = choose_slug(st, name, asked_slug);
    if (!slug)
        return -1;
    if (slug_taken(st, slug)) {
        store_fail(st, "a session with slug %s already exists; choose another with --slug",
                   slug);
        free(slug);
        return -1;
    }
    sqlite3_stmt *stmt =
        store_prepare(st, "INSERT INTO sessions (slug, name, product, mode) VALUES (?, ?, ?, ?)");
    if (!stmt) {
        free(slug);
        return -1;
    }
    sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, product ? product : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, solo ? "solo" : "workshop", -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        free(slug);
        return store_sql_fail(st, "cannot create the session");
    }
    *id_out = sqlite3_last_insert_rowid(st->db);
    *slug_out = slug;
    return 0;
}

int store_create_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *slug, char **slug_out)
{
    *slug_out = NULL;
    char *clean_name = store_checked_text(st, "session name", name, &TEXT_NAME);
    char *clean_product = clean_name ? store_checked_text(st, "product", product ? product : "",
                                               &TEXT_PRODUCT) : NULL;
    int64_t id;
    int rc = -1;
    if (clean_product && store_begin(st) == 0) {
        rc = store_insert_session(st, clean_name, clean_product, solo, slug, slug_out, &id);
        if (rc == 0)
            rc = store_log_event(st, id, 0, "create", clean_name);
        rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
        if (rc < 0 && *slug_out) {
            free(*slug_out);
            *slug_out = NULL;
        }
    }
    free(clean_name);
    free(clean_product);
    return rc;
}

/* Finds the participant, or creates them with role; *id_out gets their id. */
static int ensure_participant(struct store *st, int64_t session_id, const char *name, int role,
                              int64_t *id_out)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT p.id, p.role, s.mode, (SELECT count(*) FROM participants q"
            "   WHERE q.session_id = s.id)"
            " FROM sessions s LEFT JOIN participants p ON p.session_id = s.id AND p.name = ?2"
            " WHERE s.id = ?1");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) != SQLITE_ROW) {
        sqlite3_finalize(stmt);
        return store_sql_fail(st, "cannot read the participants");
    }
    int rc = 0;
    if (sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
        *id_out = sqlite3_column_int64(stmt, 0);
        const char *has = (const char *)sqlite3_column_text(stmt, 1);
        if (role >= 0 && strcmp(has, role_ids[role]) != 0)
            rc = store_fail(st, "%s is already in this session as %s, not %s", name, has,
                            role_ids[role]);
        sqlite3_finalize(stmt);
        return rc;
    }
    bool solo = strcmp((const char *)sqlite3_column_text(stmt, 2), "solo") == 0;
    int count = sqlite3_column_int(stmt, 3);
    sqlite3_finalize(stmt);
    if (solo && count > 0)
        return store_fail(st, "a solo session has one participant; %s is not it", name);

    stmt = store_prepare(st, "INSERT INTO participants (session_id, name, role, position)"
                             " VALUES (?, ?, ?, ?)");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, role_ids[role >= 0 ? role : ROLE_OTHER], -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 4, count);
    rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot add the participant");
    sqlite3_finalize(stmt);
    if (rc == 0) {
        *id_out = sqlite3_last_insert_rowid(st->db);
        rc = store_log_event(st, session_id, *id_out, "join", role_ids[role >= 0 ? role : ROLE_OTHER]);
    }
    return rc;
}

static int insert_input(struct store *st, int64_t participant_id, enum step step,
                        const char *text, const char *group)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO inputs (participant_id, step, position, text, group_label)"
            " SELECT ?1, ?2, coalesce(max(position), -1) + 1, ?3, ?4 FROM inputs"
            " WHERE participant_id = ?1 AND step = ?2");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, participant_id);
    sqlite3_bind_text(stmt, 2, step_ids[step], -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
    if (group)
        sqlite3_bind_text(stmt, 4, group, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot save the answer");
    sqlite3_finalize(stmt);
    return rc;
}

int store_add_input(struct store *st, int64_t session_id, const char *participant, int role,
                    enum step step, const char *text, const char *group)
{
    char *name = store_checked_text(st, "participant name", participant, &TEXT_NAME);
    char *clean = name ? store_checked_text(st, "answer", text, &TEXT_ANSWER) : NULL;
    char *label = clean && group ? store_checked_text(st, "group label", group, &TEXT_NAME) : NULL;
    int rc = -1;
    int64_t participant_id = 0;
    if (clean && (!group || label) && store_begin_change(st, session_id) == 0) {
        rc = ensure_participant(st, session_id, name, role, &participant_id);
        if (rc == 0)
            rc = insert_input(st, participant_id, step, clean, label);
        if (rc == 0)
            rc = store_log_event(st, session_id, participant_id, "add", step_ids[step]);
        rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
    }
    free(name);
    free(clean);
    free(label);
    return rc;
}

int store_set_decision(struct store *st, int64_t session_id, enum step step, const char *text)
{
    char *clean = store_checked_text(st, "decision", text, &TEXT_DECISION);
    if (!clean)
        return -1;
    int rc = -1;
    if (store_begin_change(st, session_id) == 0) {
        sqlite3_stmt *stmt = store_prepare(
            st, "INSERT INTO decisions (session_id, step, text) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id, step) DO UPDATE SET text = excluded.text,"
                " decided_at = excluded.decided_at");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, session_id);
            sqlite3_bind_text(stmt, 2, step_ids[step], -1, SQLITE_STATIC);
            sqlite3_bind_text(stmt, 3, clean, -1, SQLITE_STATIC);
            rc = sqlite3_step(stmt) == SQLITE_DONE ? 0
                                                   : store_sql_fail(st, "cannot save the decision");
            sqlite3_finalize(stmt);
        }
        if (rc == 0)
            rc = store_log_event(st, session_id, 0, "decide", step_ids[step]);
        rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
    }
    free(clean);
    return rc;
}

int store_set_group(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                    const char *label)
{
    char *clean = label ? store_checked_text(st, "group label", label, &TEXT_NAME) : NULL;
    if (label && !clean)
        return -1;
    int rc = -1;
    if (store_begin_change(st, session_id) == 0) {
        sqlite3_stmt *stmt = store_prepare(
            st, "UPDATE inputs SET group_label = ?1 WHERE id = ?2 AND participant_id IN"
                " (SELECT id FROM participants WHERE session_id = ?3)");
        rc = stmt ? 0 : -1;
        for (size_t i = 0; i < count && rc == 0; i++) {
            if (clean)
                sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
            else
                sqlite3_bind_null(stmt, 1);
            sqlite3_bind_int64(stmt, 2, input_ids[i]);
            sqlite3_bind_int64(stmt, 3, session_id);
            if (sqlite3_step(stmt) != SQLITE_DONE)
                rc = store_sql_fail(st, "cannot set the group");
            else if (sqlite3_changes(st->db) != 1)
                rc = store_fail(st, "answer %lld is not in this session", (long long)input_ids[i]);
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
        if (rc == 0)
            rc = store_log_event(st, session_id, 0, clean ? "group" : "ungroup",
                                 clean ? clean : "");
        rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
    }
    free(clean);
    return rc;
}
