/* report_align.c: the alignment report for `samesong report`, as text and as JSON. */
#include "chain.h"
#include "json_out.h"
#include "report.h"
#include "rounds.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_COLUMNS 24
#define BAR_COLUMNS 16

/* Short role names keep a coverage line, with all six roles, in 80 columns. */

/* Untrusted text, made safe and cut to a number of columns, padded to it. */
static void add_cell(struct strbuf *b, const char *text, int columns, const char *ellipsis)
{
    char *safe = text_sanitize(text, false);
    char *cut = text_truncate(safe, columns, ellipsis);
    strbuf_puts(b, cut);
    strbuf_printf(b, "%*s", columns - text_width(cut), "");
    free(cut);
    free(safe);
}

static void add_safe(struct strbuf *b, const char *text)
{
    char *safe = text_sanitize(text, false);
    strbuf_puts(b, safe);
    free(safe);
}

void report_add_percent(struct strbuf *b, double x)
{
    if (isnan(x))
        strbuf_puts(b, "n/a");
    else
        strbuf_printf(b, "%.1f%%", x);
}

/* A bar of count out of total, BAR_COLUMNS wide at most, in eighths of a cell. */
static void add_bar(struct strbuf *b, size_t count, size_t total, bool ascii)
{
    static const char *const eighths[8] = {"", "\u258F", "\u258E", "\u258D",
                                           "\u258C", "\u258B", "\u258A", "\u2589"};
    int units = total ? (int)((count * BAR_COLUMNS * 8 + total / 2) / total) : 0;
    int full = units / 8, part = units % 8, drawn = full;
    for (int i = 0; i < full; i++)
        strbuf_puts(b, ascii ? "#" : "\u2588");
    if (part && !ascii) {
        strbuf_puts(b, eighths[part]);
        drawn++;
    }
    strbuf_printf(b, "%*s", BAR_COLUMNS - drawn, "");
}

static void add_roles(struct strbuf *b, const size_t role_count[ROLE_COUNT])
{
    bool first = true;
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (!role_count[r])
            continue;
        strbuf_printf(b, "%s%s", first ? "" : ", ", session_roles[r].abbrev);
        if (role_count[r] > 1)
            strbuf_printf(b, " x%zu", role_count[r]);
        first = false;
    }
}

static const char *participant_name(const struct session *s, size_t p)
{
    return s->participants[p].name;
}

/* The groups everyone named, or those only one person named (with who), one a line. */
static void add_group_list(struct strbuf *b, const struct session *s, const struct align_step *st,
                           bool lone)
{
    strbuf_puts(b, lone ? "   Lone voices:" : "   Shared by all:");
    bool any = false;
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        if (lone ? !align_is_lone(st, gr) : !align_is_shared(st, gr))
            continue;
        strbuf_puts(b, "\n     ");
        add_safe(b, gr->label);
        for (size_t p = 0; lone && p < s->participant_count; p++)
            if (gr->named_by[p]) {
                strbuf_printf(b, "  (");
                add_safe(b, participant_name(s, p));
                strbuf_printf(b, ", %s)", session_roles[s->participants[p].role].id);
            }
        any = true;
    }
    strbuf_puts(b, any ? "\n" : " none\n");
}

static void add_coverage(struct strbuf *b, const struct session *s, const struct align_step *st,
                         bool ascii)
{
    strbuf_puts(b, "   Coverage (how many named each group; mkt marketing, prod product,\n"
                   "   cs customer success):\n");
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        strbuf_puts(b, "     ");
        add_cell(b, gr->label, LABEL_COLUMNS, "...");
        strbuf_puts(b, " ");
        add_bar(b, gr->count, s->participant_count, ascii); /* full: everyone, not who answered */
        strbuf_printf(b, " %2zu  ", gr->count);
        add_roles(b, gr->role_count);
        const char *tag = st->step == STEP_CAPABILITIES ? align_group_tag(s, gr) : NULL;
        if (tag)
            strbuf_printf(b, "  [%s]", tag);
        strbuf_puts(b, "\n");
    }
}

/* Pairs, least agreement first: where the conversation should start. */
static int compare_pairs(const void *x, const void *y)
{
    const struct align_pair *a = x, *b = y;
    if (a->agreement != b->agreement)
        return a->agreement < b->agreement ? -1 : 1;
    return a->a != b->a ? (a->a < b->a ? -1 : 1) : (a->b < b->b ? -1 : a->b > b->b);
}

