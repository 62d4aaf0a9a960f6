/* report_csv.c: a session as CSV for spreadsheets: every answer, one a row
 * (`export --format csv`), and the alignment report flattened into one table
 * (`report --format csv`). The cells go through csv_write's guard. */
#include "csv_write.h"
#include "method.h"
#include "report.h"

#include <stdlib.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const answer_columns[] = {"session", "step", "participant", "role",
                                             "text", "group", "decided"};

char *report_answers_csv(const struct session *s)
{
    struct csv c = {0};
    csv_header(&c, answer_columns, COUNT(answer_columns));
    for (size_t i = 0; i < s->input_count; i++) {
        const struct input *in = &s->inputs[i];
        const struct participant *p = &s->participants[in->participant];
        csv_text(&c, s->name);
        csv_text(&c, session_steps[in->step].id);
        csv_text(&c, p->name);
        csv_text(&c, session_roles[p->role].id);
        csv_text(&c, in->text);
        csv_text(&c, in->group);
        /* decided: the answer (its group, or itself when it has none) is an
         * item of the step's decision, matched as the method matches items;
         * empty while the step is undecided */
        if (!s->decisions[in->step])
            csv_empty(&c);
        else
            csv_text(&c, method_find_item(s, in->step, in->group ? in->group : in->text) >= 0
                             ? "yes" : "no");
        csv_end_row(&c);
    }
    return csv_take(&c);
}

/* One table for every kind of row; a kind leaves the columns it has no use for empty. */
enum column { COL_SESSION, COL_STEP, COL_KIND, COL_GROUP, COL_A, COL_A_ROLE, COL_B, COL_B_ROLE,
              COL_ANSWERED, COL_COUNT, COL_AGREEMENT, COL_TAG, COL_RANK, COL_RANK_SUM,
              COL_KENDALL_W, COL_DECISION, COLUMN_COUNT };
static const char *const alignment_columns[COLUMN_COUNT] = {
    "session", "step", "kind", "group", "a", "a_role", "b", "b_role", "answered", "count",
    "agreement", "tag", "rank", "rank_sum", "kendall_w", "decision"};

/* A row being filled: text cells, numbers (NAN: none), in column order. */
struct row {
    const char *text[COLUMN_COUNT];
    double number[COLUMN_COUNT];
    int decimals[COLUMN_COUNT];
};

static void row_start(struct row *r, const struct session *s, int step, const char *kind)
{
    for (int i = 0; i < COLUMN_COUNT; i++) {
        r->text[i] = NULL;
        r->number[i] = NAN;
        r->decimals[i] = 0;
    }
    r->text[COL_SESSION] = s->name;
    r->text[COL_STEP] = step >= 0 ? session_steps[step].id : NULL;
    r->text[COL_KIND] = kind;
}

static void row_number(struct row *r, enum column col, double x, int decimals)
{
    r->number[col] = x;
    r->decimals[col] = decimals;
}

static void row_end(struct csv *c, const struct row *r)
{
    for (int i = 0; i < COLUMN_COUNT; i++)
        if (r->text[i])
            csv_text(c, r->text[i]);
        else
            csv_number(c, r->number[i], r->decimals[i]);
    csv_end_row(c);
}

static void add_step_rows(struct csv *c, const struct session *s, const struct align_step *st)
{
    struct row r;
    row_start(&r, s, st->step, "step");
    row_number(&r, COL_ANSWERED, (double)st->answered, 0);
    row_number(&r, COL_AGREEMENT, st->alignment, 1);
    if (st->vote)
        row_number(&r, COL_KENDALL_W, st->vote->kendall_w, 4);
    r.text[COL_DECISION] = s->decisions[st->step];
    row_end(c, &r);

    for (size_t g = 0; g < st->group_count; g++) {
        row_start(&r, s, st->step, "group");
        r.text[COL_GROUP] = st->groups[g].label;
        row_number(&r, COL_COUNT, (double)st->groups[g].count, 0);
        if (st->step == STEP_CAPABILITIES)
            r.text[COL_TAG] = align_group_tag(s, &st->groups[g]);
        row_end(c, &r);
    }
    for (size_t i = 0; i < st->pair_count; i++) {
        const struct participant *a = &s->participants[st->pairs[i].a],
                                 *b = &s->participants[st->pairs[i].b];
        row_start(&r, s, st->step, "pair");
        r.text[COL_A] = a->name;
        r.text[COL_A_ROLE] = session_roles[a->role].id;
        r.text[COL_B] = b->name;
        r.text[COL_B_ROLE] = session_roles[b->role].id;
        row_number(&r, COL_AGREEMENT, align_round1(st->pairs[i].agreement * 100.0), 1);
        row_end(c, &r);
    }
    for (int a = 0; a < ROLE_COUNT; a++)
        for (int b = a; b < ROLE_COUNT; b++) {
            if (isnan(st->departments[a][b]))
                continue;
            row_start(&r, s, st->step, "department");
            r.text[COL_A_ROLE] = session_roles[a].id;
            r.text[COL_B_ROLE] = session_roles[b].id;
            row_number(&r, COL_AGREEMENT, align_round1(st->departments[a][b] * 100.0), 1);
            row_end(c, &r);
        }
    for (size_t i = 0; st->vote && i < st->vote->candidate_count; i++) {
        row_start(&r, s, st->step, "vote");
        r.text[COL_GROUP] = st->vote->order[i].label;
        row_number(&r, COL_RANK, (double)(i + 1), 0);
        row_number(&r, COL_RANK_SUM, st->vote->order[i].rank_sum, 2);
        row_end(c, &r);
    }
}

char *report_alignment_csv(const struct session *s, const struct alignment *a, int only_step)
{
    struct csv c = {0};
    csv_header(&c, alignment_columns, COLUMN_COUNT);
    struct row r;
    row_start(&r, s, -1, "overall");
    row_number(&r, COL_AGREEMENT, a->overall, 1);
    row_end(&c, &r);
    for (int i = 0; i < STEP_COUNT; i++)
        if (only_step < 0 || only_step == i)
            add_step_rows(&c, s, &a->steps[i]);
    return csv_take(&c);
}
