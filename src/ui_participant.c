/* ui_participant.c: a joined terminal (samesong join): one participant's own
 * answers to the step the facilitator is on, private until the facilitator
 * reveals it; then the room's views and that person's own vote, read-only. */
#include "layout.h"
#include "store_room.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct participant_state {
    struct room room;     /* what the facilitator revealed, the deadline, who is done */
    bool following;       /* the facilitator is on a step: this screen shows it */
    int room_step;        /* that step */
    bool chaired;         /* the facilitator has the session open, on a step or not */
    char chair_on[16];    /* the screen they are on ("setup", "canvas"), when chaired */
    bool removed;         /* the facilitator took this person out of the session */
    bool revoked;         /* ... or took back their code: the same, for this terminal */
    int tries;            /* wrong join codes typed so far */
    bool views;           /* the reveal's views of a revealed step */
    bool voting;          /* this person's own ranking of a revealed step */
    bool writing;         /* the room was told this person is writing */
    bool room_on_pitch;   /* the facilitator is on the sales pitch: objections are asked */
    bool asked;           /* ... and this terminal was taken to its objections for it */
    int field_step;       /* the step the open answer field writes to */
    int64_t editing;      /* the answer the edit field changes */
    char code_for[200];   /* the session a code is asked for, for the prompt */
    int rounds_seen[STEP_COUNT]; /* the last closed round of each step's vote, last look */
    bool rounds_known;    /* rounds_seen holds what this person saw */
};

static struct participant_state *state(struct ui *ui)
{
    return ui_state(ui, UI_PARTICIPANT);
}

/* This terminal's participant in s, or -1 (none yet, or removed). */
static int me_in(const struct ui *ui, const struct session *s)
{
    for (size_t i = 0; ui->participant_id && i < s->participant_count; i++)
        if (s->participants[i].id == ui->participant_id)
            return (int)i;
    return -1;
}

bool ui_participant_can_write(const struct ui *ui)
{
    const struct participant_state *ps = ui_state(ui, UI_PARTICIPANT);
    return ui->participant_id && !ps->removed && !ui->session_gone && !ui->session.locked;
}

static bool revealed(struct ui *ui)
{
    return state(ui)->room.revealed[ui->step];
}

/* Keeps this person's own rankings, and everyone's of a revealed step. */
static void keep_rankings(struct vote *votes, size_t *count, int me,
                          const bool revealed[STEP_COUNT])
{
    size_t kept = 0;
    for (size_t v = 0; v < *count; v++) {
        struct vote *vote = &votes[v];
        if ((int)vote->participant == me || revealed[vote->step]) {
            votes[kept++] = *vote;
        } else {
            for (size_t r = 0; r < vote->ranking_count; r++)
                free(vote->ranking[r]);
            free(vote->ranking);
        }
    }
    *count = kept;
}

/* The facilitator closed a round of the vote on this step since the last
 * look: this person ranks again. */
static void say_new_round(struct ui *ui, const struct session *s)
{
    struct participant_state *ps = state(ui);
    int last[STEP_COUNT] = {0};
    for (size_t i = 0; i < s->round_count; i++)
        if (s->rounds[i].round > last[s->rounds[i].step])
            last[s->rounds[i].step] = s->rounds[i].round;
    int step = ui->step;
    if (ps->rounds_known && ui->participant_id && last[step] > ps->rounds_seen[step])
        ui_say(ui, "The facilitator started round %d of the vote: V ranks again, with your "
                   "ranking and the room's order of round %d beside it.", last[step] + 1,
               last[step]);
    memcpy(ps->rounds_seen, last, sizeof last);
    ps->rounds_known = ui->participant_id != 0;
}

/* The facilitator on the sales pitch asks the room for the objections they
 * hear: each terminal goes to its own (not while someone types), and back
 * when the room moves on, if it was taken there. */