static void add_pairs(struct strbuf *b, const struct session *s, const struct align_step *st)
{
    if (!st->pair_count)
        return;
    strbuf_puts(b, "   Pairs, least agreement first:\n");
    struct align_pair *sorted = xmalloc(st->pair_count * sizeof *sorted);
    memcpy(sorted, st->pairs, st->pair_count * sizeof *sorted);
    qsort(sorted, st->pair_count, sizeof *sorted, compare_pairs);
    for (size_t i = 0; i < st->pair_count; i++) {
        char *who = xasprintf("%s (%s) and %s (%s)", participant_name(s, sorted[i].a),
                              session_roles[s->participants[sorted[i].a].role].id,
                              participant_name(s, sorted[i].b),
                              session_roles[s->participants[sorted[i].b].role].id);
        strbuf_puts(b, "     ");
        add_cell(b, who, 52, "...");
        strbuf_printf(b, " %5.1f%%\n", sorted[i].agreement * 100.0);
        free(who);
    }
    free(sorted);
}

static void add_departments(struct strbuf *b, const struct align_step *st)
{
    bool present[ROLE_COUNT] = {false};
    int shown = 0;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = 0; q < ROLE_COUNT; q++)
            if (!isnan(st->departments[r][q]))
                present[r] = true;
    for (int r = 0; r < ROLE_COUNT; r++)
        shown += present[r];
    if (!shown)
        return;
    strbuf_puts(b, "   Departments (mean agreement of their pairs):\n     ");
    strbuf_printf(b, "%-10s", "");
    for (int r = 0; r < ROLE_COUNT; r++)
        if (present[r])
            strbuf_printf(b, "%10s", session_roles[r].id);
    strbuf_puts(b, "\n");
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (!present[r])
            continue;
        strbuf_printf(b, "     %-10s", session_roles[r].id);
        for (int q = 0; q < ROLE_COUNT; q++) {
            if (!present[q])
                continue;
            double x = st->departments[r][q];
            if (isnan(x))
                strbuf_printf(b, "%10s", "-");
            else
                strbuf_printf(b, "%9.1f%%", x * 100.0);
        }
        strbuf_puts(b, "\n");
    }
}

static void add_vote(struct strbuf *b, const struct align_step *st)
{
    const struct align_vote *v = st->vote;
    strbuf_printf(b, "   Vote: %zu ranking%s; %zu of %zu group%s ranked; Kendall's W ",
                  v->rankings, v->rankings == 1 ? "" : "s", align_groups_ranked(st),
                  st->group_count, st->group_count == 1 ? "" : "s");
    if (isnan(v->kendall_w))
        strbuf_puts(b, "n/a");
    else
        strbuf_printf(b, "%.3f", v->kendall_w);
    strbuf_puts(b, "\n");
    for (size_t i = 0; i < v->candidate_count; i++) {
        strbuf_printf(b, "     %2zu. ", i + 1);
        add_cell(b, v->order[i].label, LABEL_COLUMNS, "...");
        strbuf_printf(b, "  rank sum %g\n", v->order[i].rank_sum);
    }
    /* the groups no ranking names, as the votes view says, wrapped to 80 columns */
    struct strbuf list = {0};
    for (size_t g = 0; g < st->group_count; g++) {
        if (align_group_ranked(st, &st->groups[g]))
            continue;
        strbuf_puts(&list, list.len ? ", \"" : "Nobody ranked \"");
        add_safe(&list, st->groups[g].label);
        strbuf_puts(&list, "\"");
    }
    if (list.len) {
        strbuf_puts(&list, ".");
        char **lines;
        size_t n = text_wrap(list.data, 80 - 5, &lines);
        for (size_t i = 0; i < n; i++) {
            strbuf_printf(b, "%s%s\n", i ? "     " : "   ", lines[i]);
            free(lines[i]);
        }
        free(lines);
    }
    free(list.data);
    strbuf_printf(b, "   Top three: %s; %.1f%% of rankings match the room's top three.\n",
                  v->top3_all_agree ? "everyone agrees" : "not everyone agrees",
                  v->top3_match_share);
}

