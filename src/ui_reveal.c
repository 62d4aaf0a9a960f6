/* ui_reveal.c: a step revealed: who said what (a grid), coverage by role, an
 * agreement heatmap, or everyone's answers side by side; with grouping,
 * suggested merges and, in the capabilities step, the reality check. */
#include "layout.h"
#include "similar.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const view_names[VIEW_COUNT] = {"who said what", "coverage", "heatmap",
                                                   "votes", "answers"};
static const char *const tags[] = {"today", "roadmap", "not planned"};

void ui_participant_label(const struct ui *ui, size_t p, char *out, size_t size)
{
    const struct session *s = &ui->session;
    enum role role = s->participants[p].role;
    if (ui->attribution == ATTRIBUTE_NAMES) {
        snprintf(out, size, "%s", s->participants[p].name);
    } else if (ui->attribution == ATTRIBUTE_ANONYMOUS) {
        snprintf(out, size, "P%d", session_anonymous_number(s, p));
    } else {
        /* "Sales 2": numbered within the role when it has several members */
        int nth = 0, of = 0;
        for (size_t q = 0; q < s->participant_count; q++)
            if (s->participants[q].role == role) {
                of++;
                if (q <= p)
                    nth++;
            }
        if (of > 1)
            snprintf(out, size, "%s %d", session_roles[role].label, nth);
        else
            snprintf(out, size, "%s", session_roles[role].label);
    }
}

void ui_participant_label_fit(const struct ui *ui, size_t p, int width, char *out, size_t size)
{
    ui_participant_label(ui, p, out, size);
    const char *number = strrchr(out, ' ');
    if (ui->attribution != ATTRIBUTE_ROLES || text_width(out) <= width || !number)
        return;
    /* "Success 1" and "Success 2" would both be "Succes…": the role's word
     * gives way, to four letters at most, so that the number shows */
    int keep = width - (int)strlen(number);
    keep = keep > 4 ? 4 : keep < 1 ? 1 : keep;
    char *copy = xstrdup(out);
    snprintf(out, size, "%.*s%s", keep, copy, copy + (number - out));
    free(copy);
}

attr_t ui_participant_attr(const struct ui *ui, size_t p)
{
    if (ui->attribution == ATTRIBUTE_ANONYMOUS)
        return ui_attr(ui, C_NORMAL) | A_BOLD;
    return ui_role_attr(ui, ui->session.participants[p].role);
}

void ui_order_answers(const struct ui *ui, const struct input **list, size_t n)
{
    if (ui->attribution != ATTRIBUTE_ANONYMOUS || n < 2)
        return;
    int *number = xcalloc(ui->session.participant_count + 1, sizeof *number);
    session_anonymous_numbers(&ui->session, number);
    for (size_t i = 1; i < n; i++) { /* few answers: an insertion sort keeps each one's order */
        const struct input *in = list[i];
        size_t j = i;
        for (; j > 0 && number[list[j - 1]->participant] > number[in->participant]; j--)
            list[j] = list[j - 1];
        list[j] = in;
    }
    free(number);
}

/* Participants in column order: by role, then as they joined; when anonymous,
 * by their P number, which follows neither. */
static size_t column_order(const struct ui *ui, size_t *order)
{
    const struct session *s = &ui->session;
    if (ui->attribution == ATTRIBUTE_ANONYMOUS) {
        int *number = xcalloc(s->participant_count + 1, sizeof *number);
        session_anonymous_numbers(s, number);
        for (size_t p = 0; p < s->participant_count; p++)
            order[number[p] - 1] = p;
        free(number);
        return s->participant_count;
    }
    return session_people_by_role(s, order);
}

/* The reveal's own state: the groups marked for a merge, by key. */
struct reveal_state {
    char **marks;
    size_t mark_count;
    char *apart_key; /* the group u asked to take apart */
    int page_height;        /* rows of the answers' or heatmap's scrolled part, as drawn */
};

static struct reveal_state *state(struct ui *ui)
{
    return ui_state(ui, UI_REVEAL);
}

static bool marked(struct ui *ui, const char *key)
{
    struct reveal_state *rs = state(ui);
    for (size_t i = 0; i < rs->mark_count; i++)
        if (!strcmp(rs->marks[i], key))
            return true;
    return false;
}

