/* report_md.c: a session as a Markdown canvas for `samesong export --format md`:
 * the canvas first (decisions, tags, votes, the pitch), then how the room got there. */
#include "align.h"
#include "method.h"
#include "pitch.h"
#include "report.h"
#include "rounds.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>


/* Adds user text so Markdown shows it literally: controls made visible,
 * markup characters escaped, and each line kept inside the current block.
 * At the start of a line, what would open a block (a list item, a setext
 * heading's underline, an indented code block) is escaped or dropped too. */
/* Drops the spaces that end what was written since from: two of them end a
 * Markdown line with a hard line break the user never asked for. */
static void trim_end(struct strbuf *b, size_t from)
{
    while (b->len > from && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->data[--b->len] = '\0';
}

static void add_md(struct strbuf *b, const char *text, const char *line_prefix)
{
    char *safe = text_sanitize(text, true);
    bool line_start = true;
    size_t from = b->len;
    for (const char *c = safe; *c; c++) {
        if (*c == '\n') {
            trim_end(b, from);
            strbuf_printf(b, "\n%s", line_prefix);
            from = b->len;
            line_start = true;
            continue;
        }
        if (line_start && (*c == ' ' || *c == '\t'))
            continue; /* four spaces would start a code block */
        if (line_start && strchr("-+=", *c))
            strbuf_add(b, "\\", 1);
        if (line_start && *c >= '0' && *c <= '9') { /* "1." or "1)" would start a list */
            size_t digits = strspn(c, "0123456789");
            if (c[digits] == '.' || c[digits] == ')') {
                strbuf_add(b, c, digits);
                strbuf_add(b, "\\", 1);
                c += digits;
            }
        }
        line_start = false;
        if (strchr("\\`*_[]<>#|~&", *c))
            strbuf_add(b, "\\", 1);
        strbuf_add(b, c, 1);
    }
    trim_end(b, from);
    free(safe);
}

/* A decision: one line stays a paragraph after "Decision:"; several lines
 * become a list, numbered when every line was numbered, else bulleted. */
static void add_decision(struct strbuf *b, const char *decision)
{
    if (!decision) {
        strbuf_puts(b, "**Decision:** _not decided yet_\n\n");
        return;
    }
    char *copy = xstrdup(decision);
    const char *lines[1000];
    size_t n = 0;
    for (char *line = strtok(copy, "\n"); line && n < 1000; line = strtok(NULL, "\n"))
        if (line[strspn(line, " \t\r")])
            lines[n++] = line;
    bool all_numbered = method_all_numbered(decision);
    if (n == 1 && !all_numbered) {
        strbuf_puts(b, "**Decision:** ");
        add_md(b, lines[0], "");
        strbuf_puts(b, "\n\n");
    } else {
        strbuf_puts(b, "**Decision:**\n\n");
        for (size_t i = 0; i < n; i++) {
            bool numbered;
            const char *text = method_after_marker(lines[i], &numbered);
            /* a lone number among bullets stays part of its text */
            if (!text || (numbered && !all_numbered))
                text = lines[i];
            if (all_numbered)
                strbuf_printf(b, "%zu. ", i + 1);
            else
                strbuf_puts(b, "- ");
            add_md(b, text, "");
            strbuf_puts(b, "\n");
        }
        strbuf_puts(b, "\n");
    }
    free(copy);
}

/* The capabilities' reality check: each item of the decision with its tag
 * (its own, else its group's), then groups tagged that are not in it. */
static void add_tags(struct strbuf *b, const struct session *s)
{
    char **items;
    size_t count = method_items(s->decisions[STEP_CAPABILITIES], &items);
    bool any = count > 0 || s->tag_count > 0;
    if (any)
        strbuf_puts(b, "**Capability tags:**\n\n");
    for (size_t i = 0; i < count; i++) {
        const char *tag = method_capability_tag(s, items[i]);
        strbuf_puts(b, "- ");
        add_md(b, items[i], "");
        strbuf_printf(b, ": %s\n", tag ? tag : "not checked against the product yet");
    }
    for (size_t i = 0; i < s->tag_count; i++) {
        bool decided = false;
        for (size_t k = 0; k < count && !decided; k++)
            decided = method_same_item(items[k], s->tags[i].group);
        if (decided)
            continue;
        strbuf_puts(b, "- ");
        add_md(b, s->tags[i].group, "");
        strbuf_printf(b, ": %s%s\n", s->tags[i].tag, /* one of three fixed words */
                      count ? " (not in the decision)" : "");
    }
    method_items_free(items, count);
    if (any)
        strbuf_puts(b, "\n");
}

/* What ties the decision's items to the step it builds on, as the canvas
 * shows it: "Order lookup — beats: Spreadsheets, Zendesk" for each item,
 * a capability not there today marked, a value theme's proof counted. */
static void add_links(struct strbuf *b, const struct session *s, enum step step)
{
    enum step on = method_builds_on(step);
    if (!s->decisions[step] || on == STEP_COUNT || !s->decisions[on])
        return;
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    strbuf_puts(b, "**The chain:**\n\n");
    for (size_t i = 0; i < n; i++) {
        char *line = method_item_line(s, step, items[i], NULL);
        strbuf_puts(b, "- ");
        add_md(b, line, "");
        strbuf_puts(b, "\n");
        free(line);
    }
    strbuf_puts(b, "\n");
    method_items_free(items, n);
}

/* One proof as a list item: "- Theme (kind): text". */
static void add_one_proof(struct strbuf *b, const struct proof *p)
{
    strbuf_puts(b, "- ");
    add_md(b, p->item, "");
    strbuf_printf(b, " (%s): ", method_proof_kinds[p->kind]);
    add_md(b, p->text, "");
    strbuf_puts(b, "\n");
}

/* The proof behind the value themes, theme by theme in the decision's
 * order (each theme's proof in the order given); proof of a theme the
 * decision no longer has, which the store never keeps, would come last. */
static void add_proof(struct strbuf *b, const struct session *s)
{
    if (!s->proof_count)
        return;
    strbuf_puts(b, "**Proof:**\n\n");
    char **items;
    size_t n = method_items(s->decisions[STEP_VALUE], &items);
    bool *done = xcalloc(s->proof_count, sizeof *done);
    for (size_t i = 0; i < n; i++)
        for (size_t p = 0; p < s->proof_count; p++)
            if (!done[p] && method_same_item(s->proofs[p].item, items[i])) {
                add_one_proof(b, &s->proofs[p]);
                done[p] = true;
            }
    for (size_t p = 0; p < s->proof_count; p++)
        if (!done[p])
            add_one_proof(b, &s->proofs[p]);
    free(done);
    method_items_free(items, n);
    strbuf_puts(b, "\n");
}

/* "**Label:** text (why: why)" when there is text, as the canvas has it. */
static void add_labelled(struct strbuf *b, const char *label, const char *text, const char *why)
{
    if (!text)
        return;
    strbuf_printf(b, "**%s:** ", label);
    add_md(b, text, "");
    if (why) {
        strbuf_puts(b, " (why: ");
        add_md(b, why, "");
        strbuf_puts(b, ")");
    }
    strbuf_puts(b, "\n\n");
}
/* Why the room chose it, and who does not agree. */
static void add_why_and_dissent(struct strbuf *b, const struct session *s, enum step step)
{
    add_labelled(b, "Why", s->rationale[step], NULL);
    bool any = false;
    for (size_t i = 0; i < s->dissent_count; i++) {
        if (s->dissents[i].step != step)
            continue;
        strbuf_puts(b, any ? "- " : "**Dissent:**\n\n- ");
        any = true;
        add_md(b, s->dissents[i].who, "");
        strbuf_puts(b, ": ");
        add_md(b, s->dissents[i].what, "");
        strbuf_puts(b, "\n");
    }
    if (any)
        strbuf_puts(b, "\n");
}

/* The room's vote on a step: the order, lowest rank sum first, and how far
 * the rankings agree. */
static void add_vote(struct strbuf *b, const struct align_step *st, double threshold)
{
    const struct align_vote *v = st->vote;
    if (!v && st->round_count)
        strbuf_printf(b, "**Vote:** round %d, nobody has ranked yet.\n\n", st->round);
    if (!v) {
        report_rounds_markdown(b, st, threshold);
        return;
    }
    strbuf_printf(b, "**Vote:** %zu ranking%s; %zu of %zu group%s ranked; agreement "
                     "(Kendall's W) ", v->rankings, v->rankings == 1 ? "" : "s",
                  align_groups_ranked(st), st->group_count, st->group_count == 1 ? "" : "s");
    if (isnan(v->kendall_w))
        strbuf_puts(b, "n/a");
    else
        strbuf_printf(b, "%.2f", v->kendall_w);
    strbuf_printf(b, "; top three: %s (%.1f%% of rankings match it).\n\n",
                  v->top3_all_agree ? "everyone agrees" : "not everyone agrees",
                  v->top3_match_share);
    for (size_t i = 0; i < v->candidate_count; i++) {
        strbuf_printf(b, "%zu. ", i + 1);
        add_md(b, v->order[i].label, "");
        strbuf_printf(b, " (rank sum %g)\n", v->order[i].rank_sum);
    }
    strbuf_puts(b, "\n");
    size_t unranked = 0; /* as the votes view and report say */
    for (size_t g = 0; g < st->group_count; g++) {
        if (align_group_ranked(st, &st->groups[g]))
            continue;
        strbuf_puts(b, unranked++ ? ", " : "Nobody ranked ");
        add_md(b, st->groups[g].label, "");
    }
    strbuf_puts(b, unranked ? ".\n\n" : "");
    report_rounds_markdown(b, st, threshold);
}

/* Each participant as a list item, their answers as items under it, so an
 * answer with a semicolon in it still reads as one answer. */
static void add_answers(struct strbuf *b, const struct session *s, enum step step)
{
    bool any = false;
    for (size_t p = 0; p < s->participant_count; p++) {
        bool first = true;
        for (size_t i = 0; i < s->input_count; i++) {
            const struct input *in = &s->inputs[i];
            if (in->participant != p || in->step != step)
                continue;
            if (first && !s->solo) {
                strbuf_puts(b, "- **");
                add_md(b, s->participants[p].name, "");
                strbuf_printf(b, "** (%s)\n", session_roles[s->participants[p].role].name);
            }
            first = false;
            any = true;
            strbuf_puts(b, s->solo ? "- " : "  - ");
            add_md(b, in->text, "");
            if (in->group && strcmp(in->group, in->text) != 0) {
                strbuf_puts(b, " (group: ");
                add_md(b, in->group, "");
                strbuf_puts(b, ")");
            }
            strbuf_puts(b, "\n");
        }
    }
    if (!any)
        strbuf_puts(b, "_No answers yet._\n");
}

/* The objections each person hears, sales and customer success first, as
 * the answers are listed; nothing when nobody gave one. */
static void add_objections(struct strbuf *b, const struct session *s)
{
    if (!s->objection_count)
        return;
    strbuf_puts(b, "\n### Objections they hear\n\n");
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    pitch_people_order(s, order);
    for (size_t o = 0; o < s->participant_count; o++) {
        size_t p = order[o];
        bool first = true;
        for (size_t i = 0; i < s->objection_count; i++) {
            if (s->objections[i].participant != p)
                continue;
            if (first && !s->solo) {
                strbuf_puts(b, "- **");
                add_md(b, s->participants[p].name, "");
                strbuf_printf(b, "** (%s)\n", session_roles[s->participants[p].role].name);
            }
            first = false;
            strbuf_puts(b, s->solo ? "- " : "  - ");
            add_md(b, s->objections[i].text, "");
            strbuf_puts(b, "\n");
        }
    }
    free(order);
}

/* Text the room wrote, as method_each_written reads it, in Markdown: an item after "- ",
 * a line under an item after a line break, any other line a paragraph of its own
 * (Markdown would run lines together). */
struct written_md {
    struct strbuf *b;
    bool in_list;
};

static void add_written_line(void *ctx, enum written_line kind, const char *words)
{
    struct written_md *w = ctx;
    struct strbuf *b = w->b;
    if (kind == WRITTEN_UNDER_ITEM) {
        b->data[--b->len] = '\0';
        strbuf_puts(b, "\\\n  ");
        add_md(b, words, "");
        strbuf_puts(b, "\n");
    } else if (kind == WRITTEN_ITEM) {
        strbuf_puts(b, "- ");
        add_md(b, words, "");
        strbuf_puts(b, "\n");
        w->in_list = true;
    } else {
        strbuf_puts(b, w->in_list ? "\n" : "");
        add_md(b, words, "");
        strbuf_puts(b, "\n\n");
        w->in_list = false;
    }
}

static void add_written(struct strbuf *b, const char *text)
{
    struct written_md w = {b, false};
    method_each_written(text, add_written_line, &w);
    if (w.in_list)
        strbuf_puts(b, "\n");
}

/* The sales pitch: the sections written, in the method's order (a draft
 * nobody wrote is no part of the canvas); the earlier free-text narrative
 * after it, as it was, when there is one. */
static void add_pitch(struct strbuf *b, const struct session *s)
{
    strbuf_puts(b, "## Sales pitch\n\n");
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (s->pitch[i]) {
            strbuf_printf(b, "### %s\n\n", pitch_section_titles[i]);
            if (pitch_stale(s, (enum pitch_section)i)) /* the pitch screen's words */
                strbuf_puts(b, "_(written before the decisions changed)_\n\n");
            add_written(b, s->pitch[i]);
        }
    if (!pitch_written(s))
        strbuf_puts(b, "_Not written yet._\n\n");
    if (!*s->narrative)
        return;
    strbuf_puts(b, "## Sales narrative\n\n");
    /* each of its lines a paragraph: Markdown would run single lines together */
    char *copy = xstrdup(s->narrative);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        if (!line[strspn(line, " \t\r")])
            continue;
        add_md(b, line, "");
        strbuf_puts(b, "\n\n");
    }
    free(copy);
}

