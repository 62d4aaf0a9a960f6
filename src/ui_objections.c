/* ui_objections.c: the objections each person hears from buyers, asked for
 * at the sales pitch (O). As a step's answers are: private entry, one person
 * at a time on the shared keyboard (Tab), or each from their own joined
 * terminal in room mode, the projector showing only how many; then r
 * reveals them all, by person, sales and customer success first (who hear
 * buyers most), and the pitch's Objections section drafts from them. */
#include "layout.h"
#include "pitch.h"
#include "store_pitch.h"
#include "store_room.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PEOPLE_WIDTH 26

struct objections_state {
    int64_t editing;      /* the objection the edit field changes */
    int64_t writing_for;  /* the participant the add field writes for */
};

static struct objections_state *state(struct ui *ui)
{
    return ui_state(ui, UI_OBJECTIONS);
}

/* Everyone's objections show: revealed, or a solo session's own. */
static bool all_shown(const struct ui *ui)
{
    return ui->session.objections_revealed || ui->session.solo;
}

/* The projector in room mode before the reveal: counts, never text. */
static bool projector_hides(const struct ui *ui)
{
    return !ui->joined && ui_room_mode(ui) && !all_shown(ui);
}

/* The people in the order their objections are listed and their turns go:
 * sales and customer success first; by their P number when people are
 * anonymous, as a role's place would give away who is who. */
static void people_order(const struct ui *ui, size_t *order)
{
    const struct session *s = &ui->session;
    if (ui->attribution != ATTRIBUTE_ANONYMOUS) {
        pitch_people_order(s, order);
        return;
    }
    int *numbers = xcalloc(s->participant_count + 1, sizeof *numbers);
    session_anonymous_numbers(s, numbers);
    for (size_t p = 0; p < s->participant_count; p++)
        order[numbers[p] - 1] = p;
    free(numbers);
}

static int count_of(const struct ui *ui, size_t p)
{
    int n = 0;
    for (size_t i = 0; i < ui->session.objection_count; i++)
        n += ui->session.objections[i].participant == p;
    return n;
}

/* The objections shown now, in order, as indices into the session's
 * (caller frees): everyone's once shown to all, person by person; before
 * that, the one person's whose turn it is (a joined terminal's own); none on
 * the projector. */
static int shown(const struct ui *ui, size_t **out)
{
    const struct session *s = &ui->session;
    *out = xcalloc(s->objection_count + 1, sizeof **out);
    int n = 0;
    if (projector_hides(ui) || !s->participant_count)
        return 0;
    size_t *order = xcalloc(s->participant_count, sizeof *order);
    people_order(ui, order);
    for (size_t o = 0; o < s->participant_count; o++) {
        if (!all_shown(ui) && order[o] != ui->person)
            continue;
        for (size_t i = 0; i < s->objection_count; i++)
            if (s->objections[i].participant == order[o])
                (*out)[n++] = i;
    }
    free(order);
    return n;
}

static const struct objection *selected(struct ui *ui)
{
    size_t *list;
    int n = shown(ui, &list);
    const struct objection *o =
        ui->cursor >= 0 && ui->cursor < n ? &ui->session.objections[list[ui->cursor]] : NULL;
    free(list);
    if (!o)
        ui_error(ui, "No objection is selected; a adds one.");
    return o;
}

/* Who someone is in the list of everyone's objections: "Tom, sales", or
 * as the views name people ("Sales 2", "P3"). */
static void person_label(const struct ui *ui, size_t p, char *out, size_t size)
{
    char label[160];
    ui_participant_label(ui, p, label, sizeof label);
    if (ui->attribution == ATTRIBUTE_NAMES)
        snprintf(out, size, "%s, %s", label, session_roles[ui->session.participants[p].role].word);
    else
        snprintf(out, size, "%s", label);
}

