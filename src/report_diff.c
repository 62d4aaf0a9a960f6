/* report_diff.c: two sessions compared, for `samesong diff` and the compare screen:
 * their decisions step by step with what changed, their alignment, the narratives. */
#include "align.h"
#include "report.h"
#include "similar.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *report_decision_change(const char *before, const char *after)
{
    if (!before && !after)
        return "undecided in both";
    if (!before)
        return "decided only in the second";
    if (!after)
        return "decided only in the first";
    char *a = similar_normalize(before), *b = similar_normalize(after);
    bool same = !strcmp(a, b);
    free(a);
    free(b);
    return same ? "same" : "changed";
}

const char *report_narrative_change(const char *before, const char *after)
{
    bool first = before && *before, second = after && *after;
    if (!first || !second)
        return first ? "written only in the first"
               : second ? "written only in the second" : "written in neither";
    return report_decision_change(before, after);
}

/* The text after its label, wrapped; missing says what stands in for none. */
static void add_text(struct strbuf *b, const char *label, const char *text, const char *missing)
{
    char *safe = text_sanitize(text && *text ? text : missing, true);
    char **lines;
    size_t n = text_wrap(safe, 72, &lines);
    for (size_t i = 0; i < n; i++) {
        /* continuation lines line up under the first, past the label */
        strbuf_printf(b, "   %*s%s\n", i ? -(int)strlen(label) : 0, i ? "" : label, lines[i]);
        free(lines[i]);
    }
    free(lines);
    free(safe);
}

/* "1: name (slug), open, created 2026-11-22", every field made safe: the
 * file may have been edited by anyone. */
static void add_heading(struct strbuf *b, int n, const struct session *s)
{
    char *line = xasprintf("%s (%s)", s->name, s->slug);
    char *date = xstrndup(s->created_at, 10);
    char *safe = text_sanitize(line, false), *safe_date = text_sanitize(date, false);
    strbuf_printf(b, "%d: %s, %s, created %s\n", n, safe, s->locked ? "locked" : "open",
                  safe_date);
    free(safe_date);
    free(safe);
    free(date);
    free(line);
}

char *report_diff(const struct session *a, const struct session *b,
                  const struct step_text steps[STEP_COUNT])
{
    struct strbuf out = {0};
    struct alignment al_a, al_b;
    align_session(a, &al_a);
    align_session(b, &al_b);
    add_heading(&out, 1, a);
    add_heading(&out, 2, b);
    strbuf_puts(&out, "Overall alignment: ");
    report_add_percent(&out, al_a.overall);
    strbuf_puts(&out, " -> ");
    report_add_percent(&out, al_b.overall);
    strbuf_puts(&out, "\n");
    int changed = 0;
    for (int s = 0; s < STEP_COUNT; s++) {
        const char *change = report_decision_change(a->decisions[s], b->decisions[s]);
        changed += strcmp(change, "same") != 0 && strcmp(change, "undecided in both") != 0;
        strbuf_printf(&out, "\n%d. %s: %s; alignment ", s + 1, steps[s].title, change);
        report_add_percent(&out, al_a.steps[s].alignment);
        strbuf_puts(&out, " -> ");
        report_add_percent(&out, al_b.steps[s].alignment);
        strbuf_puts(&out, "\n");
        if (!strcmp(change, "same") || (!a->decisions[s] && !b->decisions[s])) {
            add_text(&out, "1+2: ", a->decisions[s], "(not decided)");
        } else {
            add_text(&out, "1: ", a->decisions[s], "(not decided)");
            add_text(&out, "2: ", b->decisions[s], "(not decided)");
        }
    }
    const char *story = report_narrative_change(a->narrative, b->narrative);
    strbuf_printf(&out, "\nSales narrative: %s\n", story);
    if (!strcmp(story, "same") || !strcmp(story, "written in neither")) {
        add_text(&out, "1+2: ", a->narrative, "(not written)");
    } else {
        add_text(&out, "1: ", a->narrative, "(not written)");
        add_text(&out, "2: ", b->narrative, "(not written)");
    }
    strbuf_printf(&out, "\n%d of %d decisions differ.\n", changed, STEP_COUNT);
    alignment_free(&al_a);
    alignment_free(&al_b);
    return strbuf_take(&out);
}
