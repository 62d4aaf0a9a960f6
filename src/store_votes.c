/* store_votes.c: each participant's ranking of a step's groups, replaced
 * whole in one transaction; and the rankings, of every round, following a
 * regroup. */
#include "similar.h"
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int store_set_vote(struct store *st, int64_t session_id, int64_t participant_id, enum step step,
                   char *const *labels, size_t count)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    struct store_args a = {.session = session_id, .participant = participant_id,
                           .step = session_steps[step].id};
    int rc = store_run(st, "DELETE FROM votes WHERE step = :step AND participant_id = :participant"
                           " AND participant_id IN (SELECT id FROM participants"
                           " WHERE session_id = :session)",
                       &a, false, "");
    for (size_t i = 0; i < count && rc == 0; i++) {
        a.number = (int64_t)i + 1;
        a.label = labels[i];
        rc = store_run(st, "INSERT INTO votes (participant_id, step, rank, label)"
                           " SELECT :participant, :step, :number, :label WHERE EXISTS"
                           " (SELECT 1 FROM participants WHERE id = :participant"
                           " AND session_id = :session)",
                       &a, true, "no such participant in this session");
    }
    /* An undo of an earlier grouping would put back the rankings before this vote. */
    if (rc == 0)
        rc = store_undo_forget(st, session_id, a.step);
    return store_end_change(st, rc, session_id, participant_id, "vote", session_steps[step].id);
}

/* The rankings of the current round (votes) and of the closed ones
 * (vote_rounds, where round is more than 0): one ranking is a participant's
 * in one round. */
struct ranked_table {
    const char *select;  /* the session's ?1 and the step's ?2: participant, round, label */
    const char *clear;   /* one ranking: :step, :participant, :round */
    const char *insert;  /* one ranked label: and :number, :label */
};
static const struct ranked_table current_round = {
    "SELECT v.participant_id, 0, v.label FROM votes v JOIN participants p ON p.id = v.participant_id"
    " WHERE p.session_id = ?1 AND v.step = ?2 ORDER BY v.participant_id, v.rank",
    "DELETE FROM votes WHERE step = :step AND participant_id = :participant",
    "INSERT INTO votes (participant_id, step, rank, label)"
    " VALUES (:participant, :step, :number, :label)",
};
static const struct ranked_table closed_rounds = {
    "SELECT v.participant_id, v.round, v.label FROM vote_rounds v"
    " JOIN participants p ON p.id = v.participant_id"
    " WHERE p.session_id = ?1 AND v.step = ?2 ORDER BY v.participant_id, v.round, v.rank",
    "DELETE FROM vote_rounds WHERE step = :step AND participant_id = :participant"
    " AND round = :round",
    "INSERT INTO vote_rounds (participant_id, step, round, rank, label)"
    " VALUES (:participant, :step, :round, :number, :label)",
};

/* One ranked label of one participant in one round, as read. */
struct ranked_row {
    int64_t participant;
    int64_t round;
    char *label;
};

static bool in_keys(const char *key, char *const *keys, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!strcmp(key, keys[i]))
            return true;
    return false;
}

/* Writes one ranking anew (rows from..to of the old one, mapped) when it
 * differs from the old. */
static int follow_one(struct store *st, const struct ranked_table *t, int64_t session_id,
                      const char *step_id, struct ranked_row *rows, size_t from, size_t to,
                      char *const *gone, size_t gone_count, const char *label)
{
    char *own = label ? similar_normalize(label) : NULL;
    char **keys = xcalloc(to - from + 1, sizeof *keys);
    const char **out = xcalloc(to - from + 1, sizeof *out);
    size_t n = 0;
    bool changed = false;
    for (size_t i = from; i < to; i++) {
        char *key = similar_normalize(rows[i].label);
        const char *now = rows[i].label;
        if (in_keys(key, gone, gone_count) || (own && !strcmp(key, own))) {
            now = label; /* NULL: the group was taken apart */
            free(key);
            key = own ? xstrdup(own) : NULL;
        }
        if (!now || in_keys(key, keys, n)) { /* gone, or ranked better already */
            free(key);
            changed = true;
            continue;
        }
        changed |= strcmp(now, rows[i].label) != 0;
        keys[n] = key;
        out[n++] = now;
    }
    int rc = 0;
    struct store_args a = {.session = session_id, .participant = rows[from].participant,
                           .round = rows[from].round, .step = step_id};
    if (changed)
        rc = store_run(st, t->clear, &a, false, "");
    for (size_t i = 0; changed && i < n && rc == 0; i++) {
        a.number = (int64_t)i + 1;
        a.label = out[i];
        rc = store_run(st, t->insert, &a, false, "");
    }
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
    free(out);
    free(own);
    return rc;
}

static int follow_table(struct store *st, const struct ranked_table *t, int64_t session_id,
                        const char *step_id, char *const *gone, size_t gone_count,
                        const char *label)
{
    sqlite3_stmt *stmt = store_prepare(st, t->select);
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, step_id, -1, SQLITE_STATIC);
    struct ranked_row *rows = NULL;
    size_t count = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct ranked_row *r = array_push(&rows, &count, &cap, sizeof *rows);
        r->participant = sqlite3_column_int64(stmt, 0);
        r->round = sqlite3_column_int64(stmt, 1);
        r->label = store_column_text(stmt, 2);
    }
    sqlite3_finalize(stmt);
    rc = rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the rankings");
    for (size_t from = 0, to; rc == 0 && from < count; from = to) {
        for (to = from; to < count && rows[to].participant == rows[from].participant &&
                        rows[to].round == rows[from].round; to++)
            ;
        rc = follow_one(st, t, session_id, step_id, rows, from, to, gone, gone_count, label);
    }
    for (size_t i = 0; i < count; i++)
        free(rows[i].label);
    free(rows);
    return rc;
}

int store_votes_follow(struct store *st, int64_t session_id, const char *step_id,
                       char *const *gone, size_t gone_count, const char *label)
{
    int rc = follow_table(st, &current_round, session_id, step_id, gone, gone_count, label);
    if (rc == 0)
        rc = follow_table(st, &closed_rounds, session_id, step_id, gone, gone_count, label);
    return rc;
}