static int draw_question(struct ui *ui, int y)
{
    ui_put(y++, 2, COLS - 4, "Objections buyers raise", ui_attr(ui, C_TITLE));
    y += ui_put_wrapped(y, 2, COLS - 4, 2,
                        "What objections do buyers raise with you? The top ones you hear, "
                        "one at a time, in the buyer's words.", A_BOLD | ui_attr(ui, C_NORMAL));
    if (LINES >= 24)
        y += ui_put_wrapped(y, 2, COLS - 4, 2,
                            ui->session.solo
                                ? "The pitch's Objections section drafts from them."
                                : "Sales and customer success hear them most. Private until "
                                  "the reveal; then the pitch's Objections section drafts from "
                                  "them.", ui_attr(ui, C_DIM));
    return y + 1;
}

/* Whose turn it is, with how many objections each gave. */
static void draw_people(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    int top = y;
    ui_put(y++, 2, PEOPLE_WIDTH - 2, "WHOSE TURN (Tab)", ui_attr(ui, C_TITLE));
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    people_order(ui, order);
    for (size_t o = 0; o < s->participant_count && y < LINES - 2; o++, y++) {
        size_t p = order[o];
        bool current = p == ui->person;
        attr_t a = current ? ui_attr(ui, C_SELECTED) : ui_role_attr(ui, s->participants[p].role);
        if (current)
            ui_fill(y, 1, PEOPLE_WIDTH - 2, a);
        char count[16];
        snprintf(count, sizeof count, "%d", count_of(ui, p));
        /* as the step's room says it: who is typing one at their terminal now */
        bool writing = projector_hides(ui) && ui_room_writing(ui, p, -1);
        ui_put(y, 2, PEOPLE_WIDTH - (writing ? 15 : 7), s->participants[p].name,
               a | (current ? A_BOLD : 0));
        if (writing)
            ui_put(y, PEOPLE_WIDTH - 13, 7, "writing", current ? a : ui_attr(ui, C_DIM));
        ui_put(y, PEOPLE_WIDTH - 5, 3, count, current ? a : ui_attr(ui, C_NORMAL));
    }
    free(order);
    attrset(ui_attr(ui, C_DIM));
    for (int row = top; row < LINES - 2; row++) /* keeps the names apart from the objections */
        mvaddstr(row, PEOPLE_WIDTH - 1, "\u2502");
    attrset(A_NORMAL);
}

/* The heading over the list: whose objections, and whether private. */
static void heading(const struct ui *ui, char *out, size_t size)
{
    const struct session *s = &ui->session;
    const char *name = s->participants[ui->person].name;
    bool adds = ui_allows(ui, ACT_ADD);
    if (ui->joined && !all_shown(ui))
        snprintf(out, size, "Your objections, private until the facilitator reveals them%s",
                 adds ? " (a adds one)" : "");
    else if (ui->joined)
        snprintf(out, size, "Everyone's objections, revealed; you change only yours%s",
                 adds ? " (a adds one)" : "");
    else if (s->solo)
        snprintf(out, size, "Your objections%s", adds ? " (a adds one)" : "");
    else if (all_shown(ui))
        snprintf(out, size, "Everyone's objections, revealed, sales and success first%s%s",
                 adds ? "; a adds one for " : "", adds ? name : "");
    else
        snprintf(out, size, "%s's objections, private until the reveal%s", name,
                 adds && !(projector_hides(ui) && ui_room_has_terminal(ui, ui->person))
                     ? " (a adds one)" : "");
}

/* The projector before the reveal: whose turn, and how many, never what. */
static void draw_hidden(struct ui *ui, int y, int x, int width)
{
    const struct participant *who = &ui->session.participants[ui->person];
    char line[300];
    if (ui_room_writing(ui, ui->person, -1))
        snprintf(line, sizeof line, "%s is writing one at their terminal: %d so far.",
                 who->name, count_of(ui, ui->person));
    else if (ui_room_has_terminal(ui, ui->person))
        snprintf(line, sizeof line, "%s gives theirs from their own terminal: %d so far.",
                 who->name, count_of(ui, ui->person));
    else
        snprintf(line, sizeof line, "%s has no terminal: %d so far; a adds one for them, not "
                 "shown before the reveal.", who->name, count_of(ui, ui->person));
    ui_put_wrapped(y, x, width, 3, line, ui_attr(ui, C_NORMAL));
    ui_put_wrapped(y + 3, x, width, 2, "r reveals everyone's objections, here and on every "
                   "terminal.", ui_attr(ui, C_DIM));
}