/* One label cell of a group row: a mark, the label, and a capability's tag. */
static void draw_group_label(struct ui *ui, int y, int width, const struct align_group *g,
                             attr_t a)
{
    char *line;
    const char *tag = ui->step == STEP_CAPABILITIES ? align_group_tag(&ui->session, g) : NULL;
    line = tag ? xasprintf("%s%s [%s]", marked(ui, g->key) ? "* " : "", g->label, tag)
               : xasprintf("%s%s", marked(ui, g->key) ? "* " : "", g->label);
    ui_put(y, 2, width - 1, line, a);
    free(line);
}

static attr_t group_attr(struct ui *ui, const struct align_step *st, const struct align_group *g,
                         bool selected)
{
    if (selected)
        return ui_attr(ui, C_SELECTED);
    if (align_is_shared(st, g))
        return ui_attr(ui, C_GOOD) | A_BOLD;
    if (align_is_lone(st, g))
        return ui_attr(ui, C_WARN);
    return ui_attr(ui, C_NORMAL);
}

/* When not every person's column fits: which are shown, and how to see the rest. */
static void draw_more_columns(struct ui *ui, int y, int visible, size_t n)
{
    if (visible >= (int)n)
        return;
    char more[48];
    snprintf(more, sizeof more, "%d-%d of %zu, Left/Right", ui->column + 1, ui->column + visible,
             n);
    ui_put(y, COLS - 2 - text_width(more), text_width(more), more, ui_attr(ui, C_DIM));
}

static void draw_grid(struct ui *ui, const struct align_step *st, int y)
{
    const struct session *s = &ui->session;
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    size_t n = column_order(ui, order);
    struct layout_grid g = layout_fit_grid(COLS - 2, (int)n);
    ui->column = layout_clamp(ui->column, 0, (int)n - g.visible);
    int x0 = 2 + g.label_width + LAYOUT_GRID_COUNT_WIDTH;
    ui_put(y, 2, g.label_width, "GROUP (most named first)", ui_attr(ui, C_TITLE));
    ui_put(y, 2 + g.label_width, LAYOUT_GRID_COUNT_WIDTH, "#", ui_attr(ui, C_TITLE));
    for (int c = 0; c < g.visible && ui->column + c < (int)n; c++) {
        char label[64];
        size_t p = order[ui->column + c];
        ui_participant_label_fit(ui, p, g.cell_width - 1, label, sizeof label);
        ui_put(y, x0 + c * g.cell_width, g.cell_width - 1, label,
               ui_participant_attr(ui, p));
    }
    draw_more_columns(ui, y - 1, g.visible, n);
    y++;
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)st->group_count - 1);
    layout_keep_visible(ui->cursor, (int)st->group_count, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 0, ui->list_x1 = COLS, ui->list_step = 1;
    ui->list_count = (int)st->group_count;
    for (int row = 0; row < height && ui->top + row < (int)st->group_count; row++) {
        const struct align_group *gr = &st->groups[ui->top + row];
        bool selected = ui->top + row == ui->cursor;
        attr_t a = group_attr(ui, st, gr, selected);
        if (selected)
            ui_fill(y + row, 1, COLS - 2, a);
        draw_group_label(ui, y + row, g.label_width, gr, a);
        char count[16];
        snprintf(count, sizeof count, "%zu", gr->count);
        ui_put(y + row, 2 + g.label_width, LAYOUT_GRID_COUNT_WIDTH, count, a);
        for (int c = 0; c < g.visible && ui->column + c < (int)n; c++) {
            size_t p = order[ui->column + c];
            if (gr->named_by[p])
                ui_put(y + row, x0 + c * g.cell_width + 2, 1, "\u25cf",
                       selected ? a : ui_participant_attr(ui, p));
            else if (st->answering[p])
                ui_put(y + row, x0 + c * g.cell_width + 2, 1, "\u00b7",
                       selected ? a : ui_attr(ui, C_DIM));
        }
    }
    free(order);
}

/* Each group's bar, split by role: colour where there is colour, a different
 * shade per role where there is not; one shade for all when people are
 * anonymous. A full bar is everyone in the session, not everyone who answered. */
