/* ui.c: the workshop screens' loop: keys in, one change at a time to the store,
 * one redraw per key. Owns opening sessions, the walk, fields and the timer. */
#include "layout.h"
#include "paths.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "walk.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The timer's tick, and where ui_wake.c cannot watch the database, how often
 * other processes' commits are looked for. */
#define TICK_MS 500

#define UI_SCREEN_ADDRESS(id, name) [UI_##id] = &ui_##name##_screen,
static const struct ui_screen_ops *const screens[UI_SCREEN_COUNT] = {UI_SCREENS(UI_SCREEN_ADDRESS)};

const struct ui_screen_ops *ui_screen_ops(enum ui_screen screen)
{
    return screens[screen];
}

void *ui_state(const struct ui *ui, enum ui_screen screen)
{
    return ui->states[screen];
}

static void vsay(struct ui *ui, bool error, const char *fmt, va_list ap)
{
    vsnprintf(ui->message, sizeof ui->message, fmt, ap);
    ui->message_is_error = error;
}

void ui_say(struct ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(ui, false, fmt, ap);
    va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(ui, true, fmt, ap);
    va_end(ap);
    beep();
}

void ui_store_failed(struct ui *ui)
{
    ui_error(ui, "%s", store_error(ui->store));
    if (ui->open)
        ui_reload(ui);
}


void ui_save_position(struct ui *ui)
{
    /* the room's place is the facilitator's to move, and a deleted session has none */
    if (!ui->open || ui->joined || ui->session_gone)
        return;
    /* the place of the walk: under the overlays, if any are open */
    enum ui_screen screen = ui->depth ? ui->under[0].screen : ui->screen;
    struct store_position pos = {
        (char *)screens[screen]->name,
        screen == UI_STEP || screen == UI_REVEAL || screen == UI_DECIDE ? ui->step : -1,
        ui->person < ui->session.participant_count ? ui->session.participants[ui->person].id : 0,
    };
    store_save_position(ui->store, ui->session.id, &pos); /* a lost place is no lost work */
}

bool ui_list_move(struct ui *ui, enum ui_action a, int count)
{
    switch (a) {
    case ACT_UP: ui->cursor--; break;
    case ACT_DOWN: ui->cursor++; break;
    case ACT_FIRST: ui->cursor = 0; break;
    case ACT_LAST: ui->cursor = count - 1; break;
    case ACT_PAGE_UP: ui->cursor -= LINES / 2; break;
    case ACT_PAGE_DOWN: ui->cursor += LINES / 2; break;
    default: return false;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, count - 1);
    return true;
}

static void close_field(struct ui *ui);

/* Another process deleted the open session. What is shown stays as it was
 * loaded (a reload's caller may still read it); nothing more is written. A
 * joined terminal says so until q; the facilitator's screens go back to the
 * session list before the next redraw (leave_deleted_session). */
static void session_deleted(struct ui *ui)
{
    if (ui->session_gone)
        return;
    ui->session_gone = true;
    close_field(ui);
    ui->confirm.open = false;
    if (ui->joined && ui->participant_id) /* no one's seat now: its number may be reused */
        store_room_stand(ui->store, ui->participant_id);
    if (ui->joined)
        ui_error(ui, "The facilitator deleted this session: nothing more is written; q leaves.");
}

