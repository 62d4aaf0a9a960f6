/* store_objections.c: the objections each participant hears from buyers:
 * adding, editing, deleting and reordering them, and their reveal. Each is
 * one transaction. */
#include "store_internal.h"
#include "store_pitch.h"
#include "text.h"

#include <stdlib.h>

/* An objection of a participant of the session, by id. */
#define OBJECTION_OF_SESSION \
    " id = :id AND participant_id IN (SELECT id FROM participants WHERE session_id = :session)"

int store_add_objection(struct store *st, int64_t session_id, int64_t participant_id,
                        const char *text)
{
    char *clean = store_checked_text(st, "objection", text, &TEXT_ANSWER);
    if (!clean)
        return -1;
    struct store_args a = {.session = session_id, .participant = participant_id, .text = clean};
    int rc = store_begin_change(st, session_id);
    if (rc == 0) {
        rc = store_run(st, "INSERT INTO objections (participant_id, position, text)"
                           " SELECT p.id, coalesce((SELECT max(position) FROM objections"
                           "   WHERE participant_id = p.id), -1) + 1, :text"
                           " FROM participants p WHERE p.id = :participant"
                           " AND p.session_id = :session",
                       &a, true, "no such participant in this session");
        rc = store_end_change(st, rc, session_id, participant_id, "objection", "add");
    }
    free(clean);
    return rc;
}

/* One statement on an objection of the session, logged as its participant's;
 * with want_one, an objection not there is an error. */
static int change_objection(struct store *st, int64_t session_id, int64_t objection_id,
                            const char *sql, const char *text, int64_t number, bool want_one,
                            const char *detail)
{
    struct store_args a = {.session = session_id, .id = objection_id, .text = text,
                           .number = number};
    if (store_begin_change(st, session_id) < 0)
        return -1;
    int64_t whose = 0;
    sqlite3_stmt *stmt = store_prepare(st, "SELECT participant_id FROM objections WHERE id = ?");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, objection_id);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            whose = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    int rc = stmt ? store_run(st, sql, &a, want_one, "no such objection in this session") : -1;
    return store_end_change(st, rc, session_id, whose, "objection", detail);
}

int store_update_objection(struct store *st, int64_t session_id, int64_t objection_id,
                           const char *text)
{
    char *clean = store_checked_text(st, "objection", text, &TEXT_ANSWER);
    if (!clean)
        return -1;
    int rc = change_objection(st, session_id, objection_id,
                              "UPDATE objections SET text = :text WHERE" OBJECTION_OF_SESSION,
                              clean, 0, true, "edit");
    free(clean);
    return rc;
}

int store_delete_objection(struct store *st, int64_t session_id, int64_t objection_id)
{
    return change_objection(st, session_id, objection_id,
                            "DELETE FROM objections WHERE" OBJECTION_OF_SESSION, NULL, 0, true,
                            "delete");
}

int store_move_objection(struct store *st, int64_t session_id, int64_t objection_id,
                         int direction)
{
    /* Swap positions with the neighbour in that direction, if there is one. */
    return change_objection(st, session_id, objection_id,
                            "WITH me AS (SELECT id, participant_id, position FROM objections"
                            "   WHERE" OBJECTION_OF_SESSION "),"
                            " other AS (SELECT o.id, o.position FROM objections o, me"
                            "   WHERE o.participant_id = me.participant_id"
                            "   AND (o.position - me.position) * :number > 0"
                            "   ORDER BY (o.position - me.position) * :number LIMIT 1)"
                            " UPDATE objections SET position = CASE"
                            "   WHEN id = (SELECT id FROM me) THEN (SELECT position FROM other)"
                            "   ELSE (SELECT position FROM me) END"
                            " WHERE id IN ((SELECT id FROM me), (SELECT id FROM other))"
                            " AND EXISTS (SELECT 1 FROM other)",
                            NULL, direction < 0 ? -1 : 1, false, "move");
}

int store_reveal_objections(struct store *st, int64_t session_id)
{
    struct store_args a = {.session = session_id};
    return store_change(st, "INSERT OR IGNORE INTO objections_revealed (session_id)"
                            " VALUES (:session)", &a, false, "", "objections", "reveal");
}