static void follow_to_objections(struct ui *ui, struct participant_state *ps)
{
    bool here = ui->open && ui->participant_id && !ps->removed && ui->purpose == P_NONE;
    if (ps->room_on_pitch && !ps->asked && here && ui->screen == UI_PARTICIPANT) {
        ps->asked = true;
        ps->views = ps->voting = false;
        ui_open_overlay(ui, UI_OBJECTIONS);
        ui_say(ui, "The room is on the sales pitch: which objections do you hear from buyers? "
                   "a adds one.");
    } else if (!ps->room_on_pitch && ps->asked && here) {
        ps->asked = false;
        if (ui->screen == UI_OBJECTIONS)
            ui_back(ui);
    }
}

void ui_participant_filter(struct ui *ui, struct session *s)
{
    struct participant_state *ps = state(ui);
    room_free(&ps->room);
    if (store_load_room(ui->store, s, &ps->room) < 0)
        memset(&ps->room, 0, sizeof ps->room); /* nothing counts as revealed */
    int me = me_in(ui, s);
    /* Everyone else's answers and votes of a step not revealed leave memory:
     * what is not loaded no key and no view can show. */
    size_t kept = 0;
    for (size_t i = 0; i < s->input_count; i++) {
        struct input *in = &s->inputs[i];
        if ((int)in->participant == me || ps->room.revealed[in->step]) {
            s->inputs[kept++] = *in;
        } else {
            free(in->text);
            free(in->group);
        }
    }
    s->input_count = kept;
    keep_rankings(s->votes, &s->vote_count, me, ps->room.revealed);
    keep_rankings(s->rounds, &s->round_count, me, ps->room.revealed);
    say_new_round(ui, s);
    /* and everyone else's objections, until the room reveals them */
    kept = 0;
    for (size_t o = 0; o < s->objection_count; o++) {
        if ((int)s->objections[o].participant == me || s->objections_revealed)
            s->objections[kept++] = s->objections[o];
        else
            free(s->objections[o].text);
    }
    s->objection_count = kept;
    /* a code taken back while in use: whoever used it writes no more */
    if (ui->participant_id && me >= 0 && (size_t)me < ps->room.seat_count &&
        ps->room.seats[me].revoked && !ps->removed) {
        ps->removed = ps->revoked = true;
        ui_error(ui, "The facilitator took back your join code; q leaves.");
    }
    if (ui->participant_id && me < 0 && !ps->removed) {
        ps->removed = true;
        ui_error(ui, "The facilitator removed you from this session; q leaves.");
    }
    /* removed or revoked, whatever screen is open: this terminal is no one's
     * seat, and the projector, asking the kernel, no longer counts it */
    if (ps->removed)
        store_room_stand(ui->store, ui->participant_id);
    if (me >= 0)
        ui->person = (size_t)me;
    /* The facilitator's place: on a step of the walk, everyone is there, while
     * the facilitator has the session open; before the meeting, no one leads. */
    struct store_position pos;
    ps->following = ps->chaired = ps->room_on_pitch = false;
    if (store_load_position(ui->store, s->id, &pos) == 0) {
        ps->chaired = pos.screen && store_room_facilitated(ui->store, s->id);
        ps->following = ps->chaired && pos.step >= 0 && pos.step < STEP_COUNT;
        ps->room_on_pitch = ps->chaired && !strcmp(pos.screen, "narrative");
        ps->room_step = pos.step;
        snprintf(ps->chair_on, sizeof ps->chair_on, "%s", pos.screen ? pos.screen : "");
        free(pos.screen);
    }
    follow_to_objections(ui, ps);
    if (ps->following && ui->open && ui->screen == UI_PARTICIPANT && ui->step != ps->room_step) {
        ui->step = ps->room_step;
        ps->views = ps->voting = false;
        ui->cursor = ui->top = ui->column = 0;
        ui_say(ui, "The room moved on to step %d.", ui->step + 1);
    }
}

/* Tells the room whether this person is writing now; quietly, as a lost
 * "writing" costs no work. */
