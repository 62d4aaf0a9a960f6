/* store_edit.c: the changes the workshop screens make: participants, answers,
 * the narrative, and where the facilitator was. Each is one transaction. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Prepares sql, lets bind fill its parameters and runs it once; with
 * want_one, fails with missing unless exactly one row changed. The caller
 * holds the transaction. */
static int run_once(struct store *st, const char *sql, void (*bind)(sqlite3_stmt *, const void *),
                    const void *arg, bool want_one, const char *missing)
{
    sqlite3_stmt *stmt = store_prepare(st, sql);
    if (!stmt)
        return -1;
    bind(stmt, arg);
    int rc = 0;
    if (sqlite3_step(stmt) != SQLITE_DONE)
        rc = store_sql_fail(st, "cannot save the change");
    else if (want_one && sqlite3_changes(st->db) != 1)
        rc = store_fail(st, "%s", missing);
    sqlite3_finalize(stmt);
    return rc;
}

/* A change to a session's content: one statement inside store_begin_change
 * ... commit, logged. */
static int change(struct store *st, int64_t session_id, const char *sql,
                  void (*bind)(sqlite3_stmt *, const void *), const void *arg, bool want_one,
                  const char *missing, const char *action, const char *detail)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    int rc = run_once(st, sql, bind, arg, want_one, missing);
    if (rc == 0)
        rc = store_log_event(st, session_id, 0, action, detail);
    if (rc == 0)
        return store_commit(st);
    store_rollback(st);
    return -1;
}

/* The values a change binds, in parameter order. */
struct args {
    int64_t session_id, id;
    const char *text;
    const char *role;
    int64_t number;
};

static void bind_args(sqlite3_stmt *stmt, const void *arg)
{
    const struct args *a = arg;
    int n = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= n; i++) {
        const char *name = sqlite3_bind_parameter_name(stmt, i);
        if (!strcmp(name, ":session"))
            sqlite3_bind_int64(stmt, i, a->session_id);
        else if (!strcmp(name, ":id"))
            sqlite3_bind_int64(stmt, i, a->id);
        else if (!strcmp(name, ":text"))
            sqlite3_bind_text(stmt, i, a->text, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":role"))
            sqlite3_bind_text(stmt, i, a->role, -1, SQLITE_STATIC);
        else if (!strcmp(name, ":number"))
            sqlite3_bind_int64(stmt, i, a->number);
    }
}

static bool name_taken(struct store *st, int64_t session_id, const char *name, int64_t except)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT 1 FROM participants WHERE session_id = ? AND name = ? AND id != ?");
    if (!stmt)
        return false;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, except);
    bool taken = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return taken;
}

int store_add_participant(struct store *st, int64_t session_id, const char *name, enum role role)
{
    char *clean = store_checked_text(st, "name", name, &TEXT_NAME);
    if (!clean)
        return -1;
    int rc;
    if (name_taken(st, session_id, clean, 0)) {
        rc = store_fail(st, "%s is already in this session", clean);
    } else {
        struct args a = {.session_id = session_id, .text = clean, .role = role_ids[role]};
        rc = change(st, session_id,
                    "INSERT INTO participants (session_id, name, role, position)"
                    " SELECT :session, :text, :role, coalesce(max(position), -1) + 1"
                    " FROM participants WHERE session_id = :session",
                    bind_args, &a, true, "cannot add the participant", "join", role_ids[role]);
    }
    free(clean);
    return rc;
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
        struct args a = {.session_id = session_id, .id = participant_id, .text = clean,
                         .role = role_ids[role]};
        rc = change(st, session_id,
                    "UPDATE participants SET name = :text, role = :role"
                    " WHERE id = :id AND session_id = :session",
                    bind_args, &a, true, "no such participant in this session", "rename", clean);
    }
    free(clean);
    return rc;
}

