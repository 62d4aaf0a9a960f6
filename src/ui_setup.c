/* ui_setup.c: who is in the room: participants and their roles (departments). */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The name of the participant being added, kept while their role is asked. */
struct setup_state {
    char *name;
};

static struct setup_state *state(struct ui *ui)
{
    return ui_state(ui, UI_SETUP);
}


static int total_answers(const struct ui *ui, size_t p)
{
    int n = 0;
    for (int s = 0; s < STEP_COUNT; s++)
        n += ui_answer_count(ui, p, s);
    return n;
}

static void setup_draw(struct ui *ui)
{
    ui_draw_session_header(ui, "Setup: who is in the room");
    const struct session *s = &ui->session;
    ui_put(2, 2, COLS - 4,
           "Everyone answers each step privately first; their department shows how far apart "
           "the departments are.",
           ui_attr(ui, C_DIM));
    int y = 4;
    ui_put(y, 4, 30, "NAME", ui_attr(ui, C_TITLE));
    ui_put(y, 36, 20, "ROLE", ui_attr(ui, C_TITLE));
    ui_put(y, 58, COLS - 60, "ANSWERS", ui_attr(ui, C_TITLE));
    if (!s->participant_count)
        ui_put(y + 2, 4, COLS - 6, "Nobody yet. Press a to add the first participant.",
               ui_attr(ui, C_NORMAL));
    int height = LINES - y - 4;
    layout_keep_visible(ui->cursor, (int)s->participant_count, height, &ui->top);
    ui->list_y = y + 1, ui->list_x0 = 2, ui->list_x1 = COLS - 2;
    ui->list_step = ui->projector ? 2 : 1, ui->list_count = (int)s->participant_count;
    for (int row = 0; row < height && ui->top + row < (int)s->participant_count; row++) {
        size_t p = (size_t)(ui->top + row);
        bool selected = (int)p == ui->cursor;
        attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        int yy = y + 1 + row * (ui->projector ? 2 : 1);
        if (yy >= LINES - 2)
            break;
        if (selected)
            ui_fill(yy, 2, COLS - 4, a);
        ui_put(yy, 4, 30, s->participants[p].name, a | A_BOLD);
        ui_put(yy, 36, 20, session_roles[s->participants[p].role].title,
               selected ? a : ui_role_attr(ui, s->participants[p].role));
        char count[16];
        snprintf(count, sizeof count, "%d", total_answers(ui, p));
        ui_put(yy, 58, COLS - 60, count, a);
    }
}

static void remove_person(struct ui *ui)
{
    if (store_remove_participant(ui->store, ui->session.id, ui->confirm.target) < 0)
        ui_store_failed(ui);
    else
        ui_reload(ui);
}

static void remove_person_and_answers(struct ui *ui)
{
    if (store_remove_participant_and_answers(ui->store, ui->session.id, ui->confirm.target) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "Removed, with their answers.");
}

static const struct participant *selected(struct ui *ui)
{
    if (ui->cursor < 0 || (size_t)ui->cursor >= ui->session.participant_count) {
        ui_error(ui, "Nobody is selected; a adds a participant.");
        return NULL;
    }
    return &ui->session.participants[ui->cursor];
}

static void setup_act(struct ui *ui, enum ui_action a)
{
    const struct participant *p;
    if (ui_list_move(ui, a, (int)ui->session.participant_count))
        return;
    switch (a) {
    case ACT_ADD: ui_ask(ui, P_ADD_PERSON, "Name of the participant:", "", 200, false); break;
    case ACT_EDIT:
        if ((p = selected(ui)))
            ui_ask(ui, P_RENAME_PERSON, "New name:", p->name, 200, false);
        break;
    case ACT_ROLE:
        /* Each press moves to the next department, saved at once. */
        if ((p = selected(ui))) {
            enum role next = (enum role)((p->role + 1) % ROLE_COUNT);
            if (store_update_participant(ui->store, ui->session.id, p->id, p->name, next) < 0)
                ui_store_failed(ui);
            else
                ui_reload(ui);
        }
        break;
    case ACT_DELETE:
        if ((p = selected(ui))) {
            int answers = total_answers(ui, (size_t)ui->cursor);
            bool ranked = false; /* their rankings go with them too: said, not found out */
            for (size_t v = 0; v < ui->session.vote_count; v++)
                ranked = ranked || ui->session.votes[v].participant == (size_t)ui->cursor;
            for (size_t v = 0; v < ui->session.round_count; v++)
                ranked = ranked || ui->session.rounds[v].participant == (size_t)ui->cursor;
            bool objected = false; /* and the objections they hear */
            for (size_t o = 0; o < ui->session.objection_count; o++)
                objected = objected || ui->session.objections[o].participant == (size_t)ui->cursor;
            char *name = ui_cut(p->name, 40);
            if (answers || objected) /* what they said goes with them: asked, with how much */
                ui_confirm(ui, remove_person_and_answers, p->id,
                           "Remove %s, their %d answer%s%s%s? This cannot be undone.", name,
                           answers, answers == 1 ? "" : "s", ranked ? " and their rankings" : "",
                           objected ? " and their objections" : "");
            else
                ui_confirm(ui, remove_person, p->id, "Remove %s from this session?", name);
            free(name);
        }
        break;
    default: break;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, (int)ui->session.participant_count - 1);
}

static void setup_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    const struct participant *who;
    switch (p) {
    case P_ADD_PERSON: {
        /* Check the name now, before asking the role, not after. */
        char why[160], *clean = text_validate(text, &TEXT_NAME, why, sizeof why);
        if (!clean) {
            ui_error(ui, "The name: %s.", why);
            break;
        }
        if (session_find_participant(&ui->session, clean) >= 0) {
            ui_error(ui, "%s is already in this session.", clean);
            free(clean);
            return;
        }
        free(state(ui)->name);
        state(ui)->name = clean;
        char prompt[120];
        snprintf(prompt, sizeof prompt, "Role, 1 to 6: 1 CEO  2 marketing  3 sales  4 product  "
                                        "5 success  6 other:");
        ui_ask(ui, P_ADD_ROLE, prompt, "", 20, false);
        break;
    }
    case P_ADD_ROLE: {
        int role = role_from_typed(text);
        if (role < 0) {
            ui_ask(ui, P_ADD_ROLE, "Type 1 to 6: 1 CEO 2 marketing 3 sales 4 product 5 success "
                                   "6 other:", "", 20, false);
            break;
        }
        if (store_add_participant(ui->store, ui->session.id, state(ui)->name, (enum role)role) < 0) {
            ui_store_failed(ui);
        } else {
            ui_reload(ui);
            ui->cursor = (int)ui->session.participant_count - 1;
            ui_say(ui, "Added. a adds another; Enter starts the first step.");
        }
        free(state(ui)->name);
        state(ui)->name = NULL;
        break;
    }
    case P_RENAME_PERSON:
        if ((who = selected(ui)) &&
            store_update_participant(ui->store, ui->session.id, who->id, text, who->role) < 0)
            ui_store_failed(ui);
        else
            ui_reload(ui);
        break;
    default: break;
    }
}

static void free_state(void *p)
{
    free(((struct setup_state *)p)->name);
}

const struct ui_screen_ops ui_setup_screen = {
    .name = "setup",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct setup_state),
    .draw = setup_draw,
    .act = setup_act,
    .field_done = setup_field_done,
    .free = free_state,
};
