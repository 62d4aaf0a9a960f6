/* report_diff.c: two sessions compared, for `samesong diff` and the compare screen:
 * their decisions step by step with what changed, their alignment, the method
 * around each decision, the pitch section by section, the narratives. */
#include "align.h"
#include "pitch.h"
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

/* The text after its label, wrapped, indent columns in; missing says what
 * stands in for none. */
static void add_text_at(struct strbuf *b, int indent, const char *label, const char *text,
                        const char *missing)
{
    char *safe = text_sanitize(text && *text ? text : missing, true);
    char **lines;
    size_t n = text_wrap(safe, 75 - indent, &lines);
    for (size_t i = 0; i < n; i++) {
        /* continuation lines line up under the first, past the label */
        strbuf_printf(b, "%*s%*s%s\n", indent, "", i ? -(int)strlen(label) : 0, i ? "" : label,
                      lines[i]);
        free(lines[i]);
    }
    free(lines);
    free(safe);
}

static void add_text(struct strbuf *b, const char *label, const char *text, const char *missing)
{
    add_text_at(b, 3, label, text, missing);
}

/* Both sides of a text, once when they are the same. */
static void add_pair(struct strbuf *b, int indent, const char *change, const char *first,
                     const char *second, const char *missing)
{
    if (!strcmp(change, "same")) {
        add_text_at(b, indent, "1+2: ", first, missing);
    } else {
        add_text_at(b, indent, "1: ", first, missing);
        add_text_at(b, indent, "2: ", second, missing);
    }
}

/* The method's parts of a step that either session has, each under its
 * name with how it changed, and when it changed, its lines matched one by
 * one (those in both once, as "1+2:"). Whether any differs. */
static bool add_method(struct strbuf *b, const struct session *a, const struct session *c,
                       enum step step)
{
    bool differs = false;
    for (int part = 0; part < DIFF_PART_COUNT; part++) {
        const char *change = report_diff_part(a, c, step, (enum report_diff_part)part);
        if (!change)
            continue;
        differs |= strcmp(change, "same") != 0;
        strbuf_printf(b, "   %s: %s\n", report_diff_part_names[part], change);
        if (!strcmp(change, "same"))
            continue;
        if (!report_diff_part_is_lines((enum report_diff_part)part)) {
            char *x = report_diff_text(a, step, (enum report_diff_part)part);
            char *y = report_diff_text(c, step, (enum report_diff_part)part);
            add_pair(b, 5, change, x, y, "(none)");
            free(x);
            free(y);
            continue;
        }
        struct diff_lines d;
        report_diff_lines(a, c, step, (enum report_diff_part)part, &d);
        for (size_t i = 0; i < d.count; i++) {
            const struct diff_line *l = &d.lines[i];
            if (l->same)
                add_text_at(b, 5, "1+2: ", l->first, "");
            if (l->first && !l->same)
                add_text_at(b, 5, "1: ", l->first, "");
            if (l->second && !l->same)
                add_text_at(b, 5, "2: ", l->second, "");
        }
        report_diff_lines_free(&d);
    }
    return differs;
}

/* The pitch section by section as each session wrote it (a draft is
 * never stored, so never compared), the text of those that differ; how
 * many sections differ, -1 when neither wrote any. */
static int add_pitch(struct strbuf *b, const struct session *a, const struct session *c)
{
    if (!pitch_written(a) && !pitch_written(c)) {
        strbuf_puts(b, "\nSales pitch: written in neither\n");
        return -1;
    }
    int differ = 0;
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        differ += strcmp(report_narrative_change(a->pitch[i], c->pitch[i]), "same") != 0;
    strbuf_printf(b, "\nSales pitch: %s\n", !pitch_written(a) ? "written only in the second"
                                            : !pitch_written(c) ? "written only in the first"
                                            : differ            ? "changed" : "same");
    for (int i = 0; i < PITCH_SECTION_COUNT; i++) {
        const char *change = report_narrative_change(a->pitch[i], c->pitch[i]);
        if (!strcmp(change, "written in neither"))
            continue;
        strbuf_printf(b, "   %d. %s: %s\n", i + 1, pitch_section_titles[i], change);
        if (strcmp(change, "same"))
            add_pair(b, 5, change, a->pitch[i], c->pitch[i], "(not written)");
    }
    return differ;
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
    int changed = 0, chain_steps = 0, method_steps = 0;
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
        size_t before = out.len;
        chain_steps += add_method(&out, a, b, (enum step)s);
        method_steps += out.len > before;
    }
    int pitch_differ = add_pitch(&out, a, b);
    const char *story = report_narrative_change(a->narrative, b->narrative);
    strbuf_printf(&out, "\nSales narrative: %s\n", story);
    if (!strcmp(story, "same") || !strcmp(story, "written in neither")) {
        add_text(&out, "1+2: ", a->narrative, "(not written)");
    } else {
        add_text(&out, "1: ", a->narrative, "(not written)");
        add_text(&out, "2: ", b->narrative, "(not written)");
    }
    strbuf_printf(&out, "\n%d of %d decisions differ.\n", changed, STEP_COUNT);
    if (method_steps)
        strbuf_printf(&out, "The method around them differs at %d of %d steps.\n", chain_steps,
                      STEP_COUNT);
    if (pitch_differ >= 0)
        strbuf_printf(&out, "%d of %d pitch sections differ.\n", pitch_differ,
                      PITCH_SECTION_COUNT);
    alignment_free(&al_a);
    alignment_free(&al_b);
    return strbuf_take(&out);
}
