/* report_md.c: a session as a Markdown canvas for `samesong export --format md`. */
#include "align.h"
#include "report.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>


/* Adds user text so Markdown shows it literally: controls made visible,
 * markup characters escaped, and each line kept inside the current block. */
static void add_md(struct strbuf *b, const char *text, const char *line_prefix)
{
    char *safe = text_sanitize(text, true);
    for (const char *c = safe; *c; c++) {
        if (*c == '\n') {
            strbuf_printf(b, "\n%s", line_prefix);
            continue;
        }
        if (strchr("\\`*_[]<>#|~", *c))
            strbuf_add(b, "\\", 1);
        strbuf_add(b, c, 1);
    }
    free(safe);
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


/* The alignment dashboard in words: each step's score, the weakest step and
 * the least-aligned pair of roles. */
static void add_alignment(struct strbuf *b, const struct session *s,
                          const struct step_text steps[STEP_COUNT])
{
    if (s->solo)
        return; /* one voice: nothing to align */
    struct alignment a;
    align_session(s, &a);
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
    alignment_free(&a);
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
    strbuf_puts(&b, s->participant_count ? "\n" : "none yet\n");

    for (int step = 0; step < STEP_COUNT; step++) {
        strbuf_printf(&b, "\n## %d. %s\n\n_%s_\n\n", step + 1, steps[step].title,
                      steps[step].question);
        if (s->decisions[step]) {
            strbuf_puts(&b, "**Decision:** ");
            add_md(&b, s->decisions[step], "");
            strbuf_puts(&b, "\n\n");
        } else {
            strbuf_puts(&b, "**Decision:** _not decided yet_\n\n");
        }
        if (!s->solo)
            strbuf_puts(&b, "What each participant said:\n\n");
        add_answers(&b, s, (enum step)step);
    }
    add_alignment(&b, s, steps);
    strbuf_puts(&b, "\n## Sales narrative\n\n");
    if (*s->narrative) {
        add_md(&b, s->narrative, "");
        strbuf_puts(&b, "\n");
    } else {
        strbuf_puts(&b, "_Not written yet._\n");
    }
    return strbuf_take(&b);
}
