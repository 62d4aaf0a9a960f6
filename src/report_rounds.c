/* report_rounds.c: the rounds of a step's vote in the reports: each round's
 * W, its band and how it moved, then the reading; as text for `report`, as
 * JSON for `report --json`, and as Markdown for the canvas. */
#include "json_out.h"
#include "report.h"
#include "rounds.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* The rounds the reports show: every closed one and the current one. */
static size_t all_rounds(const struct align_step *st, const struct align_vote ***out)
{
    *out = xcalloc(st->round_count + 1, sizeof **out);
    return rounds_shown(st, true, *out);
}

/* "W 0.78 (substantial), +0.67, the same top three" for round i of shown. */
static void add_round_w(struct strbuf *b, const struct align_vote *const *shown, size_t i)
{
    const struct align_vote *v = shown[i];
    if (isnan(v->kendall_w)) {
        strbuf_puts(b, "W n/a");
        return;
    }
    strbuf_printf(b, "W %.2f (%s)", (double)rounds_hundredths(v->kendall_w) / 100.0,
                  rounds_band(v->kendall_w));
    if (!i)
        return;
    struct rounds_move m;
    rounds_move(shown[i - 1], v, &m);
    if (!isnan(m.w_change))
        strbuf_printf(b, ", %+.2f", m.w_change);
    strbuf_puts(b, m.top3_changed ? ", the top three changed" : ", the same top three");
}

/* text wrapped to 80 columns: the first line after lead, the rest indented by indent */
static void add_wrapped(struct strbuf *b, const char *lead, int indent, const char *text)
{
    int lead_width = (int)strlen(lead), width = 80 - (lead_width > indent ? lead_width : indent);
    char **lines;
    size_t count = text_wrap(text, width, &lines);
    for (size_t i = 0; i < count; i++) {
        strbuf_printf(b, "%*s%s%s\n", i ? indent : 0, "", i ? "" : lead, lines[i]);
        free(lines[i]);
    }
    free(lines);
}

/* One round's line: its W, how it moved, and the share with the room's top three. */
static void add_round(struct strbuf *b, const struct align_vote *const *shown, size_t i)
{
    strbuf_printf(b, "Round %d: ", shown[i]->round);
    add_round_w(b, shown, i);
    strbuf_printf(b, "; %zu ranking%s, %.1f%% with the room's top three", shown[i]->rankings,
                  shown[i]->rankings == 1 ? "" : "s", shown[i]->top3_match_share);
}

void report_rounds_text(struct strbuf *b, const struct align_step *st, double threshold)
{
    const struct align_vote **shown;
    size_t n = all_rounds(st, &shown);
    if (n > 1)
        strbuf_puts(b, "   Rounds:\n");
    for (size_t i = 0; n > 1 && i < n; i++) {
        struct strbuf line = {0};
        add_round(&line, shown, i);
        add_wrapped(b, "     ", 7, line.data);
        free(line.data);
    }
    free(shown);
    char reading[300];
    rounds_reading(st, true, threshold, reading, sizeof reading);
    if (*reading)
        add_wrapped(b, "   Reading: ", 5, reading);
}

static void json_top3(struct strbuf *b, const struct align_vote *v)
{
    strbuf_puts(b, "[");
    for (size_t i = 0; i < v->candidate_count && i < 3; i++) {
        strbuf_puts(b, i ? "," : "");
        json_out_string(b, v->order[i].label);
    }
    strbuf_puts(b, "]");
}

void report_rounds_json(struct strbuf *b, const struct align_step *st, double threshold)
{
    json_out_key(b, "round", false);
    strbuf_printf(b, "%d", st->round);
    json_out_key(b, "rounds", false);
    const struct align_vote **shown;
    size_t n = all_rounds(st, &shown);
    strbuf_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        const struct align_vote *v = shown[i];
        strbuf_puts(b, i ? ",{" : "{");
        json_out_key(b, "round", true);
        strbuf_printf(b, "%d", v->round);
        json_out_key(b, "current", false);
        json_out_bool(b, v == st->vote);
        json_out_key(b, "rankings", false);
        strbuf_printf(b, "%zu", v->rankings);
        json_out_key(b, "kendall_w", false);
        json_out_number(b, v->kendall_w, 4);
        json_out_key(b, "band", false);
        if (rounds_band(v->kendall_w))
            json_out_string(b, rounds_band(v->kendall_w));
        else
            strbuf_puts(b, "null");
        json_out_key(b, "top3", false);
        json_top3(b, v);
        json_out_key(b, "top3_all_agree", false);
        json_out_bool(b, v->top3_all_agree);
        json_out_key(b, "top3_match_share", false);
        json_out_number(b, v->top3_match_share, 1);
        struct rounds_move m = {NAN, false};
        if (i)
            rounds_move(shown[i - 1], v, &m);
        json_out_key(b, "w_change", false);
        json_out_number(b, m.w_change, 2);
        json_out_key(b, "top3_changed", false);
        if (i)
            json_out_bool(b, m.top3_changed);
        else
            strbuf_puts(b, "null");
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, "]");
    free(shown);
    json_out_key(b, "reading", false);
    char reading[300];
    enum rounds_verdict verdict = rounds_reading(st, true, threshold, reading, sizeof reading);
    if (!n) {
        strbuf_puts(b, "null");
        return;
    }
    strbuf_puts(b, "{");
    json_out_key(b, "verdict", true);
    json_out_string(b, rounds_verdict_ids[verdict]);
    json_out_key(b, "text", false);
    json_out_string(b, reading);
    strbuf_puts(b, "}");
}

void report_rounds_markdown(struct strbuf *b, const struct align_step *st, double threshold)
{
    const struct align_vote **shown;
    size_t n = all_rounds(st, &shown);
    if (n > 1) {
        strbuf_puts(b, "**Rounds:**\n\n");
        for (size_t i = 0; i < n; i++) {
            strbuf_puts(b, "- ");
            add_round(b, shown, i);
            strbuf_puts(b, "\n");
        }
        strbuf_puts(b, "\n");
    }
    free(shown);
    char reading[300];
    rounds_reading(st, true, threshold, reading, sizeof reading);
    if (*reading)
        strbuf_printf(b, "**Reading:** %s\n\n", reading);
}