static void add_step(struct strbuf *b, const struct session *s, const struct align_step *st,
                     const struct step_text *text, bool ascii)
{
    strbuf_printf(b, "\n%d. %s: alignment ", st->step + 1, text->title);
    report_add_percent(b, st->alignment);
    strbuf_printf(b, " (%zu of %zu answered)\n", st->answered, s->participant_count);
    if (st->group_count == 0) {
        strbuf_puts(b, "   No answers yet.\n");
        return;
    }
    if (st->answered >= 2) {
        add_group_list(b, s, st, false);
        add_group_list(b, s, st, true);
    }
    add_coverage(b, s, st, ascii);
    add_pairs(b, s, st);
    add_departments(b, st);
    if (st->vote)
        add_vote(b, st);
    else if (st->round_count)
        strbuf_printf(b, "   Vote: round %d, nobody has ranked yet.\n", st->round);
    report_rounds_text(b, st, rounds_threshold(s));
}

char *report_alignment_text(const struct session *s, const struct alignment *a,
                            const struct step_text steps[STEP_COUNT],
                            const struct report_options *opt)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "Alignment: ");
    add_safe(&b, s->name);
    strbuf_puts(&b, " (");
    add_safe(&b, s->slug);
    strbuf_puts(&b, ")\nOverall alignment: ");
    report_add_percent(&b, a->overall);
    if (a->weakest >= 0) {
        strbuf_printf(&b, "; weakest step: %s (", steps[a->weakest].title);
        report_add_percent(&b, a->steps[a->weakest].alignment);
        strbuf_puts(&b, ")");
    }
    strbuf_puts(&b, "\n");
    for (int i = 0; i < STEP_COUNT; i++)
        if (opt->only_step < 0 || opt->only_step == i)
            add_step(&b, s, &a->steps[i], &steps[i], opt->ascii);
    return strbuf_take(&b);
}

static void json_groups(struct strbuf *b, const struct session *s, const struct align_step *st,
                        bool lone)
{
    strbuf_puts(b, "[");
    bool first = true;
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        if (lone ? !align_is_lone(st, gr) : !align_is_shared(st, gr))
            continue;
        strbuf_puts(b, first ? "" : ",");
        first = false;
        if (!lone) {
            json_out_string(b, gr->label);
            continue;
        }
        for (size_t p = 0; p < s->participant_count; p++)
            if (gr->named_by[p]) {
                strbuf_puts(b, "{");
                json_out_key(b, "group", true);
                json_out_string(b, gr->label);
                json_out_key(b, "participant", false);
                json_out_string(b, s->participants[p].name);
                json_out_key(b, "role", false);
                json_out_string(b, session_roles[s->participants[p].role].id);
                strbuf_puts(b, "}");
            }
    }
    strbuf_puts(b, "]");
}

static void json_coverage(struct strbuf *b, const struct session *s, const struct align_step *st)
{
    strbuf_puts(b, "[");
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        strbuf_puts(b, g ? ",{" : "{");
        json_out_key(b, "group", true);
        json_out_string(b, gr->label);
        json_out_key(b, "count", false);
        strbuf_printf(b, "%zu", gr->count);
        json_out_key(b, "roles", false);
        strbuf_puts(b, "{");
        bool first = true;
        for (int r = 0; r < ROLE_COUNT; r++)
            if (gr->role_count[r]) {
                json_out_key(b, session_roles[r].id, first);
                strbuf_printf(b, "%zu", gr->role_count[r]);
                first = false;
            }
        strbuf_puts(b, "}");
        const char *tag = st->step == STEP_CAPABILITIES ? align_group_tag(s, gr) : NULL;
        if (tag) {
            json_out_key(b, "tag", false);
            json_out_string(b, tag);
        }
        json_out_key(b, "participants", false);
        strbuf_puts(b, "[");
        first = true;
        for (size_t p = 0; p < s->participant_count; p++)
            if (gr->named_by[p]) {
                strbuf_puts(b, first ? "" : ",");
                json_out_string(b, s->participants[p].name);
                first = false;
            }
        strbuf_puts(b, "]}");
    }
    strbuf_puts(b, "]");
}

static void json_pairs(struct strbuf *b, const struct session *s, const struct align_step *st)
{
    strbuf_puts(b, "[");
    for (size_t i = 0; i < st->pair_count; i++) {
        strbuf_puts(b, i ? ",{" : "{");
        json_out_key(b, "a", true);
        json_out_string(b, s->participants[st->pairs[i].a].name);
        json_out_key(b, "b", false);
        json_out_string(b, s->participants[st->pairs[i].b].name);
        json_out_key(b, "agreement", false);
        json_out_number(b, align_round1(st->pairs[i].agreement * 100.0), 1);
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, "]");
}

