/* store_undo.c: the undo of a step's last grouping change: before each one
 * the step's group labels and rankings are kept, and undoing puts them back. */
#include "store_internal.h"

#include <stdlib.h>

/* Each statement names the session and the step; the four tables go together. */
static const char *const forget_sql[] = {
    "DELETE FROM undo_groupings WHERE session_id = :session AND step = :step",
    "DELETE FROM undo_labels WHERE session_id = :session AND step = :step",
    "DELETE FROM undo_votes WHERE session_id = :session AND step = :step",
    "DELETE FROM undo_rounds WHERE session_id = :session AND step = :step",
};

int store_undo_forget(struct store *st, int64_t session_id, const char *step_id)
{
    struct store_args a = {.session = session_id, .step = step_id};
    int rc = 0;
    for (size_t i = 0; i < sizeof forget_sql / sizeof *forget_sql && rc == 0; i++)
        rc = store_run(st, forget_sql[i], &a, false, "");
    return rc;
}

int store_undo_save(struct store *st, int64_t session_id, const char *step_id, const char *what)
{
    struct store_args a = {.session = session_id, .step = step_id, .text = what};
    int rc = store_undo_forget(st, session_id, step_id);
    if (rc == 0)
        rc = store_run(st, "INSERT INTO undo_groupings (session_id, step, what)"
                           " VALUES (:session, :step, :text)", &a, false, "");
    if (rc == 0)
        rc = store_run(st, "INSERT INTO undo_labels (session_id, step, input_id, label)"
                           " SELECT :session, :step, i.id, i.group_label FROM inputs i"
                           " JOIN participants p ON p.id = i.participant_id"
                           " WHERE p.session_id = :session AND i.step = :step", &a, false, "");
    if (rc == 0)
        rc = store_run(st, "INSERT INTO undo_votes (session_id, step, participant_id, rank, label)"
                           " SELECT :session, :step, v.participant_id, v.rank, v.label FROM votes v"
                           " JOIN participants p ON p.id = v.participant_id"
                           " WHERE p.session_id = :session AND v.step = :step", &a, false, "");
    /* the closed rounds follow a regroup too */
    if (rc == 0)
        rc = store_run(st, "INSERT INTO undo_rounds (session_id, step, participant_id, round,"
                           " rank, label) SELECT :session, :step, v.participant_id, v.round,"
                           " v.rank, v.label FROM vote_rounds v"
                           " JOIN participants p ON p.id = v.participant_id"
                           " WHERE p.session_id = :session AND v.step = :step", &a, false, "");
    return rc;
}

int store_undo_pending(struct store *st, int64_t session_id, enum step step, char **what)
{
    *what = NULL;
    sqlite3_stmt *stmt = store_prepare(st, "SELECT what FROM undo_groupings"
                                           " WHERE session_id = ? AND step = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, session_steps[step].id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *what = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the undo");
}

int store_undo_grouping(struct store *st, int64_t session_id, enum step step)
{
    char *what;
    if (store_undo_pending(st, session_id, step, &what) < 0)
        return -1;
    if (!what)
        return store_fail(st, "there is no grouping change to undo in this step");
    if (store_begin_change(st, session_id) < 0) {
        free(what);
        return -1;
    }
    struct store_args a = {.session = session_id, .step = session_steps[step].id};
    /* answers given since keep their labels; answers deleted since are gone */
    int rc = store_run(st, "UPDATE inputs SET group_label = (SELECT u.label FROM undo_labels u"
                           " WHERE u.input_id = inputs.id) WHERE id IN (SELECT input_id"
                           " FROM undo_labels WHERE session_id = :session AND step = :step)"
                           " AND participant_id IN (SELECT id FROM participants"
                           " WHERE session_id = :session)", &a, false, "");
    if (rc == 0)
        rc = store_run(st, "DELETE FROM votes WHERE step = :step AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    if (rc == 0)
        rc = store_run(st, "INSERT INTO votes (participant_id, step, rank, label)"
                           " SELECT participant_id, step, rank, label FROM undo_votes"
                           " WHERE session_id = :session AND step = :step AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    if (rc == 0)
        rc = store_run(st, "DELETE FROM vote_rounds WHERE step = :step AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    if (rc == 0)
        rc = store_run(st, "INSERT INTO vote_rounds (participant_id, step, round, rank, label)"
                           " SELECT participant_id, step, round, rank, label FROM undo_rounds"
                           " WHERE session_id = :session AND step = :step AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    if (rc == 0)
        rc = store_undo_forget(st, session_id, a.step);
    rc = store_end_change(st, rc, session_id, 0, "undo", what);
    free(what);
    return rc;
}
