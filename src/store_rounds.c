/* store_rounds.c: rounds of a step's vote: a new round keeps the current
 * rankings under the round's number and starts again from nothing; the
 * consensus threshold, read with the session (the rounds' rankings are read
 * with the current round's, in store_load.c). */
#include "store_internal.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The number the next closed round takes and how many ranked this round. */
static int round_counts(struct store *st, int64_t session_id, const char *step_id, int *next,
                        int *ranked)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT (SELECT coalesce(max(r.round), 0) + 1 FROM vote_rounds r"
            "   JOIN participants p ON p.id = r.participant_id"
            "   WHERE p.session_id = ?1 AND r.step = ?2),"
            " (SELECT count(DISTINCT v.participant_id) FROM votes v"
            "   JOIN participants p ON p.id = v.participant_id"
            "   WHERE p.session_id = ?1 AND v.step = ?2)");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, step_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *next = sqlite3_column_int(stmt, 0);
        *ranked = sqlite3_column_int(stmt, 1);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot read the rounds");
}

int store_new_round(struct store *st, int64_t session_id, enum step step, int *closed)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    struct store_args a = {.session = session_id, .step = session_steps[step].id};
    int next = 0, ranked = 0;
    int rc = round_counts(st, session_id, a.step, &next, &ranked);
    if (rc == 0 && ranked == 0)
        rc = store_fail(st, "nobody has ranked the %s step in this round; a new round starts "
                            "after a vote", a.step);
    a.round = next;
    if (rc == 0)
        rc = store_run(st, "INSERT INTO vote_rounds (participant_id, step, round, rank, label)"
                           " SELECT v.participant_id, v.step, :round, v.rank, v.label FROM votes v"
                           " JOIN participants p ON p.id = v.participant_id"
                           " WHERE p.session_id = :session AND v.step = :step", &a, false, "");
    if (rc == 0)
        rc = store_run(st, "DELETE FROM votes WHERE step = :step AND participant_id IN"
                           " (SELECT id FROM participants WHERE session_id = :session)",
                       &a, false, "");
    /* an undo of an earlier grouping would put back the rankings of a closed round */
    if (rc == 0)
        rc = store_undo_forget(st, session_id, a.step);
    char detail[64];
    snprintf(detail, sizeof detail, "%s round %d closed", a.step, next);
    rc = store_end_change(st, rc, session_id, 0, "round", detail);
    if (rc == 0 && closed)
        *closed = next;
    return rc;
}

int store_set_consensus(struct store *st, int64_t session_id, double threshold)
{
    /* in hundredths, as the reading compares it: 0.7 is exactly 70 */
    long hundredths = isnan(threshold) ? 0 : lround(threshold * 100.0);
    if (hundredths < 1 || hundredths > 100)
        return store_fail(st, "the consensus threshold is a Kendall's W from 0.01 to 1");
    struct store_args a = {.session = session_id, .number = hundredths};
    char detail[16];
    snprintf(detail, sizeof detail, "%.2f", (double)hundredths / 100.0);
    return store_change(st, "INSERT INTO consensus (session_id, threshold)"
                            " SELECT :session, :number / 100.0"
                            " WHERE EXISTS (SELECT 1 FROM sessions WHERE id = :session)"
                            " ON CONFLICT (session_id) DO UPDATE SET threshold = excluded.threshold",
                        &a, true, "no such session", "consensus", detail);
}

static void take_consensus(sqlite3_stmt *stmt, struct session *s)
{
    s->consensus = sqlite3_column_double(stmt, 0);
}

int store_load_consensus(struct store *st, struct session *out)
{
    return store_each_row(st, "SELECT threshold FROM consensus WHERE session_id = ?1", out->id,
                          take_consensus, out, "cannot read the consensus");
}