static void json_departments(struct strbuf *b, const struct align_step *st)
{
    strbuf_puts(b, "[");
    bool first = true;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = r; q < ROLE_COUNT; q++) {
            if (isnan(st->departments[r][q]))
                continue;
            strbuf_puts(b, first ? "{" : ",{");
            first = false;
            json_out_key(b, "a", true);
            json_out_string(b, session_roles[r].id);
            json_out_key(b, "b", false);
            json_out_string(b, session_roles[q].id);
            json_out_key(b, "agreement", false);
            json_out_number(b, align_round1(st->departments[r][q] * 100.0), 1);
            strbuf_puts(b, "}");
        }
    strbuf_puts(b, "]");
}

static void json_vote(struct strbuf *b, const struct align_step *st)
{
    const struct align_vote *v = st->vote;
    if (!v) {
        strbuf_puts(b, "null");
        return;
    }
    strbuf_puts(b, "{");
    json_out_key(b, "rankings", true);
    strbuf_printf(b, "%zu", v->rankings);
    json_out_key(b, "order", false);
    strbuf_puts(b, "[");
    for (size_t i = 0; i < v->candidate_count; i++) {
        strbuf_puts(b, i ? ",{" : "{");
        json_out_key(b, "group", true);
        json_out_string(b, v->order[i].label);
        json_out_key(b, "rank_sum", false);
        json_out_number(b, v->order[i].rank_sum, 2);
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, "]");
    json_out_key(b, "unranked", false);
    strbuf_puts(b, "[");
    for (size_t g = 0, n = 0; g < st->group_count; g++) {
        if (align_group_ranked(st, &st->groups[g]))
            continue;
        strbuf_puts(b, n++ ? "," : "");
        json_out_string(b, st->groups[g].label);
    }
    strbuf_puts(b, "]");
    json_out_key(b, "kendall_w", false);
    json_out_number(b, v->kendall_w, 4);
    json_out_key(b, "top3_all_agree", false);
    json_out_bool(b, v->top3_all_agree);
    json_out_key(b, "top3_match_share", false);
    json_out_number(b, v->top3_match_share, 1);
    strbuf_puts(b, "}");
}

char *report_alignment_json(const struct session *s, const struct alignment *a, int only_step)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "{");
    json_out_key(&b, "session", true);
    json_out_string(&b, s->slug);
    json_out_key(&b, "overall", false);
    json_out_number(&b, a->overall, 1);
    json_out_key(&b, "weakest_step", false);
    if (a->weakest >= 0)
        json_out_string(&b, session_steps[a->weakest].id);
    else
        strbuf_puts(&b, "null");
    json_out_key(&b, "consensus_threshold", false);
    json_out_number(&b, rounds_threshold(s), 2);
    json_out_key(&b, "steps", false);
    strbuf_puts(&b, "[");
    bool first = true;
    for (int i = 0; i < STEP_COUNT; i++) {
        if (only_step >= 0 && only_step != i)
            continue;
        const struct align_step *st = &a->steps[i];
        strbuf_puts(&b, first ? "{" : ",{");
        first = false;
        json_out_key(&b, "step", true);
        json_out_string(&b, session_steps[i].id);
        json_out_key(&b, "answered", false);
        strbuf_printf(&b, "%zu", st->answered);
        json_out_key(&b, "alignment", false);
        json_out_number(&b, st->alignment, 1);
        json_out_key(&b, "shared_by_all", false);
        json_groups(&b, s, st, false);
        json_out_key(&b, "lone", false);
        json_groups(&b, s, st, true);
        json_out_key(&b, "coverage", false);
        json_coverage(&b, s, st);
        json_out_key(&b, "pairs", false);
        json_pairs(&b, s, st);
        json_out_key(&b, "departments", false);
        json_departments(&b, st);
        json_out_key(&b, "vote", false);
        json_vote(&b, st);
        report_rounds_json(&b, st, rounds_threshold(s));
        strbuf_puts(&b, "}");
    }
    strbuf_puts(&b, "]");
    json_out_key(&b, "chain", false); /* where the method's chain breaks */
    struct chain_break *breaks;
    size_t count;
    chain_check(s, &breaks, &count);
    report_chain_json(&b, breaks, count, only_step);
    chain_free(breaks, count);
    strbuf_puts(&b, "}\n");
    return strbuf_take(&b);
}