static void draw_coverage(struct ui *ui, const struct align_step *st, int y)
{
    static const char *const shades[ROLE_COUNT] = {"\u2588", "\u2593", "\u2592", "\u2591", "#",
                                                   "="};
    bool by_role = ui->attribution != ATTRIBUTE_ANONYMOUS;
    size_t people = ui->session.participant_count;
    int label_w = layout_clamp(COLS / 3, 14, 40), bar_w = COLS - label_w - 12;
    char title[160];
    int said = snprintf(title, sizeof title, "How many named each group%s (full bar: all %zu "
                        "people", by_role ? ", by role" : "", people);
    if (st->answered < people)
        snprintf(title + said, sizeof title - (size_t)said, ", %zu answered):", st->answered);
    else
        snprintf(title + said, sizeof title - (size_t)said, "):");
    ui_put(y++, 2, COLS - 4, title, ui_attr(ui, C_TITLE));
    int height = LINES - y - 3;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)st->group_count - 1);
    layout_keep_visible(ui->cursor, (int)st->group_count, height, &ui->top);
    for (int row = 0; row < height && ui->top + row < (int)st->group_count; row++) {
        const struct align_group *g = &st->groups[ui->top + row];
        bool selected = ui->top + row == ui->cursor;
        attr_t a = group_attr(ui, st, g, selected);
        draw_group_label(ui, y + row, label_w, g, a);
        int parts[ROLE_COUNT], cells[ROLE_COUNT];
        for (int r = 0; r < ROLE_COUNT; r++)
            parts[r] = by_role ? (int)g->role_count[r] : 0;
        if (!by_role)
            parts[0] = (int)g->count;
        layout_split_bar(parts, ROLE_COUNT, (int)people, bar_w, cells);
        int x = 2 + label_w + 1;
        for (int r = 0; r < ROLE_COUNT; r++)
            for (int i = 0; i < cells[r]; i++)
                x += ui_put(y + row, x, 1, ui->color || !by_role ? "\u2588" : shades[r],
                            by_role ? ui_role_attr(ui, (enum role)r) : ui_attr(ui, C_GOOD));
        char count[32];
        snprintf(count, sizeof count, " %zu of %zu", g->count, people);
        ui_put(y + row, x, COLS - x - 1, count, a);
    }
    if (!by_role)
        return;
    /* The legend: which colour or shade is which role. */
    int x = 2, ly = LINES - 2;
    for (int r = 0; r < ROLE_COUNT; r++) {
        x += ui_put(ly, x, 2, ui->color ? "\u2588" : shades[r], ui_role_attr(ui, (enum role)r));
        x += ui_put(ly, x + 1, COLS - x - 2, session_roles[r].label, ui_attr(ui, C_NORMAL)) + 3;
    }
}

/* A cell of the heatmap on the page's row: the agreement in percent, shaded
 * by how high it is. */
static void heat_cell(struct ui *ui, struct ui_page *pg, int row, int x, double agreement)
{
    static const char *const density[5] = {" ", "\u2591", "\u2592", "\u2593", "\u2588"};
    static const short colours[5] = {C_ERROR, C_ERROR, C_WARN, C_GOOD, C_GOOD};
    if (isnan(agreement)) {
        ui_page_put(pg, row, x, 6, "   -", ui_attr(ui, C_DIM));
        return;
    }
    int level = layout_clamp((int)(agreement * 4.0 + 0.5), 0, 4);
    char number[16];
    double pct = align_round1(agreement * 100.0);
    if (pct == (int)pct)
        snprintf(number, sizeof number, "%d", (int)pct);
    else
        snprintf(number, sizeof number, "%.1f", pct);
    ui_page_put(pg, row, x, 1, density[level], ui_attr(ui, (enum ui_color)colours[level]));
    ui_page_put(pg, row, x + 1, 5, number, ui_attr(ui, (enum ui_color)colours[level]));
}

static double pair_agreement(const struct align_step *st, size_t a, size_t b)
{
    for (size_t i = 0; i < st->pair_count; i++)
        if ((st->pairs[i].a == a && st->pairs[i].b == b) ||
            (st->pairs[i].a == b && st->pairs[i].b == a))
            return st->pairs[i].agreement;
    return NAN;
}