/* The alignment dashboard in words: each step's score, the weakest step and
 * the least-aligned pair of roles. */
static void add_alignment(struct strbuf *b, const struct session *s, const struct alignment *al,
                          const struct step_text steps[STEP_COUNT])
{
    if (s->solo)
        return; /* one voice: nothing to align */
    const struct alignment a = *al;
    strbuf_puts(b, "\n## Alignment\n\n");
    if (isnan(a.overall))
        strbuf_puts(b, "Overall alignment: not known (no step has two answers yet).\n\n");
    else
        strbuf_printf(b, "Overall alignment: %.1f%%.\n\n", a.overall);
    strbuf_puts(b, "| Step | Alignment | Answered |\n|---|---:|---:|\n");
    for (int i = 0; i < STEP_COUNT; i++) {
        const struct align_step *st = &a.steps[i];
        strbuf_printf(b, "| %s%s | ", steps[i].title, i == a.weakest ? " (weakest)" : "");
        if (isnan(st->alignment))
            strbuf_puts(b, "n/a");
        else
            strbuf_printf(b, "%.1f%%", st->alignment);
        strbuf_printf(b, " | %zu of %zu |\n", st->answered, s->participant_count);
    }
    enum role r, q;
    double least;
    if (align_session_least_aligned_roles(&a, &r, &q, &least))
        strbuf_printf(b, "\nLeast aligned: %s and %s (%.1f%% agreement).\n", session_roles[r].word,
                      session_roles[q].word, least * 100.0);
}