static void set_writing(struct ui *ui, bool writing)
{
    struct participant_state *ps = state(ui);
    if (ps->writing == writing || !ui->participant_id)
        return;
    ps->writing = writing;
    if (!ui->session.locked && !ps->removed && !ui->session_gone)
        store_room_set_writing(ui->store, ui->participant_id, (enum step)ps->field_step, writing);
}

void ui_participant_join(struct ui *ui, int64_t id, int64_t participant)
{
    struct participant_state *ps = state(ui);
    ui->joined = true;
    ui->participant_id = 0; /* until the code says who: nobody's answers are loaded */
    ui_open_session(ui, id);
    if (!ui->open) { /* the session went: its error is said, and nothing is open */
        ui->exit_status = 1;
        snprintf(ui->exit_message, sizeof ui->exit_message, "%s", ui->message);
        ui->quit = true;
        return;
    }
    ui->screen = UI_PARTICIPANT;
    ui->step = ps->following ? ps->room_step : 0;
    ui->cursor = ui->top = ui->column = 0;
    ui->view = VIEW_GRID;
    snprintf(ps->code_for, sizeof ps->code_for, "%s", ui->session.name);
    if (!participant && ui->session.locked) { /* no code would be taken: ask for none */
        ui->exit_status = 1;
        snprintf(ui->exit_message, sizeof ui->exit_message,
                 "session %s is locked; a locked session cannot be joined",
                 ui->session.slug ? ui->session.slug : ui->session.name);
        ui->quit = true;
        return;
    }
    if (!participant) {
        ui_ask(ui, P_JOIN_CODE, "Your join code:", "", 40, false);
        return;
    }
    if (store_room_sit(ui->store, participant) < 0) {
        ui->exit_status = 1;
        snprintf(ui->exit_message, sizeof ui->exit_message, "%s", store_error(ui->store));
        ui->quit = true;
        return;
    }
    ui->participant_id = participant;
    /* a terminal before this one may have gone with a field open (killed,
     * ssh dropped): this one has none, so the room must not see "writing" */
    if (!ui->session.locked)
        store_room_clear_writing(ui->store, participant); /* a lost flag costs no work */
    ui_reload(ui); /* now with this person's own answers */
    if (ps->following)
        ui->step = ps->room_step;
    if (ui->screen == UI_OBJECTIONS) /* the room is on the pitch: taken to it on joining */
        ui_say(ui, "You are %s. The room is on the sales pitch: which objections do you hear "
                   "from buyers? a adds one.", ui->session.participants[ui->person].name);
    else
        ui_say(ui, "You are %s. Your answers are private until the facilitator reveals the "
                   "step.", ui->session.participants[ui->person].name);
}

static int draw_question(struct ui *ui, int y)
{
    const struct step_text *t = &ui->steps[ui->step];
    char title[200];
    snprintf(title, sizeof title, "%d. %s", ui->step + 1, t->title);
    ui_put(y++, 2, COLS - 4, title, ui_attr(ui, C_TITLE));
    y += ui_put_wrapped(y, 2, COLS - 4, 3, t->question, A_BOLD | ui_attr(ui, C_NORMAL));
    if (ui->guidance && LINES >= 24)
        for (size_t g = 0; g < t->guidance_count && y < LINES / 2; g++) {
            ui_put(y, 4, 2, "\u2022", ui_attr(ui, C_DIM));
            y += ui_put_wrapped(y, 6, COLS - 8, 2, t->guidance[g], ui_attr(ui, C_DIM));
        }
    return y + 1;
}

/* The facilitator's screen when it is not a step, as a sentence says it. */
static const char *chair_place(const char *screen)
{
    return !strcmp(screen, "setup")       ? "the setup"
           : !strcmp(screen, "narrative") ? "the sales pitch"
           : !strcmp(screen, "canvas")    ? "the canvas"
                                          : "another screen";
}

