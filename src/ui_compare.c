/* ui_compare.c: two sessions side by side (typically one product a quarter
 * apart): each step's decisions with what changed, both alignments, and the
 * method around each (the chain item beside item, proof, why, dissent,
 * champion, style); the sales pitch section by section as written; the
 * narratives; and the product's alignment across its sessions; each whole,
 * the window scrolling over them when they are longer than it. */
#include "layout.h"
#include "pitch.h"
#include "report.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The pick, the two sessions compared, and the product's trend. */
struct compare_state {
    int64_t first;          /* the session picked first with c, or 0 */
    bool comparing;
    struct session compared[2];
    char **trend_dates;     /* the product's sessions, oldest first */
    double *trend_values;   /* and their overall alignment */
    size_t trend_count;
    int height;             /* rows of the scrolled part, as drawn */
};

static struct compare_state *state(struct ui *ui)
{
    return ui_state(ui, UI_COMPARE);
}

static void forget(struct compare_state *cs)
{
    if (cs->comparing) {
        session_free(&cs->compared[0]);
        session_free(&cs->compared[1]);
    }
    cs->comparing = false;
    for (size_t i = 0; i < cs->trend_count; i++)
        free(cs->trend_dates[i]);
    free(cs->trend_dates);
    free(cs->trend_values);
    cs->trend_dates = NULL;
    cs->trend_values = NULL;
    cs->trend_count = 0;
}

static void compare_leave(struct ui *ui)
{
    forget(state(ui));
}

static void free_state(void *p)
{
    forget(p);
}

bool ui_compare_forget_pick(struct ui *ui)
{
    struct compare_state *cs = state(ui);
    if (!cs->first)
        return false;
    cs->first = 0;
    ui_say(ui, "The pick to compare is forgotten.");
    return true;
}

/* The product's sessions, oldest first, with their overall alignment. */
static void load_trend(struct ui *ui, const char *product)
{
    struct compare_state *cs = state(ui);
    struct session_summary *list;
    size_t count;
    if (store_list_sessions(ui->store, &list, &count) < 0)
        return;
    for (size_t k = count; k-- > 0;) { /* the list is newest first */
        const struct session_summary *s = &list[k];
        struct session full;
        if (strcmp(s->product, product) || store_load_session(ui->store, s->id, &full) < 0)
            continue;
        struct alignment a;
        align_session(&full, &a);
        cs->trend_dates = xrealloc(cs->trend_dates, (cs->trend_count + 1) * sizeof(char *));
        cs->trend_values = xrealloc(cs->trend_values, (cs->trend_count + 1) * sizeof(double));
        cs->trend_dates[cs->trend_count] = xasprintf("%.10s %s", s->created_at, s->slug);
        cs->trend_values[cs->trend_count++] = a.overall;
        alignment_free(&a);
        session_free(&full);
    }
    store_summaries_free(list, count);
}