/* The list, a person's heading over their objections when everyone's show. */
static void draw_list(struct ui *ui, int y, int x, int width)
{
    const struct session *s = &ui->session;
    size_t *list;
    int n = shown(ui, &list);
    if (!n)
        ui_put(y + 1, x + 2, width - 2, "No objections yet.", ui_attr(ui, C_DIM));
    /* rows: -1 - p for a heading, else the index into list */
    int *rows = xcalloc((size_t)n * 2 + 1, sizeof *rows), count = 0, cursor_row = 0;
    ui->cursor = layout_clamp(ui->cursor, 0, n - 1);
    for (int i = 0; i < n; i++) {
        size_t p = s->objections[list[i]].participant;
        if (all_shown(ui) && !s->solo && (i == 0 || s->objections[list[i - 1]].participant != p))
            rows[count++] = -1 - (int)p;
        if (i == ui->cursor)
            cursor_row = count;
        rows[count++] = i;
    }
    int height = LINES - 2 - y;
    layout_keep_visible(cursor_row, count, height, &ui->top);
    int number = 0;
    for (int r = 0; r < count; r++) { /* numbered within each person */
        if (rows[r] < 0)
            number = 0;
        else
            number++;
        if (r < ui->top || r >= ui->top + height)
            continue;
        int row = y + r - ui->top;
        if (rows[r] < 0) {
            size_t p = (size_t)(-1 - rows[r]);
            char label[200];
            person_label(ui, p, label, sizeof label);
            ui_put(row, x, width, label, ui_participant_attr(ui, p) | A_BOLD);
            continue;
        }
        bool chosen = rows[r] == ui->cursor;
        attr_t a = chosen ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (chosen)
            ui_fill(row, x, width, a);
        char num[16];
        snprintf(num, sizeof num, "%2d.", number);
        ui_put(row, x + 2, 4, num, a);
        ui_put(row, x + 6, width - 6, s->objections[list[rows[r]]].text, a);
    }
    free(rows);
    free(list);
}

static void objections_draw(struct ui *ui)
{
    const struct session *s = &ui->session;
    char mode[80];
    bool room = !ui->joined && ui_room_mode(ui);
    if (room) {
        ui_room_refresh(ui);
        ui_room_summary(ui, mode, sizeof mode);
    }
    ui_draw_session_header_as(ui, "Sales pitch: objections", room ? mode : NULL);
    int y = draw_question(ui, 2);
    if (!s->participant_count || ui->person >= s->participant_count) {
        ui_put(y, 2, COLS - 4, "Nobody is in the room yet.", ui_attr(ui, C_WARN));
        return;
    }
    bool side = !ui->joined && !s->solo && !all_shown(ui);
    if (side)
        draw_people(ui, y);
    int x = side ? PEOPLE_WIDTH + 2 : 2, width = COLS - x - 2;
    char line[300];
    heading(ui, line, sizeof line);
    ui_put(y++, x, width, line, ui_attr(ui, C_TITLE));
    if (projector_hides(ui))
        draw_hidden(ui, y + 1, x, width);
    else
        draw_list(ui, y, x, width);
}

/* ---- keys --------------------------------------------------------------------------------- */

/* A joined terminal tells the projector while its field is open, as it does
 * for an answer (ui_participant.c), so the room sees who is still writing. */
static void set_writing(struct ui *ui, bool writing)
{
    if (ui->joined && ui->participant_id)
        store_room_set_objecting(ui->store, ui->participant_id, writing);
}

static void ask_objection(struct ui *ui)
{
    const struct participant *who = &ui->session.participants[ui->person];
    state(ui)->writing_for = who->id;
    char prompt[260];
    if (ui->joined || ui->session.solo)
        snprintf(prompt, sizeof prompt, "Your objection:");
    else
        snprintf(prompt, sizeof prompt, "Objection %s hears:", who->name);
    ui_ask(ui, P_ADD_OBJECTION, prompt, "", 1000, false);
    set_writing(ui, true);
}