/* Where the room is and what this person may do; returns the rows used. */
static int draw_room_line(struct ui *ui, int y)
{
    struct participant_state *ps = state(ui);
    char line[400], due[80] = "";
    const char *name = ui->session.participants[ui->person].name;
    if (ps->room.deadline)
        snprintf(due, sizeof due, " Answers are due by %s.", ps->room.deadline);
    if (ui->session.locked) /* nothing more is answered: no step to go to, no date */
        snprintf(line, sizeof line, "You are %s.", name);
    else if (ps->following)
        snprintf(line, sizeof line, "You are %s. The facilitator's room is on this step.", name);
    else if (ps->chaired)
        snprintf(line, sizeof line, "You are %s. The facilitator is on %s, not on a step: until "
                                    "they are, [ and ] move between steps.%s", name,
                 chair_place(ps->chair_on), due);
    else
        snprintf(line, sizeof line, "You are %s. Before the meeting: [ and ] move between "
                                    "steps.%s", name, due);
    return ui_put_wrapped(y, 2, COLS - 4, 2, line, ui_attr(ui, C_DIM));
}

static void participant_draw(struct ui *ui)
{
    struct participant_state *ps = state(ui);
    char where[200];
    snprintf(where, sizeof where, "Step %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    if (ui->session_gone) {
        ui_draw_header(ui, "Session deleted", "");
        ui_put_wrapped(3, 2, COLS - 4, 3, "The facilitator deleted this session: nothing more is "
                       "written from this terminal. q leaves.", ui_attr(ui, C_WARN) | A_BOLD);
        return;
    }
    if (!ui->participant_id) {
        ui_draw_header(ui, "Join a workshop", "");
        ui_put(3, 2, COLS - 4, ps->code_for, A_BOLD | ui_attr(ui, C_TITLE));
        ui_put_wrapped(5, 2, COLS - 4, 3, "Type the join code the facilitator gave you, "
                       "or the room's walk-in code (six letters and digits, such as KMX-4QT), "
                       "then Enter. Esc leaves.",
                       ui_attr(ui, C_NORMAL));
        return;
    }
    if (ps->removed) {
        ui_draw_header(ui, ps->revoked ? "Join code taken back" : "Removed from the session", "");
        ui_put_wrapped(3, 2, COLS - 4, 3,
                       ps->revoked ? "The facilitator took back your join code: nothing more is "
                                     "written from this terminal. q leaves."
                                   : "The facilitator removed you from this session: nothing "
                                     "more is written from this terminal. q leaves.",
                       ui_attr(ui, C_WARN) | A_BOLD);
        return;
    }
    if (ps->voting && revealed(ui)) {
        ui_vote_screen.draw(ui);
        return;
    }
    if (ps->views && revealed(ui)) {
        ui_reveal_screen.draw(ui);
        return;
    }
    ui_draw_session_header(ui, where);
    int y = draw_question(ui, 2);
    y += draw_room_line(ui, y);
    if (ui->session.locked)
        ui_put(y++, 2, COLS - 4, "This session is locked: nothing more can be written.",
               ui_attr(ui, C_WARN) | A_BOLD);
    else if (revealed(ui))
        ui_put(y++, 2, COLS - 4, "The facilitator revealed this step: v shows the room's answers, "
                                 "V casts your own vote.", ui_attr(ui, C_GOOD));
    y++;
    const struct room_seat *seat = NULL;
    for (size_t i = 0; i < ps->room.seat_count; i++)
        if (ps->room.seats[i].participant_id == ui->participant_id)
            seat = &ps->room.seats[i];
    char heading[300];
    snprintf(heading, sizeof heading, "%s%s",
             revealed(ui) ? "Your answers, revealed: the room sees them (v shows theirs)"
                          : "Your answers, private until the facilitator reveals the step",
             seat && seat->done[ui->step] ? "; you are done (D: not yet)" : "");
    ui_put(y++, 2, COLS - 4, heading, ui_attr(ui, C_TITLE));
    /* the field stays open after each answer: a second a would be typed into it */
    if (ui_allows(ui, ACT_ADD))
        ui_put(y++, 2, COLS - 4, "a adds answers (Enter saves each; an empty line or Esc "
                                 "stops); D says you are done.", ui_attr(ui, C_DIM));
    const struct input **list;
    int n = ui_answers_of_person(ui, &list);
    if (!n)
        ui_put(y + 1, 4, COLS - 6, "No answers yet.", ui_attr(ui, C_DIM));
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, n - 1);
    layout_keep_visible(ui->cursor, n, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 2, ui->list_x1 = COLS - 2, ui->list_step = 1, ui->list_count = n;
    for (int row = 0; row < height && ui->top + row < n; row++) {
        int i = ui->top + row;
        attr_t a = i == ui->cursor ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (i == ui->cursor)
            ui_fill(y + row, 2, COLS - 4, a);
        char number[16];
        snprintf(number, sizeof number, "%3d.", i + 1);
        ui_put(y + row, 2, 5, number, a);
        ui_put(y + row, 7, COLS - 9, list[i]->text, a);
    }
    free(list);
}

