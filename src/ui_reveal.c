/* ui_reveal.c: everyone's answers for the step side by side: one column per
 * participant, grouped and coloured by role, scrolled sideways when they do not fit. */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>

/* Participants in column order: by role, then as they joined. */
static size_t column_order(const struct session *s, size_t *order)
{
    size_t n = 0;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (size_t p = 0; p < s->participant_count; p++)
            if ((int)s->participants[p].role == r)
                order[n++] = p;
    return n;
}

void ui_reveal_draw(struct ui *ui)
{
    char where[120];
    snprintf(where, sizeof where, "Reveal %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    ui_draw_session_header(ui, where);
    const struct session *s = &ui->session;
    int y = 2;
    y += ui_put_wrapped(y, 2, COLS - 4, 2, ui->steps[ui->step].question, A_BOLD);
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    size_t n = column_order(s, order);
    struct layout_columns cols = layout_fit_columns(COLS - 4, (int)n, 18, 40, 2);
    layout_keep_column_visible(ui->column, (int)n, cols.visible, &ui->column);
    ui->column = layout_clamp(ui->column, 0, (int)n - cols.visible);
    if (cols.visible < (int)n) {
        char more[80];
        snprintf(more, sizeof more, "columns %d-%d of %zu (Left/Right scroll)", ui->column + 1,
                 ui->column + cols.visible, n);
        ui_put(y, COLS - 2 - text_width(more), text_width(more), more, ui_attr(ui, C_DIM));
    }
    y += 1;
    for (int c = 0; c < cols.visible && ui->column + c < (int)n; c++) {
        size_t p = order[ui->column + c];
        int x = 2 + c * (cols.width + 2), row = y;
        const struct participant *who = &s->participants[p];
        ui_put(row++, x, cols.width, who->name, ui_role_attr(ui, who->role) | A_BOLD);
        ui_put(row++, x, cols.width, role_ids[who->role], ui_role_attr(ui, who->role));
        attrset(ui_role_attr(ui, who->role));
        ui_hline(row++, x, cols.width);
        attrset(A_NORMAL);
        bool any = false;
        for (size_t i = 0; i < s->input_count && row < LINES - 2; i++) {
            const struct input *in = &s->inputs[i];
            if (in->participant != p || (int)in->step != ui->step)
                continue;
            char *line = xasprintf("\u2022 %s", in->text);
            row += ui_put_wrapped(row, x, cols.width, LINES - 2 - row, line, ui_attr(ui, C_NORMAL));
            free(line);
            row += ui->projector;
            any = true;
        }
        if (!any)
            ui_put(row, x, cols.width, "(no answers)", ui_attr(ui, C_DIM));
    }
    free(order);
}

void ui_reveal_act(struct ui *ui, enum ui_action a)
{
    switch (a) {
    case ACT_LEFT: ui->column--; break;
    case ACT_RIGHT: ui->column++; break;
    case ACT_DECIDE: ui_go(ui, UI_DECIDE, ui->step); break;
    default: break;
    }
    if (ui->column < 0)
        ui->column = 0;
}