/* A joined terminal changes only its own. */
static bool mine(struct ui *ui, const struct objection *o)
{
    if (!ui->joined || o->participant == ui->person)
        return true;
    ui_error(ui, "That is someone else's objection; you change only yours.");
    return false;
}

static void delete_objection(struct ui *ui)
{
    if (store_delete_objection(ui->store, ui->session.id, ui->confirm.target) < 0)
        ui_store_failed(ui);
    else
        ui_reload(ui);
}

static void reveal(struct ui *ui)
{
    if (store_reveal_objections(ui->store, ui->session.id) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui->cursor = ui->top = 0;
    ui_say(ui, "Revealed: the pitch's Objections section drafts from them now.");
}

/* r: at once when everyone has given one, else after naming who has not. */
static void ask_reveal(struct ui *ui)
{
    const struct session *s = &ui->session;
    if (s->objections_revealed) {
        ui_say(ui, "The objections are revealed already.");
        return;
    }
    size_t none = 0, first = 0, *order = xcalloc(s->participant_count + 1, sizeof *order);
    people_order(ui, order); /* named in the order of the list */
    for (size_t o = 0; o < s->participant_count; o++)
        if (!count_of(ui, order[o]) && !none++)
            first = order[o];
    free(order);
    if (!none) {
        reveal(ui);
        return;
    }
    char *safe = text_sanitize(s->participants[first].name, false);
    if (none == s->participant_count)
        ui_confirm(ui, reveal, 0, "Nobody has given an objection yet; reveal anyway?");
    else if (none == 1)
        ui_confirm(ui, reveal, 0, "%.40s has given no objection; reveal anyway?", safe);
    else
        ui_confirm(ui, reveal, 0, "%.40s and %zu other%s have given no objection; reveal "
                   "anyway?", safe, none - 1, none == 2 ? "" : "s");
    free(safe);
}

/* Tab: the next person in the list's order. */
static void next_person(struct ui *ui, int direction)
{
    size_t n = ui->session.participant_count;
    size_t *order = xcalloc(n + 1, sizeof *order);
    people_order(ui, order);
    size_t at = 0;
    for (size_t o = 0; o < n; o++)
        if (order[o] == ui->person)
            at = o;
    ui->person = order[(at + (direction > 0 ? 1 : n - 1)) % n];
    free(order);
    if (!all_shown(ui)) /* the list was that person's */
        ui->cursor = ui->top = 0;
}

static void objections_act(struct ui *ui, enum ui_action a)
{
    const struct session *s = &ui->session;
    if (!s->participant_count || (ui->joined && !ui_participant_can_write(ui)))
        return;
    size_t *list;
    int count = shown(ui, &list);
    free(list);
    if (ui_list_move(ui, a, count))
        return;
    const struct objection *o;
    bool hidden = projector_hides(ui);
    switch (a) {
    case ACT_NEXT_PERSON:
    case ACT_PREV_PERSON:
        if (!ui->joined && !s->solo)
            next_person(ui, a == ACT_NEXT_PERSON ? 1 : -1);
        break;
    case ACT_ADD:
        if (hidden && ui_room_has_terminal(ui, ui->person))
            ui_error(ui, "%s gives theirs from their own terminal; a adds one only for someone "
                         "without one.", s->participants[ui->person].name);
        else
            ask_objection(ui);
        break;
    case ACT_EDIT:
    case ACT_DELETE:
    case ACT_MOVE_UP:
    case ACT_MOVE_DOWN:
        if (hidden) {
            ui_error(ui, "In room mode the projector shows no objections before the reveal; "
                         "each person changes their own from their terminal.");
            break;
        }
        if (!(o = selected(ui)) || !mine(ui, o))
            break;
        if (a == ACT_EDIT) {
            state(ui)->editing = o->id;
            ui_ask(ui, P_EDIT_OBJECTION, "Edit the objection:", o->text, 1000, false);
            set_writing(ui, true);
        } else if (a == ACT_DELETE) {
            char *safe = text_sanitize(o->text, false);
            ui_confirm(ui, delete_objection, o->id, "Delete \"%.60s\"?", safe);
            free(safe);
        } else {
            int dir = a == ACT_MOVE_UP ? -1 : 1;
            if (store_move_objection(ui->store, s->id, o->id, dir) < 0) {
                ui_store_failed(ui);
            } else {
                ui_reload(ui);
                ui->cursor += dir;
            }
        }
        break;
    case ACT_REVEAL:
        if (s->solo)
            ui_error(ui, "A solo session has no reveal: the pitch drafts from your objections.");
        else if (!ui->joined)
            ask_reveal(ui);
        break;
    default: break;
    }
}

static bool blank(const char *text)
{
    return text[strspn(text, " ")] == '\0';
}

static void objections_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct objections_state *os = state(ui);
    if (ui->joined && !ui_participant_can_write(ui)) {
        set_writing(ui, false);
        return;
    }
    if (p == P_ADD_OBJECTION) {
        if (!*text) { /* an empty Enter ends the run */
            set_writing(ui, false);
            return;
        }
        if (blank(text)) { /* the field opens again, still writing */
            ui_error(ui, "An objection cannot be empty.");
            return;
        }
        if (store_add_objection(ui->store, ui->session.id, os->writing_for, text) < 0) {
            set_writing(ui, false);
            ui_store_failed(ui);
            return;
        }
        set_writing(ui, false); /* until the next one's field opens */
        ui_reload(ui);
        if (!projector_hides(ui))
            ui->cursor = 1 << 20;
        if (ui->screen == UI_OBJECTIONS) /* the room may have moved on meanwhile */
            ask_objection(ui); /* straight on to the next one; Esc or an empty line stops */
        ui_say(ui, "Saved. Type the next one, or Enter on an empty line to stop.");
    } else if (p == P_EDIT_OBJECTION && blank(text)) {
        ui_error(ui, "An objection cannot be empty; Esc keeps it, d deletes it.");
    } else if (p == P_EDIT_OBJECTION) {
        set_writing(ui, false);
        if (store_update_objection(ui->store, ui->session.id, os->editing, text) < 0)
            ui_store_failed(ui);
        else
            ui_reload(ui);
    }
}

