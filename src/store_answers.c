/* store_answers.c: each participant's answers to a step: adding, editing,
 * deleting and reordering them. Each is one transaction. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>

int store_add_input(struct store *st, int64_t session_id, const char *participant, int role,
                    enum step step, const char *text, const char *group)
{
    char *name = store_checked_text(st, "participant name", participant, &TEXT_NAME);
    char *clean = name ? store_checked_text(st, "answer", text, &TEXT_ANSWER) : NULL;
    char *label = clean && group ? store_checked_text(st, "group label", group, &TEXT_NAME) : NULL;
    int rc = -1;
    struct store_args a = {.session = session_id, .step = session_steps[step].id, .text = clean,
                           .label = label};
    if (clean && (!group || label) && store_begin_change(st, session_id) == 0) {
        rc = store_ensure_participant(st, session_id, name, role, &a.participant);
        if (rc == 0)
            rc = store_run(st, "INSERT INTO inputs (participant_id, step, position, text,"
                               " group_label) SELECT :participant, :step,"
                               " coalesce(max(position), -1) + 1, :text, :label FROM inputs"
                               " WHERE participant_id = :participant AND step = :step",
                           &a, false, "");
        rc = store_end_change(st, rc, session_id, a.participant, "add", session_steps[step].id);
    }
    free(name);
    free(clean);
    free(label);
    return rc;
}

int store_add_inputs(struct store *st, int64_t session_id, const char *participant, enum step step,
                     char *const *texts, size_t count)
{
    char *name = store_checked_text(st, "participant name", participant, &TEXT_NAME);
    char **clean = xcalloc(count + 1, sizeof *clean);
    bool valid = name != NULL;
    for (size_t i = 0; i < count && valid; i++) /* every one checked before any is written */
        valid = (clean[i] = store_checked_text(st, "answer", texts[i], &TEXT_ANSWER)) != NULL;
    int rc = -1;
    struct store_args a = {.session = session_id, .step = session_steps[step].id};
    if (valid && store_begin_change(st, session_id) == 0) {
        rc = store_ensure_participant(st, session_id, name, -1, &a.participant);
        for (size_t i = 0; i < count && rc == 0; i++) {
            a.text = clean[i];
            rc = store_run(st, "INSERT INTO inputs (participant_id, step, position, text)"
                               " SELECT :participant, :step, coalesce(max(position), -1) + 1,"
                               " :text FROM inputs"
                               " WHERE participant_id = :participant AND step = :step",
                           &a, false, "");
        }
        rc = store_end_change(st, rc, session_id, a.participant, "add", session_steps[step].id);
    }
    for (size_t i = 0; i < count; i++)
        free(clean[i]);
    free(clean);
    free(name);
    return rc;
}

#define INPUT_OF_SESSION \
    " id = :id AND participant_id IN (SELECT id FROM participants WHERE session_id = :session)"

int store_update_input(struct store *st, int64_t session_id, int64_t input_id, const char *text)
{
    char *clean = store_checked_text(st, "answer", text, &TEXT_ANSWER);
    if (!clean)
        return -1;
    struct store_args a = {.session = session_id, .id = input_id, .text = clean};
    /* an answer that was a group of its own takes its rankings into its new words */
    int rc = store_begin_change(st, session_id);
    if (rc == 0)
        rc = store_end_change(st,
                              store_change_answers(st, session_id, &input_id, 1,
                                                   "UPDATE inputs SET text = :text WHERE"
                                                   INPUT_OF_SESSION,
                                                   &a, "no such answer in this session", clean),
                              session_id, 0, "edit", "");
    free(clean);
    return rc;
}

int store_delete_input(struct store *st, int64_t session_id, int64_t input_id)
{
    struct store_args a = {.session = session_id, .id = input_id};
    /* a group that goes with it leaves the rankings, the later ranks closing up */
    if (store_begin_change(st, session_id) < 0)
        return -1;
    return store_end_change(st,
                            store_change_answers(st, session_id, &input_id, 1,
                                                 "DELETE FROM inputs WHERE" INPUT_OF_SESSION, &a,
                                                 "no such answer in this session", NULL),
                            session_id, 0, "delete", "");
}

int store_move_input(struct store *st, int64_t session_id, int64_t input_id, int direction)
{
    /* Swap positions with the neighbour in that direction, if there is one. */
    struct store_args a = {.session = session_id, .id = input_id,
                           .number = direction < 0 ? -1 : 1};
    return store_change(st,
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
                        &a, false, "", "move", "");
}