void ui_compare_pick(struct ui *ui, int64_t id)
{
    struct compare_state *cs = state(ui);
    if (!cs->first) {
        cs->first = id;
        ui_say(ui, "Picked. Now c on the session to compare it with (Esc forgets the pick).");
        return;
    }
    if (id == cs->first) { /* itself: every step would be "same"; the pick stays */
        ui_error(ui, "That is the session picked first; c on another compares them (Esc forgets "
                     "the pick).");
        return;
    }
    forget(cs);
    int64_t first = cs->first;
    cs->first = 0;
    if (store_load_session(ui->store, first, &cs->compared[0]) < 0) {
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    if (store_load_session(ui->store, id, &cs->compared[1]) < 0) {
        session_free(&cs->compared[0]);
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    cs->comparing = true;
    load_trend(ui, cs->compared[1].product);
    ui_open_overlay(ui, UI_COMPARE);
}

/* A heading and the two sides' text under it, each wrapped whole, the second
 * in the colour of a change; returns the row after them and a blank one. */
static int layout_pair(struct ui *ui, struct ui_page *pg, int row, const char *heading, bool same,
                       const char *left, const char *right)
{
    int half = (COLS - 6) / 2;
    ui_page_put(pg, row++, 2, COLS - 4, heading, same ? ui_attr(ui, C_NORMAL) | A_BOLD
                                                      : ui_attr(ui, C_WARN) | A_BOLD);
    int used_a = ui_page_wrap(pg, row, 4, half - 2, left, ui_attr(ui, C_NORMAL));
    int used_b = ui_page_wrap(pg, row, 4 + half, half - 2, right,
                              same ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_GOOD));
    return row + (used_a > used_b ? used_a : used_b) + 1;
}

/* One line of a part beside its match, each wrapped whole; the second in
 * the colour of a change unless the same. Returns the row after them. */
static int layout_line(struct ui *ui, struct ui_page *pg, int row, const struct diff_line *l)
{
    int half = (COLS - 6) / 2;
    attr_t normal = ui_attr(ui, C_NORMAL), changed = ui_attr(ui, C_GOOD);
    int used_a = l->first ? ui_page_wrap(pg, row, 6, half - 4, l->first, normal) : 0;
    int used_b = l->second ? ui_page_wrap(pg, row, 6 + half, half - 4, l->second,
                                          l->same ? normal : changed)
                           : 0;
    return row + (used_a > used_b ? used_a : used_b);
}

/* The method's parts of a step that either session has, under the
 * decisions: each named with how it changed and, when it changed, its lines
 * side by side. */
static int layout_method(struct ui *ui, struct ui_page *pg, int row, const struct session *a,
                         const struct session *b, enum step step)
{
    char line[160];
    for (int part = 0; part < DIFF_PART_COUNT; part++) {
        const char *change = report_diff_part(a, b, step, (enum report_diff_part)part);
        if (!change)
            continue;
        bool same = !strcmp(change, "same");
        snprintf(line, sizeof line, "%s: %s", report_diff_part_names[part], change);
        ui_page_put(pg, row++, 4, COLS - 6, line,
                    same ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        if (same)
            continue;
        if (report_diff_part_is_lines((enum report_diff_part)part)) {
            struct diff_lines d;
            report_diff_lines(a, b, step, (enum report_diff_part)part, &d);
            for (size_t i = 0; i < d.count; i++)
                row = layout_line(ui, pg, row, &d.lines[i]);
            report_diff_lines_free(&d);
        } else {
            struct diff_line l = {report_diff_text(a, step, (enum report_diff_part)part),
                                  report_diff_text(b, step, (enum report_diff_part)part), same};
            row = layout_line(ui, pg, row, &l);
            free(l.first);
            free(l.second);
        }
    }
    return row + 1;
}

/* The pitch section by section as each wrote it (drafts are not stored, so
 * not compared), the text of those that differ; nothing when neither wrote
 * any. */
static int layout_pitch(struct ui *ui, struct ui_page *pg, int row, const struct session *a,
                        const struct session *b)
{
    if (!pitch_written(a) && !pitch_written(b))
        return row;
    ui_page_put(pg, row++, 2, COLS - 4, "Sales pitch, as written", ui_attr(ui, C_TITLE));
    char line[160];
    for (int i = 0; i < PITCH_SECTION_COUNT; i++) {
        const char *change = report_narrative_change(a->pitch[i], b->pitch[i]);
        if (!strcmp(change, "written in neither"))
            continue;
        snprintf(line, sizeof line, "%d. %s: %s", i + 1, pitch_section_titles[i], change);
        if (!strcmp(change, "same")) {
            ui_page_put(pg, row++, 2, COLS - 4, line, ui_attr(ui, C_NORMAL) | A_BOLD);
            continue;
        }
        row = layout_pair(ui, pg, row, line, !strcmp(change, "same"),
                          a->pitch[i] ? a->pitch[i] : "(not written)",
                          b->pitch[i] ? b->pitch[i] : "(not written)");
    }
    return row;
}

/* The five steps with their method, the pitch, the narratives, then the
 * product's trend. */
static void layout_compare(struct ui *ui, struct ui_page *pg, const struct alignment al[2])
{
    struct compare_state *cs = state(ui);
    const struct session *a = &cs->compared[0], *b = &cs->compared[1];
    char line[300];
    int row = 0;
    for (int s = 0; s < STEP_COUNT; s++) {
        const char *change = report_decision_change(a->decisions[s], b->decisions[s]);
        char pct[2][16];
        for (int i = 0; i < 2; i++) {
            if (isnan(al[i].steps[s].alignment))
                snprintf(pct[i], sizeof pct[i], "n/a");
            else
                snprintf(pct[i], sizeof pct[i], "%.1f%%", al[i].steps[s].alignment);
        }
        snprintf(line, sizeof line, "%d. %s: %s   alignment %s \u2192 %s", s + 1,
                 ui->steps[s].title, change, pct[0], pct[1]);
        row = layout_pair(ui, pg, row, line, !strcmp(change, "same"),
                          a->decisions[s] ? a->decisions[s] : "(not decided)",
                          b->decisions[s] ? b->decisions[s] : "(not decided)");
        row = layout_method(ui, pg, row - 1, a, b, (enum step)s); /* in the blank row on */
    }
    row = layout_pitch(ui, pg, row, a, b);
    const char *change = report_narrative_change(a->narrative, b->narrative);
    snprintf(line, sizeof line, "Sales narrative: %s", change);
    row = layout_pair(ui, pg, row, line, !strcmp(change, "same"),
                      *a->narrative ? a->narrative : "(not written)",
                      *b->narrative ? b->narrative : "(not written)");
    /* The product's trend: overall alignment across its sessions. */
    snprintf(line, sizeof line, "Overall alignment of %s across its sessions:",
             *b->product ? b->product : "sessions without a product");
    ui_page_put(pg, row++, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    int bar_w = layout_clamp(COLS - 50, 10, 50);
    char *bar = xcalloc((size_t)bar_w * 3 + 1, 1);
    for (size_t i = 0; i < cs->trend_count; i++, row++) {
        ui_page_put(pg, row, 4, 36, cs->trend_dates[i], ui_attr(ui, C_NORMAL));
        double v = cs->trend_values[i];
        int cells = isnan(v) ? 0 : layout_clamp((int)(v / 100.0 * bar_w + 0.5), 0, bar_w);
        bar[0] = '\0';
        for (int c = 0; c < cells; c++)
            strcat(bar, "\u2588");
        if (cells)
            ui_page_put(pg, row, 41, cells, bar, ui_attr(ui, C_GOOD));
        if (isnan(v))
            snprintf(line, sizeof line, "n/a");
        else
            snprintf(line, sizeof line, "%.1f%%", v);
        ui_page_put(pg, row, 42 + cells, 8, line, ui_attr(ui, C_NORMAL));
    }
    free(bar);
}

static void compare_draw(struct ui *ui)
{
    struct compare_state *cs = state(ui);
    const struct session *a = &cs->compared[0], *b = &cs->compared[1];
    char title[400];
    snprintf(title, sizeof title, "Compare: %s \u2192 %s", a->slug, b->slug);
    ui_draw_header(ui, title, store_is_read_only(ui->store) ? "read-only" : NULL);
    struct alignment al[2];
    align_session(a, &al[0]);
    align_session(b, &al[1]);
    int half = (COLS - 6) / 2, y = 2;
    char line[300];
    snprintf(line, sizeof line, "1: %s (%.10s)", a->name, a->created_at);
    ui_put(y, 2, half, line, ui_attr(ui, C_TITLE));
    snprintf(line, sizeof line, "2: %s (%.10s)", b->name, b->created_at);
    ui_put(y++, 4 + half, half, line, ui_attr(ui, C_TITLE));
    y++;
    struct ui_page pg = {0};
    layout_compare(ui, &pg, al);
    cs->height = LINES - 2 - y;
    ui_page_draw(ui, &pg, y, cs->height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
    alignment_free(&al[0]);
    alignment_free(&al[1]);
}

static void compare_act(struct ui *ui, enum ui_action a)
{
    /* nothing to do here but scroll and leave it (q, Esc) */
    ui_page_scroll(a, &ui->top, state(ui)->height);
}

const struct ui_screen_ops ui_compare_screen = {
    .name = "compare",
    .flags = UI_OVERLAY,
    .state_size = sizeof(struct compare_state),
    .draw = compare_draw,
    .act = compare_act,
    .leave = compare_leave,
    .free = free_state,
};