int store_remove_participant(struct store *st, int64_t session_id, int64_t participant_id)
{
    struct args a = {.session_id = session_id, .id = participant_id};
    /* Only someone with no answers and no votes: nothing they said is lost. */
    return change(st, session_id,
                  "DELETE FROM participants WHERE id = :id AND session_id = :session"
                  " AND NOT EXISTS (SELECT 1 FROM inputs WHERE participant_id = :id)"
                  " AND NOT EXISTS (SELECT 1 FROM votes WHERE participant_id = :id)",
                  bind_args, &a, true,
                  "only a participant without answers can be removed; delete their answers first",
                  "leave", "");
}

#define INPUT_OF_SESSION \
    " id = :id AND participant_id IN (SELECT id FROM participants WHERE session_id = :session)"

int store_update_input(struct store *st, int64_t session_id, int64_t input_id, const char *text)
{
    char *clean = store_checked_text(st, "answer", text, &TEXT_ANSWER);
    if (!clean)
        return -1;
    struct args a = {.session_id = session_id, .id = input_id, .text = clean};
    int rc = change(st, session_id, "UPDATE inputs SET text = :text WHERE" INPUT_OF_SESSION,
                    bind_args, &a, true, "no such answer in this session", "edit", "");
    free(clean);
    return rc;
}

int store_delete_input(struct store *st, int64_t session_id, int64_t input_id)
{
    struct args a = {.session_id = session_id, .id = input_id};
    return change(st, session_id, "DELETE FROM inputs WHERE" INPUT_OF_SESSION, bind_args, &a,
                  true, "no such answer in this session", "delete", "");
}

int store_move_input(struct store *st, int64_t session_id, int64_t input_id, int direction)
{
    /* Swap positions with the neighbour in that direction, if there is one. */
    struct args a = {.session_id = session_id, .id = input_id, .number = direction < 0 ? -1 : 1};
    return change(st, session_id,
                  "WITH me AS (SELECT id, participant_id, step, position FROM inputs WHERE"
                  INPUT_OF_SESSION "),"
                  " other AS (SELECT i.id, i.position FROM inputs i, me"
                  "   WHERE i.participant_id = me.participant_id AND i.step = me.step"
                  "   AND (i.position - me.position) * :number > 0"
                  "   ORDER BY (i.position - me.position) * :number LIMIT 1)"
                  " UPDATE inputs SET position = CASE"
                  "   WHEN id = (SELECT id FROM me) THEN (SELECT position FROM other)"
                  "   ELSE (SELECT position FROM me) END"
                  " WHERE id IN ((SELECT id FROM me), (SELECT id FROM other))"
                  " AND EXISTS (SELECT 1 FROM other)",
                  bind_args, &a, false, "", "move", "");
}

int store_set_narrative(struct store *st, int64_t session_id, const char *text)
{
    char *clean = store_checked_text(st, "narrative", text, &TEXT_NARRATIVE);
    if (!clean)
        return -1;
    struct args a = {.session_id = session_id, .text = clean};
    int rc = change(st, session_id, "UPDATE sessions SET narrative = :text WHERE id = :session",
                    bind_args, &a, true, "no such session", "narrative", "");
    free(clean);
    return rc;
}

/* A write that is not a change to the session's content (a display setting,
 * a dismissed suggestion, where the room was): allowed on a locked session,
 * not logged. */
static int set_display(struct store *st, const char *sql, void (*bind)(sqlite3_stmt *, const void *),
                       const void *arg)
{
    if (store_begin(st) < 0)
        return -1;
    if (run_once(st, sql, bind, arg, false, "") == 0)
        return store_commit(st);
    store_rollback(st);
    return -1;
}

int store_set_attribution(struct store *st, int64_t session_id, enum attribution a)
{
    struct args args = {.session_id = session_id, .text = attribution_ids[a]};
    return set_display(st,
                       "INSERT INTO display (session_id, attribution) VALUES (:session, :text)"
                       " ON CONFLICT (session_id) DO UPDATE SET attribution = excluded.attribution",
                       bind_args, &args);
}

int store_dismiss_suggestion(struct store *st, int64_t session_id, enum step step,
                             const char *key_a, const char *key_b)
{
    struct args args = {.session_id = session_id, .text = key_a, .role = key_b,
                        .number = (int64_t)step};
    return set_display(st,
                       "INSERT OR IGNORE INTO dismissed (session_id, step, key_a, key_b)"
                       " SELECT :session, id, :text, :role FROM steps WHERE position = :number + 1",
                       bind_args, &args);
}

