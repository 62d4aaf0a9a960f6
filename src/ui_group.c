/* ui_group.c: over the reveal, the answers in the selected group, who gave
 * them, and u to take one that joined by its label out again; a long list
 * scrolls with its selection. */
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The step's answers in group g (caller frees the list, not the answers). */
static size_t group_answers(const struct ui *ui, const struct align_group *g,
                            const struct input ***out)
{
    size_t n = 0;
    *out = xcalloc(ui->session.input_count + 1, sizeof **out);
    for (size_t i = 0; i < ui->session.input_count; i++) {
        const struct input *in = &ui->session.inputs[i];
        if ((int)in->step != ui->step)
            continue;
        char *key = similar_normalize(in->group ? in->group : in->text);
        if (!strcmp(key, g->key))
            (*out)[n++] = in;
        free(key);
    }
    ui_order_answers(ui, *out, n);
    return n;
}

static void group_draw(struct ui *ui)
{
    const struct align_group *g = ui_selected_group(ui);
    if (!g)
        return;
    const struct input **list;
    size_t n = group_answers(ui, g, &list);
    char title[300];
    bool fixed = !ui_allows(ui, ACT_TAKE_OUT);
    snprintf(title, sizeof title, "The answers in \"%s\" (%sEsc closes):", g->label,
             fixed ? "" : "u takes one out, ");
    struct ui_box box = ui_draw_box(ui, (int)n, title);
    /* More answers than rows: the list scrolls to keep the selected one in
     * view, so u takes out the answer shown selected, and says which show. */
    ui->cursor = layout_clamp(ui->cursor, 0, (int)n - 1);
    layout_keep_visible(ui->cursor, (int)n, box.rows, &ui->top);
    for (int row = 0; row < box.rows && ui->top + row < (int)n; row++) {
        const struct input *in = list[ui->top + row];
        char who[64];
        ui_participant_label(ui, in->participant, who, sizeof who);
        char *line = xasprintf("%-10s %s%s", who, in->text,
                               in->group ? "  (joined by its label)" : "");
        ui_box_row(ui, &box, row, line, ui->top + row == ui->cursor);
        free(line);
    }
    ui_page_marker(ui, ui->top, box.rows, (int)n, box.y + box.rows + 2, box.x + box.width - 2);
    free(list);
}

/* After a change the group may sort elsewhere on the reveal: the reveal's
 * cursor follows it by its key; when it went away the list closes. */
static void follow_group(struct ui *ui, const char *key)
{
    int found = align_find_group(&ui->align.steps[ui->step], key);
    if (found < 0 || !ui->depth)
        ui_back(ui);
    else
        ui->under[ui->depth - 1].cursor = found;
}

/* The list stays open, so the next u takes out another answer, never the
 * whole group; it closes only when the group went with the answer. */
static void take_one_out(struct ui *ui, const struct align_group *g, const struct input *in)
{
    if (!in->group) {
        ui_error(ui, "That answer is in the group by its own text; rename the group instead.");
        return;
    }
    int64_t id = in->id;
    char *what = xasprintf("taking \"%s\" out of \"%s\"", in->text, g->label);
    char *text = xstrdup(in->text), *key = xstrdup(g->key);
    if (store_regroup(ui->store, ui->session.id, &id, 1, NULL, what) < 0) {
        ui_store_failed(ui);
    } else {
        ui_reload(ui);
        follow_group(ui, key);
        ui_say(ui, "Took \"%s\" out of the group. z undoes it.", text);
    }
    free(text);
    free(key);
    free(what);
}

/* Another process changed the step: a group that went away closes. */
static void group_reload(struct ui *ui)
{
    if (!ui_selected_group(ui))
        ui_back(ui);
}

static void group_act(struct ui *ui, enum ui_action a)
{
    const struct align_group *g = ui_selected_group(ui);
    if (!g)
        return;
    const struct input **list;
    size_t n = group_answers(ui, g, &list);
    if (a == ACT_UNDO) {
        char *key = xstrdup(g->key);
        ui_undo_grouping(ui);
        follow_group(ui, key);
        free(key);
    } else if (!ui_list_move(ui, a, (int)n) && a == ACT_TAKE_OUT && ui->cursor >= 0 &&
               ui->cursor < (int)n)
        take_one_out(ui, g, list[ui->cursor]);
    free(list);
}

const struct ui_screen_ops ui_group_screen = {
    .name = "group",
    .flags = UI_IN_SESSION | UI_OVERLAY | UI_POPUP,
    .draw = group_draw,
    .act = group_act,
    .reload = group_reload,
};
