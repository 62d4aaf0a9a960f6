/* store_answers.c: each participant's answers to a step: adding, editing,
 * deleting and reordering them. Each is one transaction. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
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

/* Puts where it happened in front of the error message; returns -1. */
static int fail_at(struct store *st, const char *at)
{
    char why[sizeof st->err];
    snprintf(why, sizeof why, "%s", st->err);
    return store_fail(st, "%s: %s", at, why);
}

/* Checks every name and answer before anything is written, with where it came from. */
static int check_prework(struct store *st, const struct store_prework_person *people,
                         size_t people_count, const struct store_prework_answer *answers,
                         size_t answer_count, char **names, char **texts)
{
    for (size_t i = 0; i < people_count; i++)
        if (!(names[i] = store_checked_text(st, "participant name", people[i].name, &TEXT_NAME)))
            return fail_at(st, people[i].name_at);
    for (size_t i = 0; i < answer_count; i++)
        if (!(texts[i] = store_checked_text(st, "answer", answers[i].text, &TEXT_ANSWER)))
            return fail_at(st, answers[i].at);
    return 0;
}

static int count_participants(struct store *st, int64_t session_id, size_t *count)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT count(*) FROM participants"
                                           " WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt) == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot count them");
    *count = (size_t)sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return rc;
}

/* Inside the change: the people, then the answers that are new. */
static int write_prework(struct store *st, int64_t session_id,
                         const struct store_prework_person *people, size_t people_count,
                         const struct store_prework_answer *answers, size_t answer_count,
                         char **names, char **texts, struct store_prework_counts *counts)
{
    size_t before, after;
    int64_t *ids = xcalloc(people_count + 1, sizeof *ids);
    int rc = count_participants(st, session_id, &before);
    for (size_t i = 0; i < people_count && rc == 0; i++) {
        rc = store_ensure_participant(st, session_id, names[i], people[i].role, &ids[i]);
        if (rc < 0)
            fail_at(st, people[i].row_at);
        bool seen = false; /* the same person on two rows counts once */
        for (size_t j = 0; j < i && !seen; j++)
            seen = ids[j] == ids[i];
        counts->people += rc == 0 && !seen;
    }
    if (rc == 0)
        rc = count_participants(st, session_id, &after);
    counts->joined = rc == 0 ? after - before : 0;
    /* the same text as one the person gave for the step (even earlier in this file) is skipped */
    sqlite3_stmt *stmt = rc == 0 ? store_prepare(
        st, "INSERT INTO inputs (participant_id, step, position, text)"
            " SELECT :participant, :step, (SELECT coalesce(max(position), -1) + 1 FROM inputs"
            "   WHERE participant_id = :participant AND step = :step), :text"
            " WHERE NOT EXISTS (SELECT 1 FROM inputs WHERE participant_id = :participant"
            "   AND step = :step AND text = :text)") : NULL;
    if (rc == 0 && !stmt)
        rc = -1;
    for (size_t i = 0; i < answer_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .participant = ids[answers[i].person],
                               .step = session_steps[answers[i].step].id, .text = texts[i]};
        rc = store_step(st, stmt, &a, "cannot save the answer");
        if (rc == 0 && sqlite3_changes(st->db) == 1)
            counts->added++;
        else if (rc == 0)
            counts->already++;
    }
    sqlite3_finalize(stmt);
    free(ids);
    return rc;
}

int store_add_prework(struct store *st, int64_t session_id,
                      const struct store_prework_person *people, size_t people_count,
                      const struct store_prework_answer *answers, size_t answer_count,
                      struct store_prework_counts *counts)
{
    *counts = (struct store_prework_counts){0};
    char **names = xcalloc(people_count + 1, sizeof *names);
    char **texts = xcalloc(answer_count + 1, sizeof *texts);
    int rc = check_prework(st, people, people_count, answers, answer_count, names, texts);
    if (rc == 0 && (rc = store_begin_change(st, session_id)) == 0)
        rc = store_end_change(st,
                              write_prework(st, session_id, people, people_count, answers,
                                            answer_count, names, texts, counts),
                              session_id, 0, "import", "pre-work");
    if (rc < 0)
        *counts = (struct store_prework_counts){0};
    for (size_t i = 0; i < people_count; i++)
        free(names[i]);
    for (size_t i = 0; i < answer_count; i++)
        free(texts[i]);
    free(names);
    free(texts);
    return rc;
}
