/* ui_decide.c: the room's decision for a step, written by the facilitator,
 * perhaps starting from one of the answers (listed as groups, most named first,
 * capabilities with their tags), beside what it builds on and the room's vote. */
#include "align.h"
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The room's vote order on one line ("1. A  2. B  3. C"), cut with an
 * ellipsis; returns the rows used (none without a vote). */
/* In room mode the projector shows no one's answers before the step is
 * revealed: the decide screen, reached by [ from the next step, neither. */
static bool answers_hidden(const struct ui *ui)
{
    return ui_room_mode(ui) && !ui->room.revealed[ui->step];
}

static int draw_vote_order(struct ui *ui, const struct align_step *st, int y)
{
    if (!st->vote || !st->vote->candidate_count)
        return 0;
    struct strbuf b = {0};
    strbuf_printf(&b, "The room's vote (%zu ranking%s): ", st->vote->rankings,
                  st->vote->rankings == 1 ? "" : "s");
    for (size_t i = 0; i < st->vote->candidate_count; i++)
        strbuf_printf(&b, "%s%zu. %s", i ? "  " : "", i + 1, st->vote->order[i].label);
    char *line = strbuf_take(&b);
    ui_put(y, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    free(line);
    return 1;
}

static void decide_draw(struct ui *ui)
{
    char where[120];
    snprintf(where, sizeof where, "Decide %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    ui_draw_session_header(ui, where);
    const struct session *s = &ui->session;
    int y = 2;
    y += ui_put_wrapped(y, 2, COLS - 4, 2, ui->steps[ui->step].question, A_BOLD);
    y += ui_draw_builds_on(ui, y, 2, COLS - 4, LINES >= 30 ? 4 : 2);
    y++;
    const char *decision = s->decisions[ui->step];
    bool writes = ui_allows(ui, ACT_EDIT); /* invite only what this session takes */
    ui_put(y++, 2, COLS - 4,
           s->solo ? (writes ? "Your answer for the thesis (e writes it):" : "Your answer for the thesis:")
                   : (writes ? "The room's decision (e writes it):" : "The room's decision:"),
           ui_attr(ui, C_TITLE));
    if (decision) /* cut with an ellipsis; e shows it whole */
        y += ui_put_wrapped(y, 4, COLS - 6, LINES >= 30 ? 6 : 4, decision,
                            ui_attr(ui, C_GOOD) | A_BOLD);
    else
        ui_put(y++, 4, COLS - 6, "Not decided yet.", ui_attr(ui, C_WARN));
    y++;

    const struct align_step *st = &ui->align.steps[ui->step];
    y += draw_vote_order(ui, st, y);
    char heading[160];
    bool tags = ui->step == STEP_CAPABILITIES && ui_allows(ui, ACT_TAG);
    if (s->solo) /* one person: no counts, no alignment */
        snprintf(heading, sizeof heading, "Your answers%s:",
                 !writes ? "" : tags ? " (Enter starts from one; t tags it today, roadmap or not "
                                       "planned)" : " (Enter starts the thesis from one)");
    else if (isnan(st->alignment))
        snprintf(heading, sizeof heading, "What was said%s:",
                 writes ? " (Enter starts the decision from one)" : "");
    else
        snprintf(heading, sizeof heading, "What was said, most named first; alignment %.1f%%%s:",
                 st->alignment, writes ? " (Enter starts from one)" : "");
    if (answers_hidden(ui)) {
        ui_put(y++, 2, COLS - 4, "What was said shows once the step is revealed (r).",
               ui_attr(ui, C_TITLE));
        ui->list_count = 0;
        return;
    }
    ui_put(y++, 2, COLS - 4, heading, ui_attr(ui, C_TITLE));
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)st->group_count - 1);
    layout_keep_visible(ui->cursor, (int)st->group_count, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 2, ui->list_x1 = COLS - 2, ui->list_step = 1;
    ui->list_count = (int)st->group_count;
    if (!st->group_count)
        ui_put(y, 4, COLS - 6, "No answers for this step.", ui_attr(ui, C_DIM));
    for (int row = 0; row < height && ui->top + row < (int)st->group_count; row++) {
        const struct align_group *g = &st->groups[ui->top + row];
        bool selected = ui->top + row == ui->cursor;
        attr_t at = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (selected)
            ui_fill(y + row, 2, COLS - 4, at);
        char count[24];
        snprintf(count, sizeof count, "%zu of %zu", g->count, st->answered);
        if (!s->solo) /* "1 of 1" says nothing of one person */
            ui_put(y + row, 4, 9, count, at);
        /* a capability's tag, so the decision claims only what the product backs */
        const char *tag = ui->step == STEP_CAPABILITIES ? align_group_tag(s, g) : NULL;
        char *label = tag ? xasprintf("%s [%s]", g->label, tag) : xstrdup(g->label);
        ui_put(y + row, s->solo ? 4 : 14, COLS - (s->solo ? 6 : 16), label, at);
        free(label);
    }
}

/* The label of the selected group, copied (caller frees), or NULL. */
static char *selected_label(struct ui *ui)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    return !answers_hidden(ui) && ui->cursor >= 0 && ui->cursor < (int)st->group_count
               ? xstrdup(st->groups[ui->cursor].label) : NULL;
}

static void ask_decision(struct ui *ui, const char *start)
{
    char prompt[160];
    snprintf(prompt, sizeof prompt, " Decision for %s ", ui->steps[ui->step].title);
    ui_ask(ui, P_DECISION, prompt, start, 1000, true);
}

static void decide_act(struct ui *ui, enum ui_action a)
{
    char *label;
    if (ui_list_move(ui, a, (int)ui->align.steps[ui->step].group_count))
        return;
    switch (a) {
    case ACT_EDIT:
        ask_decision(ui, ui->session.decisions[ui->step] ? ui->session.decisions[ui->step] : "");
        break;
    case ACT_USE:
        if (!(label = selected_label(ui))) {
            ui_error(ui, "There is no answer to start from; e writes the decision.");
            break;
        }
        if (ui->session.decisions[ui->step]) { /* add to what the room wrote, never replace it */
            char *both = xasprintf("%s\n%s", ui->session.decisions[ui->step], label);
            ask_decision(ui, both);
            free(both);
        } else {
            ask_decision(ui, label);
        }
        free(label);
        break;
    case ACT_TAG: { /* here too, so a solo thesis (no reveal) can tag its capabilities */
        const struct align_step *st = &ui->align.steps[ui->step];
        if (ui->step != STEP_CAPABILITIES)
            ui_error(ui, "Tags are for the capabilities step: today, roadmap or not planned.");
        else if (ui->cursor >= 0 && ui->cursor < (int)st->group_count)
            ui_cycle_tag(ui, &st->groups[ui->cursor]);
        break;
    }
    default: break;
    }
}

static void decide_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    (void)p;
    if (store_set_decision(ui->store, ui->session.id, (enum step)ui->step, text) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "Decided. ] goes on.");
}

const struct ui_screen_ops ui_decide_screen = {
    .name = "decide",
    .flags = UI_IN_SESSION,
    .draw = decide_draw,
    .act = decide_act,
    .field_done = decide_field_done,
};