char *report_markdown(const struct session *s, const struct step_text steps[STEP_COUNT])
{
    struct strbuf b = {0};
    const char *kind = s->solo && !s->locked ? "Positioning thesis" : "Positioning canvas";
    strbuf_printf(&b, "# %s: ", kind);
    add_md(&b, s->name, "");
    strbuf_puts(&b, "\n\n");
    if (*s->product) {
        strbuf_puts(&b, "- Product: ");
        add_md(&b, s->product, "");
        strbuf_puts(&b, "\n");
    }
    strbuf_printf(&b, "- Mode: %s\n", s->solo ? "solo" : "workshop");
    if (s->locked) {
        strbuf_puts(&b, "- Status: locked on ");
        add_md(&b, s->locked_at ? s->locked_at : "?", "");
        strbuf_puts(&b, "\n");
        /* checked on reading: "sha256:" and hex digits only */
        if (s->lock_digest)
            strbuf_printf(&b, "- Lock digest: `%s` (`samesong verify` checks it)\n",
                          s->lock_digest);
    } else
        strbuf_puts(&b, "- Status: open (draft)\n");
    strbuf_puts(&b, "- Created: ");
    add_md(&b, s->created_at ? s->created_at : "?", "");
    strbuf_puts(&b, "\n");
    strbuf_puts(&b, "- Participants: ");
    for (size_t p = 0; p < s->participant_count; p++) {
        if (p)
            strbuf_puts(&b, ", ");
        add_md(&b, s->participants[p].name, "");
        strbuf_printf(&b, " (%s)", session_roles[s->participants[p].role].name);
    }
    strbuf_puts(&b, s->participant_count ? "\n\n" : "none yet\n\n");

    /* The canvas first: what the room decided, then the pitch; how they got
     * there (the answers, the alignment) after it. */
    struct alignment a;
    align_session(s, &a);
    for (int step = 0; step < STEP_COUNT; step++) {
        strbuf_printf(&b, "## %d. %s\n\n_%s_\n\n", step + 1, steps[step].title,
                      steps[step].question);
        add_decision(&b, s->decisions[step]);
        add_links(&b, s, (enum step)step);
        if (step == STEP_CAPABILITIES)
            add_tags(&b, s);
        if (step == STEP_VALUE)
            add_proof(&b, s);
        if (step == STEP_CUSTOMERS)
            add_labelled(&b, "Champion", s->champion_role, s->champion_why);
        if (step == STEP_CATEGORY && s->style != STYLE_NONE)
            add_labelled(&b, "Positioning style", method_style_names[s->style], s->style_why);
        add_why_and_dissent(&b, s, (enum step)step);
        add_vote(&b, &a.steps[step], rounds_threshold(s));
    }
    add_pitch(&b, s);
    strbuf_puts(&b, s->solo ? "## Your answers\n" : "## What each participant said\n");
    for (int step = 0; step < STEP_COUNT; step++) {
        strbuf_printf(&b, "\n### %d. %s\n\n", step + 1, steps[step].title);
        add_answers(&b, s, (enum step)step);
    }
    add_objections(&b, s);
    add_alignment(&b, s, &a, steps);
    alignment_free(&a);
    return strbuf_take(&b);
}