/* The field says which step it writes to: when the room moves on just as
 * someone presses a, they see where their answer will go. */
static void ask_answer_on(struct ui *ui, int step)
{
    state(ui)->field_step = step;
    char prompt[80];
    snprintf(prompt, sizeof prompt, "Your answer, step %d:", step + 1);
    ui_ask(ui, P_ADD_ANSWER, prompt, "", 1000, false);
    set_writing(ui, true);
}

static void ask_answer(struct ui *ui)
{
    ask_answer_on(ui, ui->step);
}


static void leave(struct ui *ui)
{
    set_writing(ui, false);
    ui->quit = true;
}

/* The views and the vote of a revealed step take only their own keys. */
static bool act_revealed(struct ui *ui, enum ui_action a)
{
    struct participant_state *ps = state(ui);
    if (ps->voting) {
        if (a == ACT_EDIT)
            a = ACT_USE; /* Enter ranks */
        if (a == ACT_VOTE || a == ACT_VIEW) {
            ps->voting = false;
            ps->views = true;
            ui->view = VIEW_VOTES;
            ui->cursor = ui->top = 0;
        } else if (a == ACT_USE || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN || a == ACT_UP ||
                   a == ACT_DOWN || a == ACT_FIRST || a == ACT_LAST || a == ACT_PAGE_UP ||
                   a == ACT_PAGE_DOWN) {
            ui_vote_screen.act(ui, a); /* for ui->person: this terminal's participant only */
        }
        return true;
    }
    if (!ps->views)
        return false;
    if (a == ACT_VIEW && ui->view == VIEW_ANSWERS) {
        ps->views = false;
        ui->cursor = ui->top = ui->column = 0;
        return true;
    }
    if (a == ACT_VIEW || a == ACT_LEFT || a == ACT_RIGHT || a == ACT_UP || a == ACT_DOWN ||
        a == ACT_FIRST || a == ACT_LAST || a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) {
        ui_reveal_screen.act(ui, a);
        return true;
    }
    return a != ACT_VOTE && a != ACT_QUIT && a != ACT_NEXT && a != ACT_PREV;
}