/* Another process wrote: on a joined terminal a lock, a removal or the
 * session deleted closes what is being typed, and the terminal's own screen
 * says why. */
static void objections_reload(struct ui *ui)
{
    if (!ui->joined || ui_participant_can_write(ui))
        return;
    if (ui->purpose == P_ADD_OBJECTION || ui->purpose == P_EDIT_OBJECTION) {
        field_free(&ui->field);
        ui->purpose = P_NONE;
        curs_set(0);
        set_writing(ui, false);
    }
    ui_back(ui);
}

/* Esc in a field: no longer writing. */
static void objections_field_changed(struct ui *ui, enum ui_purpose p, const char *text)
{
    (void)p;
    if (!text)
        set_writing(ui, false);
}

/* What the bottom line and the help offer: no turns and no reveal on a
 * joined terminal or in a solo session, no reveal twice, and on the
 * projector before the reveal nothing that would show an objection. */
static bool objections_offers(const struct ui *ui, enum ui_action a)
{
    const struct session *s = &ui->session;
    if (a == ACT_NEXT_PERSON || a == ACT_PREV_PERSON)
        return !ui->joined && !s->solo;
    if (a == ACT_REVEAL)
        return !ui->joined && !s->solo && !s->objections_revealed && !s->locked &&
               !store_is_read_only(ui->store);
    if (a == ACT_EDIT || a == ACT_DELETE || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN)
        return !projector_hides(ui);
    return true;
}

const struct ui_screen_ops ui_objections_screen = {
    .name = "objections",
    .flags = UI_OVERLAY,
    .state_size = sizeof(struct objections_state),
    .draw = objections_draw,
    .act = objections_act,
    .field_done = objections_field_done,
    .field_changed = objections_field_changed,
    .reload = objections_reload,
    .offers = objections_offers,
};
