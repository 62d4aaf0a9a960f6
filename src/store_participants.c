/* store_participants.c: who is in a session: added on first answer or by
 * name, renamed, given another role, removed (with what they said, if asked). */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int store_ensure_participant(struct store *st, int64_t session_id, const char *name, int role,
                             int64_t *id_out)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT p.id, p.role, s.mode, (SELECT count(*) FROM participants q"
            "   WHERE q.session_id = s.id)"
            " FROM sessions s LEFT JOIN participants p ON p.session_id = s.id"
            " AND p.name = ?2 COLLATE SAMESONG_NOCASE"
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
        if (role >= 0 && strcmp(has, session_roles[role].id) != 0)
            rc = store_fail(st, "%s is already in this session as %s, not %s", name, has,
                            session_roles[role].id);
        sqlite3_finalize(stmt);
        return rc;
    }
    bool solo = strcmp((const char *)sqlite3_column_text(stmt, 2), "solo") == 0;
    int count = sqlite3_column_int(stmt, 3);
    sqlite3_finalize(stmt);
    if (solo && count > 0)
        return store_fail(st, "a solo session has one participant; %s is not it", name);

    struct store_args a = {.session = session_id, .name = name,
                           .role = session_roles[role >= 0 ? role : ROLE_OTHER].id, .number = count};
    rc = store_run(st, "INSERT INTO participants (session_id, name, role, position)"
                       " VALUES (:session, :name, :role, :number)", &a, false, "");
    if (rc == 0) {
        *id_out = sqlite3_last_insert_rowid(st->db);
        rc = store_log_event(st, session_id, *id_out, "join", session_roles[role >= 0 ? role : ROLE_OTHER].id);
    }
    return rc;
}

static bool name_taken(struct store *st, int64_t session_id, const char *name, int64_t except)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT 1 FROM participants WHERE session_id = ? AND name = ? COLLATE SAMESONG_NOCASE"
            " AND id != ?");
    if (!stmt)
        return false;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, except);
    bool taken = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return taken;
}

int store_insert_participant(struct store *st, int64_t session_id, const char *name,
                             enum role role, int64_t *id_out)
{
    char *clean = store_checked_text(st, "name", name, &TEXT_NAME);
    if (!clean)
        return -1;
    int rc;
    if (name_taken(st, session_id, clean, 0)) {
        rc = store_fail(st, "%s is already in this session", clean);
    } else {
        struct store_args a = {.session = session_id, .name = clean, .role = session_roles[role].id};
        rc = store_run(st,
                       "INSERT INTO participants (session_id, name, role, position)"
                       " SELECT :session, :name, :role, coalesce(max(position), -1) + 1"
                       " FROM participants WHERE session_id = :session",
                       &a, true, "cannot add the participant");
        if (rc == 0 && id_out)
            *id_out = sqlite3_last_insert_rowid(st->db);
    }
    free(clean);
    return rc;
}

int store_add_participant(struct store *st, int64_t session_id, const char *name, enum role role)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    return store_end_change(st, store_insert_participant(st, session_id, name, role, NULL),
                            session_id, 0, "join", session_roles[role].id);
}

int store_update_participant(struct store *st, int64_t session_id, int64_t participant_id,
                             const char *name, enum role role)
{
    char *clean = store_checked_text(st, "name", name, &TEXT_NAME);
    if (!clean)
        return -1;
    int rc;
    if (name_taken(st, session_id, clean, participant_id)) {
        rc = store_fail(st, "%s is already in this session", clean);
    } else {
        struct store_args a = {.session = session_id, .id = participant_id, .name = clean,
                               .role = session_roles[role].id};
        rc = store_change(st,
                          "UPDATE participants SET name = :name, role = :role"
                          " WHERE id = :id AND session_id = :session",
                          &a, true, "no such participant in this session", "rename", clean);
    }
    free(clean);
    return rc;
}

int store_remove_participant(struct store *st, int64_t session_id, int64_t participant_id)
{
    struct store_args a = {.session = session_id, .id = participant_id};
    /* Only someone with no answers, votes or objections: nothing they said is lost. */
    return store_change(st,
                        "DELETE FROM participants WHERE id = :id AND session_id = :session"
                        " AND NOT EXISTS (SELECT 1 FROM inputs WHERE participant_id = :id)"
                        " AND NOT EXISTS (SELECT 1 FROM votes WHERE participant_id = :id)"
                        " AND NOT EXISTS (SELECT 1 FROM vote_rounds WHERE participant_id = :id)"
                        " AND NOT EXISTS (SELECT 1 FROM objections WHERE participant_id = :id)",
                        &a, true,
                        "only a participant without answers can be removed; delete their "
                        "answers first",
                        "leave", "");
}

int store_remove_participant_and_answers(struct store *st, int64_t session_id,
                                         int64_t participant_id)
{
    struct store_args a = {.session = session_id, .id = participant_id};
    if (store_begin_change(st, session_id) < 0)
        return -1;
    /* the participant last, so a wrong id changes nothing at all */
    int rc = store_run(st, "DELETE FROM votes WHERE participant_id = :id AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    if (rc == 0)
        rc = store_run(st, "DELETE FROM vote_rounds WHERE participant_id = :id AND participant_id"
                           " IN (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    /* the groups only they named leave the others' rankings too */
    int64_t *ids = NULL;
    size_t count = 0, cap = 0;
    sqlite3_stmt *stmt = rc == 0 ? store_prepare(st, "SELECT id FROM inputs"
                                                     " WHERE participant_id = ?1") : NULL;
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, participant_id);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            *(int64_t *)array_push(&ids, &count, &cap, sizeof *ids) =
                sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    } else {
        rc = -1;
    }
    if (rc == 0)
        rc = store_change_answers(st, session_id, ids, count,
                                  "DELETE FROM inputs WHERE participant_id = :id AND"
                                  " participant_id IN (SELECT id FROM participants"
                                  " WHERE session_id = :session)",
                                  &a, NULL, NULL);
    free(ids);
    if (rc == 0)
        rc = store_run(st, "DELETE FROM participants WHERE id = :id AND session_id = :session",
                       &a, true, "no such participant in this session");
    return store_end_change(st, rc, session_id, 0, "leave", "with their answers");
}