static void participant_act(struct ui *ui, enum ui_action a)
{
    struct participant_state *ps = state(ui);
    if (a == ACT_QUIT && (ui->session_gone || ps->removed)) {
        leave(ui); /* nothing is left to keep, nor to ask about */
        return;
    }
    if (a == ACT_QUIT) {
        ui_confirm(ui, leave, 0, "Leave the session? Your answers are saved.");
        return;
    }
    if (!ui->participant_id || ps->removed || ui->session_gone)
        return;
    if (revealed(ui) && act_revealed(ui, a))
        return;
    const struct input *in, **mine;
    int count = ui_answers_of_person(ui, &mine);
    free(mine);
    if (ui_list_move(ui, a, count) || ui_answer_keys(ui, a))
        return;
    switch (a) {
    case ACT_NEXT:
    case ACT_PREV:
        if (ps->following) {
            ui_error(ui, "The facilitator moves the room from step to step; you follow.");
        } else {
            ui->step = layout_clamp(ui->step + (a == ACT_NEXT ? 1 : -1), 0, STEP_COUNT - 1);
            ui->cursor = ui->top = 0;
            ps->views = ps->voting = false;
        }
        break;
    case ACT_ADD: ask_answer(ui); break;
    case ACT_EDIT:
        if ((in = ui_answer_selected(ui))) {
            ps->field_step = ui->step;
            ps->editing = in->id;
            ui_ask(ui, P_EDIT_ANSWER, "Edit your answer:", in->text, 1000, false);
            set_writing(ui, true);
        }
        break;
    case ACT_DONE: {
        bool done = false;
        for (size_t i = 0; i < ps->room.seat_count; i++)
            if (ps->room.seats[i].participant_id == ui->participant_id)
                done = ps->room.seats[i].done[ui->step];
        if (store_room_set_done(ui->store, ui->participant_id, (enum step)ui->step, !done) < 0) {
            ui_store_failed(ui);
            break;
        }
        ui_reload(ui);
        ui_say(ui, done ? "Not done yet: the room sees you are still on it."
                        : "Done: the room sees you are done with this step.");
        break;
    }
    case ACT_VIEW:
    case ACT_VOTE:
        if (!revealed(ui)) {
            ui_error(ui, "Nobody's answers show before the facilitator reveals this step.");
        } else if (a == ACT_VIEW) {
            ps->views = true;
            ui->view = VIEW_GRID;
            ui->cursor = ui->top = ui->column = 0;
        } else {
            ps->voting = true;
            ui->cursor = ui->top = 0;
        }
        break;
    case ACT_GUIDANCE: ui->guidance = !ui->guidance; break;
    case ACT_OBJECTIONS:
        ps->views = ps->voting = false;
        ui_open_overlay(ui, UI_OBJECTIONS);
        break;
    default: break;
    }
}

/* Spaces alone are no answer. */
static bool blank(const char *text)
{
    return text[strspn(text, " ")] == '\0';
}

#define CODE_TRIES 3 /* a typo costs no ssh login; guessing is slowed by the store */

static void join_with(struct ui *ui, const char *code)
{
    struct participant_state *ps = state(ui);
    int64_t who = 0;
    bool joined = store_join(ui->store, ui->session.id, code, &who) == 0;
    if (!joined && ++ps->tries < CODE_TRIES &&
        strstr(store_error(ui->store), "not valid for this session")) {
        /* the field stays open with the code as typed, to fix a typo */
        ui_error(ui, "That code is not valid here; try again (%d tr%s left).",
                 CODE_TRIES - ps->tries, CODE_TRIES - ps->tries == 1 ? "y" : "ies");
        return;
    }
    if (joined && !who) { /* the room's walk-in code: they say who they are first */
        ui_walk_in_start(ui, code);
        return;
    }
    if (!joined || store_room_sit(ui->store, who) < 0) {
        ui->exit_status = 1;
        snprintf(ui->exit_message, sizeof ui->exit_message, "%s", store_error(ui->store));
        ui->quit = true;
        return;
    }
    ui_participant_join(ui, ui->session.id, who);
}

static void participant_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct participant_state *ps = state(ui);
    if (p == P_JOIN_CODE) {
        join_with(ui, text);
        return;
    }
    if (ps->removed || ui->session.locked || ui->session_gone) {
        set_writing(ui, false);
        return;
    }
    if (p == P_ADD_ANSWER) {
        if (!*text) { /* an empty Enter ends the run of answers */
            set_writing(ui, false);
            return;
        }
        if (blank(text)) {
            ui_error(ui, "An answer cannot be empty.");
            return;
        }
        const struct participant *who = &ui->session.participants[ui->person];
        if (store_add_input(ui->store, ui->session.id, who->name, -1, (enum step)ps->field_step,
                            text, NULL) < 0) {
            set_writing(ui, false);
            ui_store_failed(ui);
            return;
        }
        ui_reload(ui);
        ui->cursor = 1 << 20;
        ask_answer_on(ui, ps->field_step); /* on to the next one, on the same step */
        ui_say(ui, "Saved. Type the next one, or Enter on an empty line to stop.");
    } else if (p == P_EDIT_ANSWER && blank(text)) {
        ui_error(ui, "An answer cannot be empty; Esc keeps it, d deletes it.");
    } else if (p == P_EDIT_ANSWER) {
        set_writing(ui, false);
        if (store_update_input(ui->store, ui->session.id, ps->editing, text) < 0)
            ui_store_failed(ui);
        else
            ui_reload(ui);
    }
}