void ui_reload(struct ui *ui)
{
    if (!ui->open || ui->session_gone) /* its number may be a new session's by now */
        return;
    int64_t id = ui->session.id;
    int64_t person = ui->joined ? ui->participant_id
                     : ui->person < ui->session.participant_count
                         ? ui->session.participants[ui->person].id : 0;
    struct session fresh;
    if (store_load_session(ui->store, id, &fresh) < 0) {
        if (store_session_exists(ui->store, id) == 0)
            session_deleted(ui);
        else
            ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    if (ui->joined)
        ui_participant_filter(ui, &fresh);
    session_free(&ui->session);
    alignment_free(&ui->align);
    ui->session = fresh;
    align_session(&ui->session, &ui->align);
    ui_room_load(ui);
    ui->person = 0;
    for (size_t i = 0; i < fresh.participant_count; i++)
        if (fresh.participants[i].id == person)
            ui->person = i;
    store_data_version(ui->store, &ui->data_version);
}

/* Leaves the current screen and every one under it: each forgets what it had open. */
static void leave_all(struct ui *ui)
{
    for (int i = ui->depth; i >= 0; i--) {
        enum ui_screen s = i == ui->depth ? ui->screen : ui->under[i].screen;
        if (screens[s]->leave)
            screens[s]->leave(ui);
    }
    ui->depth = 0;
}

void ui_open_overlay(struct ui *ui, enum ui_screen screen)
{
    if (ui->depth == (int)(sizeof ui->under / sizeof ui->under[0]))
        ui_back(ui); /* deeper than anyone needs: the innermost gives way */
    ui->under[ui->depth++] = (struct ui_place){ui->screen, ui->cursor, ui->top, ui->column};
    ui->screen = screen;
    ui->cursor = ui->top = ui->column = 0;
}

void ui_back(struct ui *ui)
{
    if (!ui->depth)
        return;
    if (screens[ui->screen]->leave)
        screens[ui->screen]->leave(ui);
    struct ui_place was = ui->under[--ui->depth];
    ui->screen = was.screen;
    ui->cursor = was.cursor, ui->top = was.top, ui->column = was.column;
}

void ui_go(struct ui *ui, enum ui_screen screen, int step)
{
    leave_all(ui);
    if (screen == UI_SESSIONS) {
        ui_close_session(ui); /* saves where the room was before leaving it */
        ui->cursor = ui->top = 0;
        return;
    }
    int to = layout_clamp(step, 0, STEP_COUNT - 1);
    if (to != ui->step) { /* each step's silent writing starts afresh */
        ui->timer_running = ui->timer_up = false;
        ui->timer_left = 0;
    }
    /* the last person of the step before is not whose turn it is here: the first is */
    bool per_step = screen == UI_STEP || screen == UI_REVEAL || screen == UI_DECIDE;
    if (per_step && to != ui->step)
        ui->person = 0;
    ui->screen = screen;
    ui->step = to;
    ui->cursor = ui->top = ui->column = 0;
    if (screen == UI_REVEAL)
        ui->view = VIEW_GRID; /* a reveal opens on who said what, as the manual says */
    ui_save_position(ui);
}

/* The screen that shows a place of the walk: the one of the same name. */
static enum ui_screen screen_of(enum walk_kind kind)
{
    for (int i = 0; i < UI_SCREEN_COUNT; i++)
        if (!strcmp(screens[i]->name, walk_kind_name(kind)))
            return (enum ui_screen)i;
    return UI_SESSIONS; /* unreachable: every place has its screen */
}

void ui_walk(struct ui *ui, int direction)
{
    struct walk_place here = {(enum walk_kind)walk_kind_from_name(screens[ui->screen]->name),
                              ui->step};
    if (!walk_move(ui->session.solo, &here, direction)) {
        ui_say(ui, direction < 0 ? "This is the start of the walk." : "This is the end of the walk.");
        return;
    }
    if (screen_of(here.kind) == UI_REVEAL && ui_room_unrevealed(ui, here.step)) {
        ui_step_reveal(ui); /* [ from the decide screen: the room's reveal, asked and stored */
        return;
    }
    ui_go(ui, screen_of(here.kind), here.step);
}

void ui_close_session(struct ui *ui)
{
    if (!ui->open)
        return;
    /* the chair first: the place saved next wakes the terminals, which then
     * find no one leading and go at their own pace */
    if (!ui->joined)
        store_room_chair(ui->store, ui->session.id, false);
    ui_save_position(ui);
    leave_all(ui);
    session_free(&ui->session);
    alignment_free(&ui->align);
    room_free(&ui->room);
    ui->open = false;
    ui->screen = UI_SESSIONS;
    ui_sessions_reload(ui);
}

/* The facilitator's screens of a session another process deleted: back to
 * the session list, with one line that says what happened. */
static void leave_deleted_session(struct ui *ui)
{
    char *name = xstrdup(ui->session.name ? ui->session.name : "");
    close_field(ui); /* a field whose write failed on the deleted session */
    ui->confirm.open = false;
    ui_close_session(ui);
    ui->session_gone = false;
    ui->cursor = ui->top = 0;
    ui_error(ui, "The session \"%s\" was deleted by another program: it is no longer in this "
                 "database.", name);
    free(name);
}

void ui_open_session(struct ui *ui, int64_t id)
{
    struct session s;
    if (store_load_session(ui->store, id, &s) < 0) {
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    if (ui->joined)
        ui_participant_filter(ui, &s);
    if (ui->open) {
        session_free(&ui->session);
        alignment_free(&ui->align);
    }
    if (ui->open && !ui->joined)
        store_room_chair(ui->store, ui->session.id, false);
    ui->session = s;
    align_session(&ui->session, &ui->align);
    ui->open = true;
    ui->session_gone = false;
    if (!ui->joined) /* the facilitator is here: joined terminals follow the walk */
        store_room_chair(ui->store, id, true);
    ui_room_forget_seen(ui); /* "gone" is for those seen while this session is open */
    ui_room_load(ui);
    ui->person = 0;
    store_get_attribution(ui->store, id, &ui->attribution);
    store_data_version(ui->store, &ui->data_version);

    /* Back where the room was, or at the start of the walk. */
    struct store_position pos;
    int saved_kind = -1, saved_step = 0;
    if (store_load_position(ui->store, id, &pos) == 0 && pos.screen) {
        saved_kind = walk_kind_from_name(pos.screen);
        saved_step = pos.step;
        for (size_t i = 0; i < s.participant_count; i++)
            if (s.participants[i].id == pos.participant_id)
                ui->person = i;
        free(pos.screen);
    }
    struct walk_place place = walk_opening(s.solo, s.participant_count > 0,
                                           s.locked || store_is_read_only(ui->store), saved_kind,
                                           saved_step);
    leave_all(ui);
    ui->screen = screen_of(place.kind);
    ui->step = place.step;
    /* Left on a reveal before anyone was invited: the room has not had it,
     * so the projector opens on the step's readiness, not on the answers. */
    if (ui->screen == UI_REVEAL && ui_room_unrevealed(ui, ui->step))
        ui->screen = UI_STEP;
    ui->cursor = ui->top = ui->column = 0;
    /* nothing of the session open before: its reveal's view, its timer */
    ui->view = VIEW_GRID;
    ui->timer_running = ui->timer_up = false;
    ui->timer_left = 0;
    if (!ui->joined && ui_room_mode(ui))
        ui_save_position(ui); /* the room's terminals follow from here, at once */
    char when[40];
    ui_format_time(s.locked_at, when, sizeof when);
    if (s.locked)
        ui_say(ui, "This session was locked on %s; it opens read-only.", when);
    else if (store_is_read_only(ui->store))
        ui_say(ui, "Read-only: the database cannot be changed from here.");
}

void ui_ask(struct ui *ui, enum ui_purpose purpose, const char *prompt, const char *text,
            size_t max, bool multiline)
{
    field_free(&ui->field);
    field_init(&ui->field, text, max, multiline);
    ui->field.cursor = ui->field.len;
    ui->purpose = purpose;
    ui->field_owner = ui->screen;
    snprintf(ui->prompt, sizeof ui->prompt, "%s", prompt);
    ui->message[0] = '\0';
    curs_set(1);
}

static void close_field(struct ui *ui)
{
    field_free(&ui->field);
    ui->purpose = P_NONE; /* a paste under way stays one until its end mark */
    curs_set(0);
}

void ui_confirm(struct ui *ui, void (*yes)(struct ui *ui), int64_t target, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->confirm.question, sizeof ui->confirm.question, fmt, ap);
    va_end(ap);
    ui->confirm.yes = yes;
    ui->confirm.no = NULL;
    ui->confirm.target = target;
    ui->confirm.open = true;
}

time_t ui_now(const struct ui *ui)
{
    return time(NULL) + (ui->script ? (time_t)ui_script_waited(ui->script) : 0);
}

/* The timer counts down in the corner of the step screen. */
int ui_timer_seconds_left(const struct ui *ui)
{
    if (ui->timer_up)
        return 0;
    if (ui->timer_running) {
        long left = (long)(ui->timer_end - ui_now(ui));
        return left > 0 ? (int)left : 0;
    }
    return ui->timer_left > 0 ? ui->timer_left : ui->timer_minutes * 60;
}

void ui_timer_toggle(struct ui *ui)
{
    if (ui->timer_up) { /* after time is up, t first puts the full length back */
        ui->timer_up = false;
        ui->timer_left = 0;
        ui_say(ui, "Timer reset to %d:00; t starts it.", ui->timer_minutes);
        return;
    }
    if (ui->timer_running) {
        ui->timer_left = ui_timer_seconds_left(ui);
        ui->timer_running = false;
        ui_say(ui, "Timer paused.");
        return;
    }
    int left = ui_timer_seconds_left(ui);
    ui->timer_end = ui_now(ui) + left;
    ui->timer_running = true;
    ui_say(ui, "Silent writing: %d:%02d. Everyone writes their own answers first.", left / 60,
           left % 60);
}

void ui_timer_adjust(struct ui *ui, int minutes)
{
    ui->timer_minutes = layout_clamp(ui->timer_minutes + minutes, 1, 60);
    if (ui->timer_running)
        ui->timer_end += minutes * 60;
    else
        ui->timer_left = 0, ui->timer_up = false; /* a stopped timer starts afresh */
    ui_say(ui, "Timer: %d minute%s.", ui->timer_minutes, ui->timer_minutes == 1 ? "" : "s");
}

static void timer_tick(struct ui *ui)
{
    if (ui->timer_running && ui_timer_seconds_left(ui) == 0) {
        ui->timer_running = false;
        ui->timer_left = 0;
        ui->timer_up = true; /* shown until t resets it: the room may look up late */
        ui_say(ui, "Time is up: pens down.");
        beep();
    }
}

/* After an Esc, reads away the rest of an escape sequence that curses did not
 * know (CSI "ESC [ ... final", OSC "ESC ] ... BEL", SS3 "ESC O x", Alt+key),
 * so none of its bytes is taken as a key or typed into a field. Returns false
 * when nothing followed: the user pressed Esc. */
static bool swallow_escape_sequence(void)
{
    wint_t c;
    timeout(0);
    int r = get_wch(&c);
    if (r == ERR)
        return false;
    if (r == OK && c == '[') {          /* CSI: parameters, then a final byte */
        while (get_wch(&c) == OK && !(c >= 0x40 && c <= 0x7E))
            ;
    } else if (r == OK && c == ']') {   /* OSC: up to BEL or ESC \ */
        while (get_wch(&c) == OK && c != 7 && c != 27)
            ;
        if (c == 27)
            get_wch(&c);
    } else if (r == OK && c == 'O') {   /* SS3: one more */
        get_wch(&c);
    }
    return true;
}

/* Hands the text to the screen that asked. When it refuses the text (says
 * an error and opens nothing else), the field opens again as it was, the
 * error under it: what is typed next is meant for the field, not for keys. */
static void field_done(struct ui *ui)
{
    char *text = field_text(&ui->field);
    enum ui_purpose p = ui->purpose;
    enum ui_screen asker = ui->field_owner;
    size_t max = ui->field.max, cursor = ui->field.cursor;
    bool multiline = ui->field.multiline;
    char prompt[sizeof ui->prompt];
    snprintf(prompt, sizeof prompt, "%s", ui->prompt);
    close_field(ui);
    ui->message[0] = '\0';
    ui->message_is_error = false;
    const struct ui_screen_ops *owner = screens[asker];
    if (owner->field_done)
        owner->field_done(ui, p, text);
    if (ui->message_is_error && ui->purpose == P_NONE && !ui->confirm.open &&
        ui->screen == asker && !ui->session_gone) {
        char error[sizeof ui->message];
        snprintf(error, sizeof error, "%s", ui->message);
        ui_ask(ui, p, prompt, text, max, multiline);
        ui->field.cursor = cursor < ui->field.len ? cursor : ui->field.len;
        snprintf(ui->message, sizeof ui->message, "%s", error);
        ui->message_is_error = true;
    }
    free(text);
}

/* A field that acts as it is typed hears each change, and NULL when cancelled. */
static void field_changed(struct ui *ui, bool cancelled)
{
    const struct ui_screen_ops *owner = screens[ui->field_owner];
    if (!owner->field_changed)
        return;
    char *text = cancelled ? NULL : field_text(&ui->field);
    owner->field_changed(ui, ui->purpose, text);
    free(text);
}

static void field_key(struct ui *ui, int key, bool is_code)
{
    struct field *f = &ui->field;
    if (ui->pasting) { /* gathered, and put into the field at the paste's end */
        if (!is_code)
            ui_paste_char(ui, (uint32_t)key);
        return;
    }
    if (!ui->message_is_error)
        ui->message[0] = '\0'; /* news is read by the next key; an error stays until Enter */
    if (is_code) {
        switch (key) {
        case KEY_LEFT: field_apply(f, FIELD_LEFT); return;
        case KEY_RIGHT: field_apply(f, FIELD_RIGHT); return;
        case KEY_UP: field_apply(f, FIELD_UP); return;
        case KEY_DOWN: field_apply(f, FIELD_DOWN); return;
        case KEY_HOME: field_apply(f, FIELD_HOME); return;
        case KEY_END: field_apply(f, FIELD_END); return;
        case KEY_BACKSPACE: field_apply(f, FIELD_BACKSPACE); break;
        case KEY_DC: field_apply(f, FIELD_DELETE); break;
        case KEY_ENTER: key = '\n'; is_code = false; break;
        case KEY_F(2): field_done(ui); return;
        default: return;
        }
        if (is_code) {
            field_changed(ui, false);
            return;
        }
    }
    switch (key) {
    case 27: /* Esc: a lone one, escape sequences were read away before */
        field_changed(ui, true);
        ui->message[0] = '\0'; /* an error about the text goes with it */
        if (f->len)
            ui_say(ui, "Cancelled; what was typed is not saved.");
        close_field(ui);
        return;
    case '\r':
    case '\n':
        if (f->multiline)
            field_insert(f, '\n');
        else
            field_done(ui);
        return;
    case 4: field_done(ui); return;                       /* Ctrl-D */
    case 1: field_apply(f, FIELD_HOME); return;            /* Ctrl-A */
    case 5: field_apply(f, FIELD_END); return;             /* Ctrl-E */
    case 2: field_apply(f, FIELD_LEFT); return;            /* Ctrl-B */
    case 6: field_apply(f, FIELD_RIGHT); return;           /* Ctrl-F */
    case 11: field_apply(f, FIELD_KILL_TO_END); break;     /* Ctrl-K */
    case 21: field_apply(f, FIELD_KILL_TO_START); break;   /* Ctrl-U */
    case 23: field_apply(f, FIELD_KILL_WORD); break;       /* Ctrl-W */
    case 8: case 127: field_apply(f, FIELD_BACKSPACE); break;
    case '\t': return;
    default:
        if (!field_insert(f, (uint32_t)key) && f->len >= f->max)
            ui_error(ui, "That is the limit: %zu characters.", f->max);
        break;
    }
    field_changed(ui, false);
}

/* The walk's keys mean the same on every screen of a session; an overlay
 * gives way to the screen below it first. */
static bool act_walk(struct ui *ui, enum ui_action a)
{
    bool overlay = screens[ui->screen]->flags & UI_OVERLAY;
    if (overlay && a == ACT_QUIT) {
        ui_back(ui);
        return true;
    }
    if (!ui->open || !(screens[ui->screen]->flags & UI_IN_SESSION))
        return false;
    if (overlay && (a == ACT_NEXT || a == ACT_PREV || a == ACT_REVEAL))
        while (ui->depth)
            ui_back(ui);
    bool revealing = ui->screen == UI_STEP && !ui->session.solo;
    switch (a) {
    case ACT_NEXT:
        if (revealing)
            ui_step_reveal(ui); /* ] leads to the reveal: unanswered work is asked about */
        else if (ui->screen == UI_SETUP && !ui->session.participant_count)
            ui_error(ui, "Add at least one participant first (a).");
        else
            ui_walk(ui, +1);
        return true;
    case ACT_PREV: ui_walk(ui, -1); return true;
    case ACT_QUIT: {
        int64_t left = ui->session.id;
        ui_go(ui, UI_SESSIONS, 0);
        ui_find_return(ui, left); /* a session opened from find goes back to the results */
        return true;
    }
    case ACT_REVEAL:
        if (ui->session.solo)
            ui_error(ui, "A solo session has no reveal: ] goes on to the decision.");
        else if (revealing || ui_room_unrevealed(ui, ui->step))
            ui_step_reveal(ui);
        else if (ui->screen != UI_REVEAL)
            ui_go(ui, UI_REVEAL, ui->step);
        return true;
    default: return false;
    }
}

/* Refuses, saying why, what the action rules say this session refuses,
 * before any screen sees the key: the bottom line never offered it. */
static bool refused(struct ui *ui, enum ui_action a)
{
    bool read_only = store_is_read_only(ui->store), locked = ui->open && ui->session.locked;
    if (!ui_action_refused(a, locked, read_only))
        return false;
    if (read_only && (ui_action_rule(a)->needs & UI_LEAVES_PROGRAM))
        ui_error(ui, "Read-only: no export, no editor; the owner exports with samesong export.");
    else if (!ui->open) /* the session list: a new session, or the demo added */
        ui_error(ui, "Read-only: browsing cannot start a session. This database is read-only.");
    else if (locked)
        ui_error(ui, "This session is locked; it cannot be changed.");
    else
        ui_error(ui, "The database is open read-only; nothing can be changed.");
    return true;
}

/* An action that opens an overlay opens it, and closes it when it is open. */
static bool act_overlay(struct ui *ui, enum ui_action a)
{
    const struct ui_action_rule *rule = ui_action_rule(a);
    if (!rule->opens)
        return false;
    if (ui->screen == rule->overlay)
        ui_back(ui);
    else
        ui_open_overlay(ui, rule->overlay);
    return true;
}

static void act(struct ui *ui, enum ui_action a)
{
    if (refused(ui, a) || act_walk(ui, a) || act_overlay(ui, a))
        return;
    if (a == ACT_HELP) {
        ui->help = true;
        ui->help_top = 0;
        return;
    }
    if (a == ACT_REDRAW) {
        clear();
        return;
    }
    if (a == ACT_THEME) {
        ui->projector = !ui->projector;
        ui_say(ui, "Projector theme %s.", ui->projector ? "on" : "off");
        return;
    }
    screens[ui->screen]->act(ui, a);
}

/* A click selects the row under it in the list on screen; on the step screen
 * a click on a name makes it that person's turn. */
static void mouse(struct ui *ui)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
        return;
    if (ui->screen == UI_STEP && !ui->session.solo && ev.x < ui->list_x0) {
        int row = ui->people_top + (ev.y - ui->list_y) / (ui->projector ? 2 : 1);
        if (row >= 0 && (size_t)row < ui->session.participant_count) {
            ui->person = (size_t)row;
            ui->cursor = ui->top = 0;
        }
        return;
    }
    if (ui->list_step < 1 || ev.y < ui->list_y || ev.x < ui->list_x0 || ev.x >= ui->list_x1)
        return;
    int row = ui->top + (ev.y - ui->list_y) / ui->list_step;
    if (row < ui->list_count)
        ui->cursor = row;
}

