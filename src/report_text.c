/* report_text.c: a session as plain text for `samesong show`. */
#include "report.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Adds untrusted text, made safe; continuation lines are indented by indent. */
static void add_safe(struct strbuf *b, const char *text, const char *indent)
{
    char *safe = text_sanitize(text, true);
    for (char *line = safe, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line != safe)
            strbuf_printf(b, "\n%s", indent);
        strbuf_puts(b, line);
    }
    free(safe);
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
                strbuf_puts(b, "   ");
                add_safe(b, s->participants[p].name, "");
                strbuf_printf(b, " (%s)\n", role_ids[s->participants[p].role]);
                header = any = true;
            }
            strbuf_puts(b, "     - ");
            add_safe(b, in->text, "");
            if (in->group && strcmp(in->group, in->text) != 0) {
                strbuf_puts(b, "  [group: ");
                add_safe(b, in->group, "");
                strbuf_puts(b, "]");
            }
            strbuf_puts(b, "\n");
        }
    }
    if (!any)
        strbuf_puts(b, "   (no answers yet)\n");
    if (s->decisions[step]) {
        strbuf_puts(b, "   Decision: ");
        add_safe(b, s->decisions[step], "             ");
        strbuf_puts(b, "\n");
    }
}

char *report_text(const struct session *s, const struct step_text steps[STEP_COUNT])
{
    struct strbuf b = {0};
    add_safe(&b, s->name, "");
    strbuf_printf(&b, " (%s)\n", s->slug);
    if (*s->product) {
        strbuf_puts(&b, "Product: ");
        add_safe(&b, s->product, "");
        strbuf_puts(&b, "\n");
    }
    strbuf_printf(&b, "Mode: %s. Status: %s", s->solo ? "solo" : "workshop",
                  s->locked ? "locked" : "open");
    if (s->locked_at)
        strbuf_printf(&b, " since %s", s->locked_at);
    strbuf_printf(&b, ". Created %s.\n", s->created_at);
    strbuf_printf(&b, "Participants (%zu):", s->participant_count);
    for (size_t p = 0; p < s->participant_count; p++) {
        strbuf_puts(&b, p ? ", " : " ");
        add_safe(&b, s->participants[p].name, "");
        strbuf_printf(&b, " (%s)", role_ids[s->participants[p].role]);
    }
    strbuf_puts(&b, s->participant_count ? "\n" : " none yet\n");
    for (int step = 0; step < STEP_COUNT; step++)
        add_step(&b, s, (enum step)step, &steps[step]);
    if (*s->narrative) {
        strbuf_puts(&b, "\nSales narrative\n   ");
        add_safe(&b, s->narrative, "   ");
        strbuf_puts(&b, "\n");
    }
    return strbuf_take(&b);
}
