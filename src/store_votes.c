/* store_votes.c: each participant's ranking of a step's groups, replaced
 * whole in one transaction. */
#include "store_internal.h"

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
    return store_end_change(st, rc, session_id, participant_id, "vote", session_steps[step].id);
}