/* Esc in a field: the code's leaves, an answer's stops writing. */
static void participant_field_changed(struct ui *ui, enum ui_purpose p, const char *text)
{
    if (text)
        return;
    if (p == P_JOIN_CODE) {
        ui->exit_status = 1;
        snprintf(ui->exit_message, sizeof ui->exit_message, "no join code was given; nothing "
                                                            "was joined");
        ui->quit = true;
    } else {
        set_writing(ui, false);
    }
}

static bool participant_escape(struct ui *ui)
{
    struct participant_state *ps = state(ui);
    if (!ps->views && !ps->voting)
        return false;
    ps->views = ps->voting = false;
    ui->cursor = ui->top = ui->column = 0;
    return true;
}

/* Another process wrote: a lock or a removal closes what is being typed. */
static void participant_reload(struct ui *ui)
{
    struct participant_state *ps = state(ui);
    bool typing = ui->purpose == P_ADD_ANSWER || ui->purpose == P_EDIT_ANSWER;
    if (typing && (ps->removed || ui->session.locked || ui->session_gone)) {
        field_free(&ui->field);
        ui->purpose = P_NONE;
        curs_set(0);
        ps->writing = false;
        if (ui->session.locked)
            ui_error(ui, "The facilitator locked the session: what was being typed is not saved.");
    }
}

/* The bottom line and the help offer what this terminal does now: in the
 * vote, ranking; in the views, the views; nothing but q once it can write
 * no more; no reveal's keys before the reveal, no steps while the
 * facilitator leads. */
static bool participant_offers(const struct ui *ui, enum ui_action a)
{
    const struct participant_state *ps = ui_state(ui, UI_PARTICIPANT);
    bool moves = a == ACT_UP || a == ACT_DOWN || a == ACT_FIRST || a == ACT_LAST ||
                 a == ACT_PAGE_UP || a == ACT_PAGE_DOWN;
    bool revealed_here = ps->room.revealed[ui->step];
    if (a == ACT_HELP || a == ACT_QUIT || a == ACT_REDRAW || a == ACT_THEME)
        return true;
    if (ui->session_gone || ps->removed || !ui->participant_id)
        return false;
    if (ps->voting && revealed_here)
        return moves || a == ACT_USE || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN || a == ACT_VIEW;
    if (ps->views && revealed_here)
        return moves || a == ACT_VIEW || a == ACT_VOTE || a == ACT_LEFT || a == ACT_RIGHT ||
               ((a == ACT_NEXT || a == ACT_PREV) && !ps->following);
    if (a == ACT_VIEW || a == ACT_VOTE)
        return revealed_here;
    if (a == ACT_NEXT || a == ACT_PREV)
        return !ps->following;
    return a != ACT_USE && a != ACT_LEFT && a != ACT_RIGHT;
}

static void free_state(void *p)
{
    room_free(&((struct participant_state *)p)->room);
}

const struct ui_screen_ops ui_participant_screen = {
    .name = "participant",
    .state_size = sizeof(struct participant_state),
    .draw = participant_draw,
    .act = participant_act,
    .field_done = participant_field_done,
    .field_changed = participant_field_changed,
    .escape = participant_escape,
    .reload = participant_reload,
    .offers = participant_offers,
    .free = free_state,
};