/* Instead of the departments when people are anonymous: the spread of the pairs. */
static void draw_pair_range(struct ui *ui, const struct align_step *st, struct ui_page *pg,
                            int row)
{
    double least, most;
    size_t disjoint;
    if (!align_pair_range(st, &least, &most, &disjoint))
        return;
    char line[200];
    snprintf(line, sizeof line, "Pairs of people agree from %.0f%% to %.0f%%; %zu of %zu pairs "
                                "share nothing.", least * 100.0, most * 100.0, disjoint,
             st->pair_count);
    ui_page_put(pg, row++, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    ui_page_put(pg, row, 2, COLS - 4, "No table by department: people are anonymous.",
                ui_attr(ui, C_DIM));
}

/* The people's table and the departments' under it scroll together under
 * the fixed row of column labels (j, k, PgDn, Space, G), as the answers do. */
static void draw_heatmap(struct ui *ui, const struct align_step *st, int y)
{
    const struct session *s = &ui->session;
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    size_t n = column_order(ui, order);
    int label_w = 12, cell = 8;
    int visible = layout_clamp((COLS - 4 - label_w) / cell, 1, (int)n);
    ui->column = layout_clamp(ui->column, 0, (int)n - visible);
    ui_put(y++, 2, COLS - 4, "Agreement between people, in percent (the share of what they "
                            "named that both named):", ui_attr(ui, C_TITLE));
    char label[64];
    for (int c = 0; c < visible; c++) {
        ui_participant_label_fit(ui, order[ui->column + c], cell - 1, label, sizeof label);
        ui_put(y, 2 + label_w + c * cell, cell - 1, label,
               ui_participant_attr(ui, order[ui->column + c]));
    }
    draw_more_columns(ui, y - 2, visible, n);
    y++;
    struct ui_page pg = {0};
    int row = 0;
    for (size_t r = 0; r < n; r++, row++) {
        ui_participant_label(ui, order[r], label, sizeof label);
        ui_page_put(&pg, row, 2, label_w - 1, label, ui_participant_attr(ui, order[r]));
        for (int c = 0; c < visible; c++) {
            size_t q = order[ui->column + c];
            heat_cell(ui, &pg, row, 2 + label_w + c * cell,
                      q == order[r] ? NAN : pair_agreement(st, order[r], q));
        }
    }
    row++;
    if (ui->attribution == ATTRIBUTE_ANONYMOUS) {
        /* departments would name roles, and with one person a role repeat the table above */
        draw_pair_range(ui, st, &pg, row);
    } else {
        ui_page_put(&pg, row++, 2, COLS - 4, "Between departments (mean of their pairs):",
                    ui_attr(ui, C_TITLE));
        bool present[ROLE_COUNT] = {false};
        for (size_t p = 0; p < s->participant_count; p++)
            present[s->participants[p].role] |= st->answering[p];
        int c = 0;
        for (int r = 0; r < ROLE_COUNT; r++)
            if (present[r])
                ui_page_put(&pg, row, 2 + label_w + c++ * cell, cell - 1, session_roles[r].label,
                            ui_role_attr(ui, (enum role)r));
        row++;
        for (int r = 0; r < ROLE_COUNT; r++) {
            if (!present[r])
                continue;
            ui_page_put(&pg, row, 2, label_w - 1, session_roles[r].label,
                        ui_role_attr(ui, (enum role)r));
            c = 0;
            for (int q = 0; q < ROLE_COUNT; q++)
                if (present[q])
                    heat_cell(ui, &pg, row, 2 + label_w + c++ * cell, st->departments[r][q]);
            row++;
        }
    }
    state(ui)->page_height = LINES - 2 - y;
    ui_page_draw(ui, &pg, y, state(ui)->page_height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
    free(order);
}

/* Everyone's answers side by side, each whole: the columns scroll together
 * (j, k, PgDn, Space) when the longest is taller than the window. */
static void draw_answers(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    size_t n = column_order(ui, order);
    struct layout_columns cols = layout_fit_columns(COLS - 4, (int)n, 18, 40, 2);
    ui->column = layout_clamp(ui->column, 0, (int)n - cols.visible);
    draw_more_columns(ui, y - 1, cols.visible, n);
    struct ui_page pg = {0};
    for (int c = 0; c < cols.visible && ui->column + c < (int)n; c++) {
        size_t p = order[ui->column + c];
        int x = 2 + c * (cols.width + 2), row = 0;
        char label[64];
        ui_participant_label(ui, p, label, sizeof label);
        ui_put(y, x, cols.width, label, ui_participant_attr(ui, p) | A_BOLD);
        attrset(ui_participant_attr(ui, p));
        ui_hline(y + 1, x, cols.width);
        attrset(A_NORMAL);
        bool any = false;
        for (size_t i = 0; i < s->input_count; i++) {
            const struct input *in = &s->inputs[i];
            if (in->participant != p || (int)in->step != ui->step)
                continue;
            char *line = xasprintf("\u2022 %s", in->text);
            row += ui_page_wrap(&pg, row, x, cols.width, line, ui_attr(ui, C_NORMAL));
            free(line);
            row += ui->projector;
            any = true;
        }
        if (!any)
            ui_page_put(&pg, row, x, cols.width, "(no answers)", ui_attr(ui, C_DIM));
    }
    state(ui)->page_height = LINES - 4 - y;
    ui_page_draw(ui, &pg, y + 2, state(ui)->page_height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
    free(order);
}

static void reveal_draw(struct ui *ui)
{
    char where[120];
    snprintf(where, sizeof where, "Reveal %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    ui_draw_session_header(ui, where);
    const struct align_step *st = &ui->align.steps[ui->step];
    char reading[200], line[300];
    if (ui->attribution == ATTRIBUTE_ANONYMOUS)
        align_reading_anonymous(st, reading, sizeof reading);
    else
        align_reading(st, reading, sizeof reading);
    if (isnan(st->alignment))
        snprintf(line, sizeof line, "%s", reading);
    else
        snprintf(line, sizeof line, "Alignment %.1f%%: %s", st->alignment, reading);
    int y = 2;
    ui_put(y++, 2, COLS - 4, ui->steps[ui->step].question, A_BOLD | ui_attr(ui, C_NORMAL));
    ui_put(y++, 2, COLS - 4, line, st->alignment < 40 ? ui_attr(ui, C_WARN) : ui_attr(ui, C_GOOD));
    char view[120];
    /* how people are named is the facilitator's to set: a joined terminal is told, not asked */
    snprintf(view, sizeof view, "view: %s (v)   people: %s%s", view_names[ui->view],
             ui->attribution == ATTRIBUTE_NAMES ? "names"
             : ui->attribution == ATTRIBUTE_ROLES ? "roles only" : "anonymous",
             ui->joined ? "" : " (N)");
    ui_put(y++, 2, COLS - 4, view, ui_attr(ui, C_DIM));
    y++;
    if (!ui->session.participant_count) { /* no columns, no rows: nothing to draw */
        ui_put(y, 2, COLS - 4, "Nobody is in this session yet, so there is nothing to reveal.",
               ui_attr(ui, C_WARN));
        return;
    }
    switch (ui->view) {
    case VIEW_GRID: draw_grid(ui, st, y); break;
    case VIEW_COVERAGE: draw_coverage(ui, st, y); break;
    case VIEW_HEATMAP: draw_heatmap(ui, st, y); break;
    case VIEW_VOTES: ui_draw_vote_results(ui, st, y); break;
    default: draw_answers(ui, y); break;
    }
}

static void forget_marks(struct ui *ui)
{
    struct reveal_state *rs = state(ui);
    for (size_t i = 0; i < rs->mark_count; i++)
        free(rs->marks[i]);
    free(rs->marks);
    rs->marks = NULL;
    rs->mark_count = 0;
}

static void free_state(void *p)
{
    struct reveal_state *rs = p;
    free(rs->apart_key);
    for (size_t i = 0; i < rs->mark_count; i++)
        free(rs->marks[i]);
    free(rs->marks);
}

/* Gives every answer of the step in one of the groups with these keys the
 * label (NULL takes them out of their group), as one change the room can undo
 * (what describes it). Returns how many answers changed: 0 when none did
 * (said why). */
size_t ui_relabel(struct ui *ui, char *const *keys, size_t key_count, const char *label,
                  bool only_labelled, const char *what)
{
    const struct session *s = &ui->session;
    int64_t *ids = xcalloc(s->input_count + 1, sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < s->input_count; i++) {
        const struct input *in = &s->inputs[i];
        if ((int)in->step != ui->step || (only_labelled && !in->group))
            continue;
        char *key = similar_normalize(in->group ? in->group : in->text);
        for (size_t k = 0; k < key_count; k++)
            if (!strcmp(key, keys[k])) {
                ids[n++] = in->id;
                break;
            }
        free(key);
    }
    if (n == 0)
        ui_error(ui, "These answers are one group by their own text; there is nothing to take "
                     "apart.");
    else if (store_regroup(ui->store, s->id, ids, n, label, what) < 0) {
        ui_store_failed(ui);
        n = 0;
    } else
        ui_reload(ui);
    free(ids);
    return n;
}

size_t ui_rankings_naming(const struct ui *ui, char *const *keys, size_t key_count)
{
    size_t count = 0;
    /* which rankings name a group would say what a secret vote ranked */
    bool secret = ui_room_vote_secret(ui, ui->step, NULL, 0);
    for (size_t v = 0; v < ui->session.vote_count; v++) {
        const struct vote *vote = &ui->session.votes[v];
        bool names = secret && (int)vote->step == ui->step;
        for (size_t r = 0; (int)vote->step == ui->step && r < vote->ranking_count && !names;
             r++) {
            char *key = similar_normalize(vote->ranking[r]);
            for (size_t k = 0; k < key_count; k++)
                names |= !strcmp(key, keys[k]);
            free(key);
        }
        count += names;
    }
    return count;
}

bool ui_can_undo(const struct ui *ui)
{
    char *what = NULL;
    bool can = ui->open && store_undo_pending(ui->store, ui->session.id, (enum step)ui->step,
                                              &what) == 0 && what;
    free(what);
    return can;
}

void ui_undo_grouping(struct ui *ui)
{
    char *what = NULL;
    if (store_undo_pending(ui->store, ui->session.id, (enum step)ui->step, &what) < 0 ||
        (what && store_undo_grouping(ui->store, ui->session.id, (enum step)ui->step) < 0)) {
        ui_store_failed(ui);
    } else if (!what) {
        ui_error(ui, "There is no grouping change to undo in this step (a vote since ends it).");
    } else {
        ui_reload(ui);
        ui_say(ui, "Undid %s.", what);
    }
    free(what);
}

/* How taking group g apart goes: the answers joined by its label go back to
 * their own text. When none of its answers says it, the group goes, and so
 * does its place in the rankings. */
struct apart {
    size_t answers;  /* joined by the label */
    bool stays;      /* some answer says it in its own words */
    size_t rankings; /* that name it */
    bool secret;     /* the vote is, and so is which rankings name it */
};

static struct apart apart_of(const struct ui *ui, const struct align_group *g)
{
    struct apart ap = {0};
    for (size_t i = 0; i < ui->session.input_count; i++) {
        const struct input *in = &ui->session.inputs[i];
        if ((int)in->step != ui->step)
            continue;
        char *key = similar_normalize(in->group ? in->group : in->text);
        if (!strcmp(key, g->key)) {
            ap.answers += in->group != NULL;
            ap.stays |= in->group == NULL;
        }
        free(key);
    }
    char *keys[1] = {g->key};
    ap.rankings = ui_rankings_naming(ui, keys, 1);
    ap.secret = ui_room_vote_secret(ui, ui->step, NULL, 0);
    return ap;
}

static void take_apart(struct ui *ui)
{
    struct reveal_state *rs = state(ui);
    const struct align_step *st = &ui->align.steps[ui->step];
    int found = rs->apart_key ? align_find_group(st, rs->apart_key) : -1;
    if (found < 0) {
        ui_error(ui, "That group is gone; nothing was changed.");
        return;
    }
    const struct align_group *g = &st->groups[found];
    struct apart ap = apart_of(ui, g);
    char *label = xstrdup(g->label), *what = xasprintf("taking \"%s\" apart", g->label);
    char *keys[1] = {rs->apart_key};
    size_t n = ui_relabel(ui, keys, 1, NULL, true, what);
    if (n && ap.stays)
        ui_say(ui, "Took %zu answer%s out of \"%s\"; it keeps its rankings. z undoes it.", n,
               n == 1 ? "" : "s", label);
    else if (n && ap.secret)
        ui_say(ui, "Took \"%s\" apart into %zu answer%s; the rankings that named it lost it. "
                   "z undoes it.", label, n, n == 1 ? "" : "s");
    else if (n)
        ui_say(ui, "Took \"%s\" apart into %zu answer%s; %zu ranking%s lost it. z undoes it.",
               label, n, n == 1 ? "" : "s", ap.rankings, ap.rankings == 1 ? "" : "s");
    free(label);
    free(what);
}

/* u: taking a group apart asks first, saying what it does to the rankings. */
static void ask_take_apart(struct ui *ui, const struct align_group *g)
{
    struct apart ap = apart_of(ui, g);
    if (!ap.answers) {
        ui_error(ui, "These answers are one group by their own text; there is nothing to take "
                     "apart.");
        return;
    }
    struct reveal_state *rs = state(ui);
    free(rs->apart_key);
    rs->apart_key = xstrdup(g->key);
    if (ap.stays)
        ui_confirm(ui, take_apart, 0, "Take %zu answer%s out of \"%s\"? It keeps its rankings.",
                   ap.answers, ap.answers == 1 ? "" : "s", g->label);
    else if (ap.secret)
        ui_confirm(ui, take_apart, 0, "Take \"%s\" apart into %zu answer%s? The rankings that "
                   "name it lose it.", g->label, ap.answers, ap.answers == 1 ? "" : "s");
    else
        ui_confirm(ui, take_apart, 0, "Take \"%s\" apart into %zu answer%s? %zu ranking%s "
                   "lose it.", g->label, ap.answers, ap.answers == 1 ? "" : "s", ap.rankings,
                   ap.rankings == 1 ? "" : "s");
}

void ui_cycle_tag(struct ui *ui, const struct align_group *g)
{
    const char *now = align_group_tag(&ui->session, g), *next = tags[0];
    for (int i = 0; i < 3 && now; i++)
        if (!strcmp(now, tags[i]))
            next = i < 2 ? tags[i + 1] : NULL;
    if (store_set_capability_tag(ui->store, ui->session.id, g->label, next) < 0) {
        ui_store_failed(ui);
        return;
    }
    /* said before the reload, which replaces the groups g points into */
    ui_say(ui, next ? "%s: %s." : "%s: no tag.", g->label, next);
    ui_reload(ui);
}

static void toggle_mark(struct ui *ui, const struct align_group *g)
{
    struct reveal_state *rs = state(ui);
    if (marked(ui, g->key)) {
        for (size_t i = 0; i < rs->mark_count; i++)
            if (!strcmp(rs->marks[i], g->key)) {
                free(rs->marks[i]);
                rs->marks[i] = rs->marks[--rs->mark_count];
            }
    } else {
        rs->marks = xrealloc(rs->marks, (rs->mark_count + 1) * sizeof *rs->marks);
        rs->marks[rs->mark_count++] = xstrdup(g->key);
    }
}

/* m: asks the merged group's name, starting from the most named of them. */
static void ask_merge(struct ui *ui, const struct align_step *st, const struct align_group *g)
{
    struct reveal_state *rs = state(ui);
    if (!rs->mark_count || (rs->mark_count == 1 && marked(ui, g->key))) {
        ui_error(ui, "Mark the groups to merge with Space first (two or more, or one and "
                     "the row under the cursor).");
        return;
    }
    const struct align_group *best = NULL;
    for (size_t i = 0; i < st->group_count; i++)
        if ((marked(ui, st->groups[i].key) || (rs->mark_count == 1 && &st->groups[i] == g)) &&
            (!best || st->groups[i].count > best->count))
            best = &st->groups[i];
    ui_ask(ui, P_MERGE, "Name of the merged group:", best ? best->label : g->label, 200, false);
}

static void reveal_act(struct ui *ui, enum ui_action act)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    const struct align_group *g = ui_selected_group(ui);
    /* The answers view and the heatmap scroll their text; Space pages there,
     * marking nothing unseen. */
    if ((ui->view == VIEW_ANSWERS || ui->view == VIEW_HEATMAP) &&
        ui_page_scroll(act == ACT_MARK ? ACT_PAGE_DOWN : act, &ui->top, state(ui)->page_height))
        return;
    /* The heatmap, votes and answers views show no group under a cursor: a
     * grouping key there would act on a row nobody sees. */
    bool rows_shown = ui->view == VIEW_GRID || ui->view == VIEW_COVERAGE;
    if (!rows_shown && (act == ACT_OPEN || act == ACT_MARK || act == ACT_MERGE ||
                        act == ACT_RENAME || act == ACT_UNGROUP || act == ACT_TAG)) {
        ui_error(ui, "This view shows no group to pick: v goes on to the grid.");
        return;
    }
    if (ui_list_move(ui, act, (int)st->group_count))
        return;
    switch (act) {
    case ACT_OPEN:
        if (g)
            ui_open_overlay(ui, UI_GROUP);
        break;
    case ACT_LEFT: ui->column--; break;
    case ACT_RIGHT: ui->column++; break;
    case ACT_VIEW:
        ui->view = (enum ui_view)((ui->view + 1) % VIEW_COUNT);
        ui->column = ui->top = 0;
        break;
    case ACT_ATTRIBUTION:
        ui->attribution = (enum attribution)((ui->attribution + 1) % 3);
        if (store_set_attribution(ui->store, ui->session.id, ui->attribution) < 0 &&
            !store_is_read_only(ui->store))
            ui_store_failed(ui);
        break;
    case ACT_DECIDE: ui_go(ui, UI_DECIDE, ui->step); break;
    case ACT_MARK:
        if (g) {
            toggle_mark(ui, g);
            ui->cursor++;
        }
        break;
    case ACT_MERGE:
        if (g)
            ask_merge(ui, st, g);
        break;
    case ACT_RENAME:
        if (g)
            ui_ask(ui, P_RENAME_GROUP, "New name of the group:", g->label, 200, false);
        break;
    case ACT_UNGROUP:
        if (g)
            ask_take_apart(ui, g);
        break;
    case ACT_UNDO: ui_undo_grouping(ui); break;
    case ACT_VOTE: /* the vote starts with the first participant, at the top */
        ui->person = 0;
        ui_open_overlay(ui, UI_VOTE);
        break;
    case ACT_ROUND: ui_round_ask(ui); break;
    case ACT_THRESHOLD: ui_threshold_ask(ui); break;
    case ACT_TAG:
        if (ui->step != STEP_CAPABILITIES)
            ui_error(ui, "Tags are for the capabilities step: today, roadmap or not planned.");
        else if (g)
            ui_cycle_tag(ui, g);
        break;
    default: break;
    }
}

static void rename_group(struct ui *ui, const struct align_group *g, const char *text)
{
    char *keys[1] = {g->key};
    /* a name another group of the step already has joins the two: say so */
    char *key = similar_normalize(text);
    const struct align_step *st = &ui->align.steps[ui->step];
    int other = align_find_group(st, key);
    bool merges = other >= 0 && &st->groups[other] != g;
    free(key);
    char *what = xasprintf("the rename of \"%s\" to \"%s\"", g->label, text);
    size_t ranked = ui_rankings_naming(ui, keys, 1);
    if (ui_relabel(ui, keys, 1, text, false, what))
        ui_say(ui, "%s \"%s\".%s", merges ? "Merged it into the group" : "Renamed the group",
               text, ranked ? merges ? " Each ranking keeps the better rank of the two."
                                     : " Its rankings follow it."
                            : "");
    free(what);
}

static void reveal_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct reveal_state *rs = state(ui);
    const struct align_group *g = ui_selected_group(ui);
    if (p == P_THRESHOLD) {
        ui_threshold_done(ui, text);
        return;
    }
    if (!g || !*text)
        return;
    if (p == P_RENAME_GROUP) {
        rename_group(ui, g, text);
        return;
    }
    /* The marked groups; a single mark merges with the row under the cursor. */
    char **keys = xcalloc(rs->mark_count + 2, sizeof *keys);
    size_t n = 0;
    for (size_t i = 0; i < rs->mark_count; i++)
        keys[n++] = rs->marks[i];
    if (n == 1 && !marked(ui, g->key))
        keys[n++] = g->key;
    char *label = xstrdup(text), *what = xasprintf("the merge into \"%s\"", text);
    size_t ranked = ui_rankings_naming(ui, keys, n), groups = n;
    if (ui_relabel(ui, keys, n, label, false, what))
        ui_say(ui, "Merged %zu groups into \"%s\".%s", groups, label,
               ranked ? " Each ranking keeps the better rank of them." : "");
    free(label);
    free(what);
    free(keys);
    if (!ui->message_is_error) /* refused, the field opens again on the same marks */
        forget_marks(ui);
}

/* A new round from the votes view, once someone ranked this one (and, in
 * room mode, the results show); every other key as the table has it. */
static bool reveal_offers(const struct ui *ui, enum ui_action a)
{
    return a != ACT_ROUND || (ui->view == VIEW_VOTES && ui_round_offered(ui));
}

const struct ui_screen_ops ui_reveal_screen = {
    .name = "reveal",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct reveal_state),
    .draw = reveal_draw,
    .act = reveal_act,
    .offers = reveal_offers,
    .field_done = reveal_field_done,
    .leave = forget_marks,
    .free = free_state,
};

const struct align_group *ui_selected_group(struct ui *ui)
{
    int cursor = ui->screen == UI_REVEAL ? ui->cursor
                 : ui->depth && ui->under[ui->depth - 1].screen == UI_REVEAL
                     ? ui->under[ui->depth - 1].cursor : -1;
    const struct align_step *st = &ui->align.steps[ui->step];
    return ui->open && cursor >= 0 && cursor < (int)st->group_count ? &st->groups[cursor] : NULL;
}
