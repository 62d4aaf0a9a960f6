/* report_text.c: a session as plain text for `samesong show`, wrapped to 80 columns. */
#include "method.h"
#include "pitch.h"
#include "report.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define WIDTH 80

/* Adds untrusted text, made safe and wrapped: the first line after first,
 * the others after rest (both prefixes take the same columns). */
static void add_wrapped(struct strbuf *b, const char *text, const char *first, const char *rest)
{
    char *safe = text_sanitize(text, true);
    char **lines;
    size_t n = text_wrap(safe, WIDTH - text_width(first), &lines);
    for (size_t i = 0; i < n; i++) {
        strbuf_printf(b, "%s%s\n", i ? rest : first, lines[i]);
        free(lines[i]);
    }
    free(lines);
    free(safe);
}

/* Each item of a decision that builds on another, with its links, as the
 * canvas shows them: "Order lookup — beats: Spreadsheets, Zendesk". */
static void add_chain(struct strbuf *b, const struct session *s, enum step step)
{
    enum step on = method_builds_on(step);
    if (!s->decisions[step] || on == STEP_COUNT || !s->decisions[on])
        return;
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    strbuf_puts(b, "   Chain:\n");
    for (size_t i = 0; i < n; i++) {
        char *line = method_item_line(s, step, items[i], NULL);
        add_wrapped(b, line, "     - ", "       ");
        free(line);
    }
    method_items_free(items, n);
}

/* "Label: text (why: why)", wrapped; nothing without text. */
static void add_with_why(struct strbuf *b, const char *label, const char *text, const char *why)
{
    if (!text)
        return;
    char *line = why ? xasprintf("%s (why: %s)", text, why) : xstrdup(text);
    char *first = xasprintf("   %s: ", label);
    add_wrapped(b, line, first, "     ");
    free(first);
    free(line);
}

/* Why the room chose the decision, who does not agree, and the champion or
 * the style where the step has one. */
static void add_reasons(struct strbuf *b, const struct session *s, enum step step)
{
    add_with_why(b, "Why", s->rationale[step], NULL);
    for (size_t i = 0; i < s->dissent_count; i++)
        if (s->dissents[i].step == step) {
            char *line = xasprintf("%s: %s", s->dissents[i].who, s->dissents[i].what);
            add_wrapped(b, line, "   Dissent: ", "     ");
            free(line);
        }
    if (step == STEP_CUSTOMERS)
        add_with_why(b, "Champion", s->champion_role, s->champion_why);
    if (step == STEP_CATEGORY && s->style != STYLE_NONE)
        add_with_why(b, "Style", method_style_names[s->style], s->style_why);
}

static void add_step(struct strbuf *b, const struct session *s, enum step step,
                     const struct step_text *text)
{
    strbuf_printf(b, "\n%d. %s\n   %s\n", step + 1, text->title, text->question);
    bool any = false;
    for (size_t p = 0; p < s->participant_count; p++) {
        bool header = false;
        for (size_t i = 0; i < s->input_count; i++) {
            const struct input *in = &s->inputs[i];
            if (in->participant != p || in->step != step)
                continue;
            if (!header) {
                char *who = xasprintf("%s (%s)", s->participants[p].name,
                                      session_roles[s->participants[p].role].id);
                add_wrapped(b, who, "   ", "   ");
                free(who);
                header = any = true;
            }
            char *line = in->group && strcmp(in->group, in->text) != 0
                             ? xasprintf("%s [group: %s]", in->text, in->group)
                             : xstrdup(in->text);
            add_wrapped(b, line, "     - ", "       ");
            free(line);
        }
    }
    if (!any)
        strbuf_puts(b, "   (no answers yet)\n");
    if (s->decisions[step])
        add_wrapped(b, s->decisions[step], "   Decision: ", "             ");
    add_chain(b, s, step);
    add_reasons(b, s, step);
}

char *report_text(const struct session *s, const struct step_text steps[STEP_COUNT])
{
    struct strbuf b = {0};
    char *title = xasprintf("%s (%s)", s->name, s->slug);
    add_wrapped(&b, title, "", "");
    free(title);
    if (*s->product)
        add_wrapped(&b, s->product, "Product: ", "         ");
    char *status = xasprintf("Mode: %s. Status: %s%s%s. Created %s.", s->solo ? "solo" : "workshop",
                             s->locked ? "locked" : "open", s->locked_at ? " since " : "",
                             s->locked_at ? s->locked_at : "", s->created_at);
    char *safe = text_sanitize(status, false); /* the dates too: the file may be edited */
    strbuf_printf(&b, "%s\n", safe);
    free(safe);
    free(status);
    struct strbuf people = {0};
    strbuf_printf(&people, "Participants (%zu):", s->participant_count);
    for (size_t p = 0; p < s->participant_count; p++)
        strbuf_printf(&people, "%s%s (%s)", p ? ", " : " ", s->participants[p].name,
                      session_roles[s->participants[p].role].id);
    if (!s->participant_count)
        strbuf_puts(&people, " none yet");
    char *line = strbuf_take(&people);
    add_wrapped(&b, line, "", "  ");
    free(line);
    for (int step = 0; step < STEP_COUNT; step++)
        add_step(&b, s, (enum step)step, &steps[step]);
    if (s->objection_count)
        strbuf_puts(&b, "\nObjections they hear\n");
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    pitch_people_order(s, order); /* sales and customer success first */
    for (size_t o = 0; o < s->participant_count; o++) {
        bool header = false;
        for (size_t i = 0; i < s->objection_count; i++) {
            if (s->objections[i].participant != order[o])
                continue;
            if (!header) {
                char *who = xasprintf("%s (%s)", s->participants[order[o]].name,
                                      session_roles[s->participants[order[o]].role].id);
                add_wrapped(&b, who, "   ", "   ");
                free(who);
                header = true;
            }
            add_wrapped(&b, s->objections[i].text, "     - ", "       ");
        }
    }
    free(order);
    if (pitch_written(s))
        strbuf_puts(&b, "\nSales pitch\n");
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (s->pitch[i]) {
            strbuf_printf(&b, "   %s%s\n", pitch_section_titles[i], /* the pitch screen's words */
                          pitch_stale(s, (enum pitch_section)i)
                              ? "  (written before the decisions changed)" : "");
            /* line by line: the room's line breaks and indents are its layout */
            char *copy = xstrdup(s->pitch[i]);
            for (char *row = copy, *next; row; row = next) {
                next = strchr(row, '\n');
                if (next)
                    *next++ = '\0';
                if (row[strspn(row, " \t\r")])
                    add_wrapped(&b, row, "     ", "     ");
            }
            free(copy);
        }
    if (*s->narrative) {
        strbuf_puts(&b, "\nSales narrative\n");
        add_wrapped(&b, s->narrative, "   ", "   ");
    }
    return strbuf_take(&b);
}