static void draw(struct ui *ui)
{
    erase();
    ui->list_step = 0; /* no list until a screen draws one */
    if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
        ui_draw_too_small();
    } else {
        /* A popup is drawn over the screen below it, as that screen was. */
        if (screens[ui->screen]->flags & UI_POPUP && ui->depth) {
            struct ui_place here = {ui->screen, ui->cursor, ui->top, ui->column};
            struct ui_place below = ui->under[ui->depth - 1];
            ui->screen = below.screen;
            ui->cursor = below.cursor, ui->top = below.top, ui->column = below.column;
            screens[ui->screen]->draw(ui);
            ui->screen = here.screen;
            ui->cursor = here.cursor, ui->top = here.top, ui->column = here.column;
            ui->list_step = 0;
        }
        screens[ui->screen]->draw(ui);
        ui_draw_status(ui);
        ui_draw_help(ui);
        ui_draw_field(ui);
        ui_draw_confirm(ui);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

/* Another process (a second laptop, a joined terminal, a script) may write
 * the same file: SQLite's data_version changes when it commits, and the screen
 * follows. ui_wake.c wakes the loop at such a commit. While a field is open
 * the reload waits for it to close (the field's text stays, and what it acts
 * on cannot move under it), except on a joined terminal: a removal or a lock
 * must reach the person typing at once, and its edit field keeps its answer. */
static void follow_other_writers(struct ui *ui)
{
    int64_t version;
    if ((ui->purpose != P_NONE && !ui->joined) || store_data_version(ui->store, &version) < 0)
        return;
    /* a joined terminal also notices the facilitator come and go, which
     * writes nothing when their process just ends */
    bool chair = ui->joined && ui->open && store_room_facilitated(ui->store, ui->session.id);
    if (version == ui->data_version && chair == ui->chair_seen)
        return;
    ui->chair_seen = chair;
    if (ui->open)
        ui_reload(ui);
    if (screens[ui->screen]->reload)
        screens[ui->screen]->reload(ui);
    ui->data_version = version;
}

static void quit_now(struct ui *ui)
{
    ui->quit = true;
}

static void loop(struct ui *ui)
{
    int quick_errors = 0;
    /* For bench/bench_browse: leave once the first screen is on the terminal. */
    bool timing = getenv("SAMESONG_QUIT_AFTER_DRAW") != NULL;
    while (!ui->quit && !ui_term_signalled()) {
        /* Before each redraw, not only when no key came: a screen that gets a
         * key every few hundred ms (someone scrolling) still follows the room,
         * and a field's deferred reload comes the moment it closes. */
        follow_other_writers(ui);
        if (ui->session_gone && !ui->joined)
            leave_deleted_session(ui);
        draw(ui);
        if (timing)
            break;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        wint_t ch;
        errno = 0; /* get_wch leaves it alone at end of file: no stale EINTR */
        bool changed = false; /* the database was written (ui_wake.c) */
        int r;
        if (ui->script) {
            r = ui_script_key(ui->script, &ch);
        } else {
            /* A key curses has read already first; then wait for the terminal
             * or the database, a tick at most, and take the key if one came. */
            timeout(0);
            r = get_wch(&ch);
            if (r == ERR) {
                ui_wake_wait(ui->wake, TICK_MS, &changed);
                r = get_wch(&ch);
            }
        }
        if (ui->script && r == ERR)
            break; /* the script is over */
        if (ui_term_signalled())
            break;
        if (ui_term_interrupted()) {
            ui_confirm(ui, quit_now, 0, "Quit samesong?%s",
                       ui->purpose != P_NONE ? " What is being typed is not saved." : "");
            continue;
        }
        if (r == ERR) {
            /* After the terminal goes away get_wch fails at once, every time:
             * leave rather than spin. SIGHUP may never come (the shell that
             * owns the terminal ignores it), so ask the terminal itself. */
            clock_gettime(CLOCK_MONOTONIC, &t1);
            long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
            bool quick = ms < TICK_MS / 5 && !changed;
            if (quick && ui_term_gone())
                break;
            quick_errors = quick && errno != EINTR ? quick_errors + 1 : 0;
            if (quick_errors > 20)
                break;
            timer_tick(ui);
            continue;
        }
        quick_errors = 0;
        bool is_code = r == KEY_CODE_YES;
        int key = (int)ch;
        if (is_code && key == KEY_TICK) { /* a script's wait: as a timeout */
            timer_tick(ui);
            continue;
        }
        if (is_code && key == KEY_RESIZE) {
            clear();
            continue;
        }
        if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
            if (key == 'q')
                ui->quit = true;
            continue;
        }
        /* Paste marks first, whatever is open: pasted text is text, never keys. */
        if (is_code && key == KEY_PASTE_START) {
            ui_paste_start(ui);
            continue;
        }
        if (is_code && key == KEY_PASTE_END) {
            ui_paste_end(ui);
            continue;
        }
        if (ui->pasting && (ui->purpose == P_NONE || ui->confirm.open))
            continue; /* a paste with no field open is dropped whole, and answers no question */
        /* An escape sequence curses does not know is read away before any of
         * its bytes can be taken for a key; a lone Esc stays a key. */
        bool lone_escape = false;
        if (!is_code && key == 27) {
            if (swallow_escape_sequence())
                continue;
            lone_escape = true;
        }
        if (ui->confirm.open) {
            ui->confirm.open = false;
            if (!lone_escape && (key == 'y' || key == 'Y'))
                ui->confirm.yes(ui);
            else if (ui->confirm.no && !lone_escape && (key == 'n' || key == 'N'))
                ui->confirm.no(ui);
            else if (ui->purpose == P_NONE)
                ui_say(ui, "Nothing was changed.");
            continue;
        }
        if (ui->purpose != P_NONE) {
            field_key(ui, key, is_code);
            continue;
        }
        if (ui->help) { /* a help taller than the window scrolls; any other key closes it */
            if (!ui->help_height || !ui_page_scroll(ui_page_key(key, is_code), &ui->help_top,
                                                    ui->help_height))
                ui->help = false;
            continue;
        }
        ui->message[0] = '\0';
        if (lone_escape) { /* Esc closes what is open over a screen */
            const struct ui_screen_ops *ops = screens[ui->screen];
            if (!(ops->escape && ops->escape(ui)) && (ops->flags & UI_OVERLAY))
                ui_back(ui);
            continue;
        }
        if (is_code && key == KEY_MOUSE) {
            mouse(ui);
            continue;
        }
        act(ui, ui_action_for(ui->screen, key));
    }
}