int store_set_capability_tag(struct store *st, int64_t session_id, const char *group,
                             const char *tag)
{
    if (tag && strcmp(tag, "today") && strcmp(tag, "roadmap") && strcmp(tag, "not planned"))
        return store_fail(st, "\"%s\" is not a tag; tags are today, roadmap, not planned", tag);
    struct args args = {.session_id = session_id, .text = group, .role = tag};
    if (!tag)
        return change(st, session_id,
                      "DELETE FROM capability_tags WHERE session_id = :session AND grp = :text",
                      bind_args, &args, false, "", "untag", group);
    return change(st, session_id,
                  "INSERT INTO capability_tags (session_id, grp, tag) VALUES (:session, :text, :role)"
                  " ON CONFLICT (session_id, grp) DO UPDATE SET tag = excluded.tag",
                  bind_args, &args, true, "cannot tag the capability", "tag", tag);
}

int store_set_vote(struct store *st, int64_t session_id, int64_t participant_id, enum step step,
                   char *const *labels, size_t count)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    sqlite3_stmt *clear = store_prepare(
        st, "DELETE FROM votes WHERE step = ?2 AND participant_id = ?1 AND participant_id IN"
            " (SELECT id FROM participants WHERE session_id = ?3)");
    sqlite3_stmt *add = store_prepare(
        st, "INSERT INTO votes (participant_id, step, rank, label) SELECT ?1, ?2, ?3, ?4"
            " WHERE EXISTS (SELECT 1 FROM participants WHERE id = ?1 AND session_id = ?5)");
    int rc = clear && add ? 0 : -1;
    if (rc == 0) {
        sqlite3_bind_int64(clear, 1, participant_id);
        sqlite3_bind_text(clear, 2, step_ids[step], -1, SQLITE_STATIC);
        sqlite3_bind_int64(clear, 3, session_id);
        if (sqlite3_step(clear) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot save the vote");
    }
    for (size_t i = 0; i < count && rc == 0; i++) {
        sqlite3_bind_int64(add, 1, participant_id);
        sqlite3_bind_text(add, 2, step_ids[step], -1, SQLITE_STATIC);
        sqlite3_bind_int64(add, 3, (int64_t)i + 1);
        sqlite3_bind_text(add, 4, labels[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(add, 5, session_id);
        if (sqlite3_step(add) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot save the vote");
        else if (sqlite3_changes(st->db) != 1)
            rc = store_fail(st, "no such participant in this session");
        sqlite3_reset(add);
    }
    sqlite3_finalize(clear);
    sqlite3_finalize(add);
    if (rc == 0)
        rc = store_log_event(st, session_id, participant_id, "vote", step_ids[step]);
    if (rc == 0)
        return store_commit(st);
    store_rollback(st);
    return -1;
}

struct position_args {
    int64_t session_id;
    const struct store_position *pos;
};

static void bind_position(sqlite3_stmt *stmt, const void *arg)
{
    const struct position_args *a = arg;
    sqlite3_bind_int64(stmt, 1, a->session_id);
    sqlite3_bind_text(stmt, 2, a->pos->screen, -1, SQLITE_STATIC);
    if (a->pos->step >= 0)
        sqlite3_bind_text(stmt, 3, step_ids[a->pos->step], -1, SQLITE_STATIC);
    if (a->pos->participant_id > 0)
        sqlite3_bind_int64(stmt, 4, a->pos->participant_id);
}

int store_save_position(struct store *st, int64_t session_id, const struct store_position *pos)
{
    if (st->read_only)
        return 0; /* a reader's place is not worth a write */
    struct position_args args = {session_id, pos};
    return set_display(st,
                       "INSERT INTO positions (session_id, screen, step, participant_id)"
                       " VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
                       " screen = excluded.screen, step = excluded.step,"
                       " participant_id = excluded.participant_id, at = excluded.at",
                       bind_position, &args);
}
