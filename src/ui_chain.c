/* ui_chain.c: the chain check on a screen: every break in the method's chain
 * of decisions, grouped by step, one to choose; Enter opens that step's
 * decision to mend it. The canvas opens it to ask before locking with breaks. */
#include "chain.h"
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>

/* How many rows the scrolled part had when drawn: a chain that holds has no
 * break to choose, and its list scrolls by the page instead. */
struct chain_state {
    int height;
};

/* Each step, then its breaks, wrapped whole; first[]/last[] get the rows of
 * each break, so the chosen one can be drawn chosen and kept in view. */
static void layout_chain(struct ui *ui, const struct chain_break *breaks, size_t count,
                         struct ui_page *pg, int *first, int *last)
{
    int row = 0, width = COLS - 8;
    size_t b = 0;
    for (int st = 0; st < STEP_COUNT; st++) {
        ui_page_put(pg, row++, 2, COLS - 4, ui->steps[st].title, ui_attr(ui, C_TITLE));
        if (b == count || (int)breaks[b].step != st)
            ui_page_put(pg, row++, 4, width, "Holds.", ui_attr(ui, C_GOOD));
        for (; b < count && (int)breaks[b].step == st; b++) {
            char *said = chain_sentence(&breaks[b]);
            bool chosen = (int)b == ui->cursor;
            first[b] = row;
            row += ui_page_wrap(pg, row, 4, width, said,
                                chosen ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_WARN));
            last[b] = row - 1;
            free(said);
        }
        row += 1 + ui->projector;
    }
}

static void chain_draw(struct ui *ui)
{
    ui_draw_session_header(ui, "Chain check");
    struct chain_break *breaks;
    size_t count;
    chain_check(&ui->session, &breaks, &count);
    char line[200];
    if (count)
        snprintf(line, sizeof line, "%zu break%s in the chain. Enter opens the step's decision "
                 "to mend the chosen one.", count, count == 1 ? "" : "s");
    else
        snprintf(line, sizeof line, "The chain holds: every capability beats an alternative, "
                 "every value theme has a capability today and proof, customers and category "
                 "are tied to value.");
    int y = 2;
    y += ui_put_wrapped(y, 2, COLS - 4, 2, line, count ? ui_attr(ui, C_WARN) | A_BOLD
                                                       : ui_attr(ui, C_GOOD) | A_BOLD);
    y++;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)count - 1);
    int *first = xcalloc(count + 1, sizeof *first), *last = xcalloc(count + 1, sizeof *last);
    struct ui_page pg = {0};
    layout_chain(ui, breaks, count, &pg, first, last);
    int height = LINES - 2 - y;
    ((struct chain_state *)ui_state(ui, UI_CHAIN))->height = height;
    if (count) { /* the chosen break whole in view, its step's title too when it fits */
        int from = first[ui->cursor], to = last[ui->cursor];
        bool first_of_step =
            !ui->cursor || breaks[ui->cursor - 1].step != breaks[ui->cursor].step;
        if (to >= ui->top + height)
            ui->top = to - height + 1;
        if (from - first_of_step < ui->top)
            ui->top = from - first_of_step;
        ui->top = layout_clamp(ui->top, 0, pg.rows - height);
        for (int r = from; r <= to; r++)
            if (r >= ui->top && r < ui->top + height)
                ui_fill(y + r - ui->top, 2, COLS - 4, ui_attr(ui, C_SELECTED));
    }
    ui_page_draw(ui, &pg, y, height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
    free(first);
    free(last);
    chain_free(breaks, count);
}

static void chain_act(struct ui *ui, enum ui_action a)
{
    struct chain_break *breaks;
    size_t count;
    chain_check(&ui->session, &breaks, &count);
    int height = ((struct chain_state *)ui_state(ui, UI_CHAIN))->height;
    if (count ? ui_list_move(ui, a, (int)count) : ui_page_scroll(a, &ui->top, height)) {
        chain_free(breaks, count);
        return;
    }
    if (a == ACT_OPEN && count) {
        int cursor = layout_clamp(ui->cursor, 0, (int)count - 1);
        ui_go(ui, UI_DECIDE, (int)breaks[cursor].step); /* leaves this overlay too */
    } else if (a == ACT_OPEN) {
        ui_say(ui, "The chain holds: there is no break to mend.");
    }
    chain_free(breaks, count);
}

const struct ui_screen_ops ui_chain_screen = {
    .name = "chain",
    .flags = UI_IN_SESSION | UI_OVERLAY,
    .state_size = sizeof(struct chain_state),
    .draw = chain_draw,
    .act = chain_act,
};