static int run(struct store *st, const char *open_slug, const char *theme, bool join,
               int64_t participant)
{
    char err[512];
    struct ui *ui = xcalloc(1, sizeof *ui);
    ui->store = st;
    for (int i = 0; i < UI_SCREEN_COUNT; i++)
        ui->states[i] = xcalloc(1, screens[i]->state_size ? screens[i]->state_size : 1);
    ui->timer_minutes = 5;
    ui->guidance = true;
    ui->projector = !strcmp(theme, "projector");
    char *path = paths_data_file("steps.json");
    int rc = store_load_steps(path, ui->steps, err, sizeof err);
    free(path);
    if (rc == 0) {
        char **terms;
        size_t *sets, count;
        path = paths_data_file("synonyms.json");
        rc = store_load_synonym_terms(path, &terms, &sets, &count, err, sizeof err);
        free(path);
        if (rc == 0)
            synonyms_init(&ui->synonyms, terms, sets, count);
    }
    int64_t id = 0;
    /* Errors before the screens start: one line each, their text made safe. */
    char *safe = NULL;
    if (rc < 0)
        fprintf(stderr, "samesong: %s (set SAMESONG_DATA_DIR to the data folder)\n",
                safe = text_sanitize(err, false));
    else if (open_slug && (rc = store_find_session(st, open_slug, &id)) < 0)
        fprintf(stderr, "samesong: open: %s\n", safe = text_sanitize(store_error(st), false));
    else if (ui_script_active() && !(ui->script = ui_script_start(err, sizeof err)))
        rc = -1, fprintf(stderr, "samesong: %s\n", safe = text_sanitize(err, false));
    else if ((rc = ui_term_start(&ui->color, err, sizeof err)) < 0)
        fprintf(stderr, "samesong: %s\n", safe = text_sanitize(err, false));
    free(safe);
    if (rc == 0) {
        if (!strcmp(theme, "plain"))
            ui->color = false;
        ui_sessions_reload(ui);
        if (id && join)
            ui_participant_join(ui, id, participant);
        else if (id)
            ui_open_session(ui, id);
        if (!ui->script)
            ui->wake = ui_wake_open(store_path(st));
        loop(ui);
        ui_save_position(ui);
        ui_term_stop();
        if (ui->exit_status) { /* a wrong join code: its one line, after the screens */
            char *line = text_sanitize(ui->exit_message, false);
            fprintf(stderr, "samesong: join: %s\n", line);
            free(line);
            rc = -1;
        }
    }
    if (ui->open) {
        session_free(&ui->session);
        alignment_free(&ui->align);
    }
    room_free(&ui->room);
    ui_room_forget_seen(ui);
    for (int i = 0; i < UI_SCREEN_COUNT; i++) {
        if (screens[i]->free)
            screens[i]->free(ui->states[i]);
        free(ui->states[i]);
    }
    store_steps_free(ui->steps);
    synonyms_free(&ui->synonyms);
    field_free(&ui->field);
    field_free(&ui->paste);
    ui_script_stop(ui->script);
    ui_wake_close(ui->wake);
    free(ui);
    return rc < 0 ? 1 : 0;
}

int ui_run(struct store *st, const char *open_slug, const char *theme)
{
    return run(st, open_slug, theme, false, 0);
}

int ui_run_join(struct store *st, const char *slug, int64_t participant, const char *theme)
{
    return run(st, slug, theme, true, participant);
}
