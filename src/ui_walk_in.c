/* ui_walk_in.c: someone who joined with the room's walk-in code says who
 * they are (a name no one in the session has, and a role), is added, and
 * sees their own code once; then the terminal is theirs, as after a
 * personal code. Nothing is written until the role is given. */
#include "store_room.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct walk_in_state {
    char code[64];               /* the walk-in code as typed: checked again on adding them */
    char *name;                  /* the name given, kept while the role is asked */
    int64_t added;               /* the participant they became; 0 before */
    char own[ROOM_CODE_LEN + 1]; /* their own code, shown here once */
};

static struct walk_in_state *state(struct ui *ui)
{
    return ui_state(ui, UI_WALK_IN);
}

/* the roles are listed above the field */
#define ROLE_PROMPT "Your role, 1 to 6 (Enter alone: other):"

static void ask_name(struct ui *ui, const char *text)
{
    ui_ask(ui, P_WALK_IN_NAME, "Your name:", text, 200, false);
}

void ui_walk_in_start(struct ui *ui, const char *code)
{
    struct walk_in_state *ws = state(ui);
    snprintf(ws->code, sizeof ws->code, "%s", code);
    free(ws->name);
    ws->name = NULL;
    ws->added = 0;
    ws->own[0] = '\0';
    ui->screen = UI_WALK_IN;
    ask_name(ui, "");
}

/* Ends the program with one line, as a refused join code does. */
static void stop(struct ui *ui, const char *why)
{
    ui->exit_status = 1;
    snprintf(ui->exit_message, sizeof ui->exit_message, "%s", why);
    ui->quit = true;
}

static void walk_in_draw(struct ui *ui)
{
    struct walk_in_state *ws = state(ui);
    ui_draw_header(ui, "Join a workshop", "");
    ui_put(3, 2, COLS - 4, ui->session.name, A_BOLD | ui_attr(ui, C_TITLE));
    if (!ws->added) {
        int y = 5 + ui_put_wrapped(5, 2, COLS - 4, 3,
                                   "You joined with the room's walk-in code. Say who you are: "
                                   "your name as the room knows it, then your role. Esc leaves "
                                   "without adding you.",
                                   ui_attr(ui, C_NORMAL));
        for (int r = 0; r < ROLE_COUNT && y + 1 + r < LINES - 3; r++) {
            char line[80];
            snprintf(line, sizeof line, "%d  %s", r + 1, session_roles[r].title);
            ui_put(y + 1 + r, 4, COLS - 6, line, ui_role_attr(ui, (enum role)r));
        }
        return;
    }
    char line[300];
    snprintf(line, sizeof line, "Welcome, %s: you are in the session.", ws->name);
    ui_put(5, 2, COLS - 4, line, ui_attr(ui, C_GOOD) | A_BOLD);
    snprintf(line, sizeof line, "Your own code for next time: %s", ws->own);
    ui_put(7, 2, COLS - 4, line, ui_attr(ui, C_TITLE) | A_BOLD);
    ui_put_wrapped(9, 2, COLS - 4, 4,
                   "Note it now: it is shown only this once. It brings you back as yourself; "
                   "the walk-in code would add someone new. Enter goes on to the workshop.",
                   ui_attr(ui, C_NORMAL));
}

/* From the code shown to the participant's screen, as a personal code goes. */
static void go_on(struct ui *ui)
{
    struct walk_in_state *ws = state(ui);
    int64_t who = ws->added;
    memset(ws->own, 0, sizeof ws->own); /* shown once: not kept */
    ws->added = 0;
    ui_participant_join(ui, ui->session.id, who);
}

static void leave(struct ui *ui)
{
    ui->quit = true;
}

static void walk_in_act(struct ui *ui, enum ui_action a)
{
    struct walk_in_state *ws = state(ui);
    if (!ws->added)
        ask_name(ui, ws->name ? ws->name : ""); /* no key but the fields' before that */
    else if (a == ACT_OPEN)
        go_on(ui);
    else if (a == ACT_QUIT)
        ui_confirm(ui, leave, 0, "Leave now? You are in the session; your own code brings you "
                                 "back.");
}

/* The role given: the person is added, in one change, and takes their seat. */
static void add(struct ui *ui, enum role role)
{
    struct walk_in_state *ws = state(ui);
    int64_t who;
    if (store_walk_in(ui->store, ui->session.id, ws->code, ws->name, role, &who, ws->own) < 0) {
        if (strstr(store_error(ui->store), "already in this session")) {
            /* someone took the name meanwhile: another name, the field open */
            char why[sizeof ui->message];
            snprintf(why, sizeof why, "%s; type another name.", store_error(ui->store));
            ask_name(ui, ws->name);
            ui_error(ui, "%s", why);
        } else {
            stop(ui, store_error(ui->store));
        }
        return;
    }
    if (store_room_sit(ui->store, who) < 0) {
        stop(ui, store_error(ui->store));
        return;
    }
    ws->added = who;
}

static void walk_in_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct walk_in_state *ws = state(ui);
    if (p == P_WALK_IN_NAME) {
        /* the name checked now, before the role is asked, not after */
        char why[160], *clean = text_validate(text, &TEXT_NAME, why, sizeof why);
        if (!clean) {
            ui_error(ui, "The name: %s.", why);
            return;
        }
        if (session_find_participant(&ui->session, clean) >= 0) {
            ui_error(ui, "%s is already in this session; type another name.", clean);
            free(clean);
            return;
        }
        free(ws->name);
        ws->name = clean;
        ui_ask(ui, P_WALK_IN_ROLE, ROLE_PROMPT, "", 20, false);
    } else if (p == P_WALK_IN_ROLE) {
        int role = role_from_typed(text);
        if (role < 0)
            ui_error(ui, "Type 1 to 6, or the start of a role's name.");
        else
            add(ui, (enum role)role);
    }
}

/* Esc in the name or the role: they leave, and no one was added. */
static void walk_in_field_changed(struct ui *ui, enum ui_purpose p, const char *text)
{
    (void)p;
    if (!text)
        stop(ui, "you left before saying who you are; no one was added");
}

static void free_state(void *p)
{
    free(((struct walk_in_state *)p)->name);
}

const struct ui_screen_ops ui_walk_in_screen = {
    .name = "walk-in",
    .state_size = sizeof(struct walk_in_state),
    .draw = walk_in_draw,
    .act = walk_in_act,
    .field_done = walk_in_field_done,
    .field_changed = walk_in_field_changed,
    .free = free_state,
};
