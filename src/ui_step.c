/* ui_step.c: one step of the walk: its question and guidance, whose turn it is,
 * and that person's answers. Private entry: the others show only as counts, so
 * nobody in the room anchors on what the others wrote. */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PEOPLE_WIDTH 26

int ui_answers_of_person(const struct ui *ui, const struct input ***out)
{
    int n = 0;
    *out = xcalloc(ui->session.input_count + 1, sizeof **out);
    if (ui->joined && !ui->participant_id)
        return 0; /* nobody yet: a revealed step's answers are no one's here */
    for (size_t i = 0; i < ui->session.input_count; i++) {
        const struct input *in = &ui->session.inputs[i];
        if (in->participant == ui->person && (int)in->step == ui->step)
            (*out)[n++] = in;
    }
    return n;
}

/* Title, question and guidance; returns the first free row. */
static int draw_question(struct ui *ui, int y, int x, int width)
{
    const struct step_text *t = &ui->steps[ui->step];
    int big = ui_draw_big_title(ui, y, t->title);
    if (big) {
        y += big;
    } else {
        char title[160];
        snprintf(title, sizeof title, "%d. %s", ui->step + 1, t->title);
        ui_put(y++, x, width, title, ui_attr(ui, C_TITLE));
    }
    y += ui_put_wrapped(y, x, width, 3, t->question, A_BOLD | ui_attr(ui, C_NORMAL));
    /* what earlier steps decided: its room comes from the guidance, not the answers */
    y += ui_draw_builds_on(ui, y, x, width, LINES >= 30 ? 4 : 2);
    if (ui->guidance && LINES >= 24) {
        for (size_t g = 0; g < t->guidance_count && y < LINES / 2; g++) {
            ui_put(y, x + 2, 2, "\u2022", ui_attr(ui, C_DIM));
            y += ui_put_wrapped(y, x + 4, width - 4, 2, t->guidance[g], ui_attr(ui, C_DIM));
        }
    }
    return y + (ui->projector ? 2 : 1);
}

/* Whose turn it is, scrolled so the current person always shows. */
static void draw_people(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    ui_put(y++, 2, PEOPLE_WIDTH - 2, "WHOSE TURN (Tab)", ui_attr(ui, C_TITLE));
    int step = ui->projector ? 2 : 1, rows = (LINES - 2 - y) / step;
    int first = 0;
    layout_keep_visible((int)ui->person, (int)s->participant_count, rows, &first);
    ui->people_top = first;
    for (size_t p = (size_t)first; p < s->participant_count && y < LINES - 2; p++) {
        bool current = p == ui->person;
        attr_t a = current ? ui_attr(ui, C_SELECTED) : ui_role_attr(ui, s->participants[p].role);
        if (current)
            ui_fill(y, 1, PEOPLE_WIDTH - 2, a);
        char count[16];
        snprintf(count, sizeof count, "%d", ui_answer_count(ui, p, ui->step));
        ui_put(y, 2, PEOPLE_WIDTH - 7, s->participants[p].name, a | (current ? A_BOLD : 0));
        ui_put(y, PEOPLE_WIDTH - 5, 3, count, current ? a : ui_attr(ui, C_NORMAL));
        y += step;
    }
}

static void step_draw(struct ui *ui)
{
    char where[120], mode[80];
    snprintf(where, sizeof where, "Step %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    bool room = ui_room_mode(ui);
    if (room) {
        ui_room_refresh(ui);
        ui_room_summary(ui, mode, sizeof mode);
    }
    ui_draw_session_header_as(ui, where, room ? mode : NULL);
    const struct session *s = &ui->session;
    bool solo = s->solo;
    int x = solo ? 2 : PEOPLE_WIDTH + 2, width = COLS - x - 2;
    int y = draw_question(ui, 2, 2, COLS - 4);
    if (!s->participant_count) {
        ui_put(y, 2, COLS - 4, "Nobody is in the room yet: [ goes back to the setup.",
               ui_attr(ui, C_WARN));
        return;
    }
    if (room) { /* the projector: each person's state, nobody's answers */
        ui_room_draw(ui, y);
        return;
    }
    if (!solo) {
        draw_people(ui, y);
        attrset(ui_attr(ui, C_DIM));
        for (int row = y; row < LINES - 2; row++)
            mvaddstr(row, PEOPLE_WIDTH - 1, "\u2502"); /* keeps the names apart from the answers */
        attrset(A_NORMAL);
    }
    ui->list_y = y + 1; /* the names start below their heading, as do the answers */
    const struct participant *who = &s->participants[ui->person];
    char heading[300];
    const char *invite = ui_allows(ui, ACT_ADD) ? " (a adds one)" : "";
    if (solo)
        snprintf(heading, sizeof heading, "Your answers%s", invite);
    else
        snprintf(heading, sizeof heading, "%s's answers, private until the reveal%s", who->name,
                 invite);
    ui_put(y++, x, width, heading, solo ? ui_attr(ui, C_TITLE) : ui_role_attr(ui, who->role));
    const struct input **list;
    int n = ui_answers_of_person(ui, &list);
    if (!n)
        ui_put(y + 1, x + 2, width - 2, "No answers yet.", ui_attr(ui, C_DIM));
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, n - 1);
    layout_keep_visible(ui->cursor, n, height, &ui->top);
    ui->list_x0 = x, ui->list_x1 = x + width, ui->list_step = 1, ui->list_count = n;
    for (int row = 0; row < height && ui->top + row < n; row++) {
        int i = ui->top + row;
        bool selected = i == ui->cursor;
        attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (selected)
            ui_fill(y + row, x, width, a);
        char number[16];
        int digits = n >= 100 ? (n >= 1000 ? 4 : 3) : 2; /* so "100." never runs into the text */
        snprintf(number, sizeof number, "%*d.", digits, i + 1);
        ui_put(y + row, x, digits + 2, number, a);
        ui_put(y + row, x + digits + 2, width - digits - 2, list[i]->text, a);
    }
    free(list);
}

static bool has_people(struct ui *ui)
{
    if (ui->session.participant_count)
        return true;
    ui_error(ui, "Nobody is in the room yet: [ goes back to the setup.");
    return false;
}

const struct input *ui_answer_selected(struct ui *ui)
{
    const struct input **list;
    int n = ui_answers_of_person(ui, &list);
    const struct input *in = ui->cursor >= 0 && ui->cursor < n ? list[ui->cursor] : NULL;
    free(list);
    if (!in)
        ui_error(ui, "No answer is selected; a adds one.");
    return in;
}

static void ask_answer(struct ui *ui)
{
    char prompt[260];
    snprintf(prompt, sizeof prompt, "%s:", ui->session.solo ? "Your answer"
                                                             : ui->session.participants[ui->person].name);
    ui_ask(ui, P_ADD_ANSWER, prompt, "", 1000, false);
}

static void delete_answer(struct ui *ui)
{
    if (store_delete_input(ui->store, ui->session.id, ui->confirm.target) < 0)
        ui_store_failed(ui);
    else
        ui_reload(ui);
}

bool ui_answer_keys(struct ui *ui, enum ui_action a)
{
    if (a != ACT_DELETE && a != ACT_MOVE_UP && a != ACT_MOVE_DOWN)
        return false;
    const struct input *in = ui_answer_selected(ui);
    int dir = a == ACT_MOVE_UP ? -1 : 1;
    if (!in)
        return true;
    if (a == ACT_DELETE) {
        char *safe = text_sanitize(in->text, false);
        ui_confirm(ui, delete_answer, in->id, "Delete \"%.60s\"?", safe);
        free(safe);
    } else if (store_move_input(ui->store, ui->session.id, in->id, dir) < 0) {
        ui_store_failed(ui);
    } else {
        ui_reload(ui);
        ui->cursor += dir;
    }
    return true;
}

/* Room mode: the list is the room, Up and Down choose a person as Tab does;
 * answers are added only for someone without a terminal, and none is shown
 * to edit, delete or move. Returns true when it took the action. */
static bool room_act(struct ui *ui, enum ui_action a)
{
    size_t people = ui->session.participant_count;
    const struct participant *who = people ? &ui->session.participants[ui->person] : NULL;
    switch (a) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_FIRST:
    case ACT_LAST:
        if (people) {
            int to = a == ACT_UP ? (int)ui->person - 1 : a == ACT_DOWN ? (int)ui->person + 1
                     : a == ACT_FIRST ? 0 : (int)people - 1;
            ui->person = (size_t)layout_clamp(to, 0, (int)people - 1);
            ui_save_position(ui);
        }
        return true;
    case ACT_ADD:
        if (who && ui_room_has_terminal(ui, ui->person)) {
            ui_error(ui, "%s answers from their own terminal; a adds answers only for someone "
                         "without one.", who->name);
            return true;
        }
        return false;
    case ACT_EDIT:
    case ACT_DELETE:
    case ACT_MOVE_UP:
    case ACT_MOVE_DOWN:
        ui_error(ui, "In room mode the projector shows no answers before the reveal; each "
                     "person changes their own from their terminal.");
        return true;
    default: return false;
    }
}

static void step_act(struct ui *ui, enum ui_action a)
{
    size_t people = ui->session.participant_count;
    const struct input *in, **mine;
    if (ui_room_mode(ui) && room_act(ui, a))
        return;
    int count = ui_answers_of_person(ui, &mine);
    free(mine);
    if (ui_list_move(ui, a, count) || ui_answer_keys(ui, a))
        return;
    switch (a) {
    case ACT_NEXT_PERSON:
    case ACT_PREV_PERSON:
        if (people && !ui->session.solo) {
            ui->person = (ui->person + (a == ACT_NEXT_PERSON ? 1 : people - 1)) % people;
            ui->cursor = ui->top = 0;
            ui_save_position(ui);
        }
        break;
    case ACT_ADD:
        if (has_people(ui))
            ask_answer(ui);
        break;
    case ACT_EDIT:
        if ((in = ui_answer_selected(ui)))
            ui_ask(ui, P_EDIT_ANSWER, "Edit the answer:", in->text, 1000, false);
        break;
    case ACT_TIMER: ui_timer_toggle(ui); break;
    case ACT_TIMER_MORE: ui_timer_adjust(ui, +1); break;
    case ACT_TIMER_LESS: ui_timer_adjust(ui, -1); break;
    case ACT_GUIDANCE: ui->guidance = !ui->guidance; break;
    default: break;
    }
}

void ui_step_add_answers(struct ui *ui, char *const *texts, size_t count)
{
    const struct participant *who = &ui->session.participants[ui->person];
    if (store_add_inputs(ui->store, ui->session.id, who->name, (enum step)ui->step, texts,
                         count) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui->cursor = 1 << 20;
    ui_say(ui, "Saved %zu answers, one per line.", count);
}

/* Spaces alone are no answer: said plainly, not as "empty text". */
static bool blank(const char *text)
{
    return text[strspn(text, " ")] == '\0';
}

static void step_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    const struct input *in;
    if (p == P_ADD_ANSWER) {
        if (!*text) /* an empty Enter ends the run of answers */
            return;
        if (blank(text)) {
            ui_error(ui, "An answer cannot be empty.");
            return;
        }
        const struct participant *who = &ui->session.participants[ui->person];
        if (store_add_input(ui->store, ui->session.id, who->name, -1, (enum step)ui->step, text,
                            NULL) < 0) {
            ui_store_failed(ui);
            return;
        }
        ui_reload(ui);
        ui->cursor = 1 << 20;
        ask_answer(ui); /* straight on to the next answer; Esc or an empty line stops */
        ui_say(ui, "Saved.");
    } else if (p == P_EDIT_ANSWER && blank(text)) {
        ui_error(ui, "An answer cannot be empty; Esc keeps it, d deletes it.");
    } else if (p == P_EDIT_ANSWER && (in = ui_answer_selected(ui))) {
        if (store_update_input(ui->store, ui->session.id, in->id, text) < 0)
            ui_store_failed(ui);
        else
            ui_reload(ui);
    }
}

/* In room mode the reveal is also every joined terminal's: it is stored first,
 * and the projector shows nothing the terminals were not given. */
static void reveal_anyway(struct ui *ui)
{
    bool store = ui_room_mode(ui) && !ui->room.revealed[ui->step] && !ui->session.locked &&
                 !store_is_read_only(ui->store);
    if (store && store_room_reveal(ui->store, ui->session.id, (enum step)ui->step) < 0) {
        ui_store_failed(ui);
        return;
    }
    if (store)
        ui_reload(ui);
    ui_go(ui, UI_REVEAL, ui->step);
}

size_t ui_name_list(const struct ui *ui, const bool *who, char *out, size_t size)
{
    enum { NAMED = 3 };
    size_t missing[NAMED], count = 0;
    for (size_t p = 0; p < ui->session.participant_count; p++)
        if (who[p] && count++ < NAMED)
            missing[count - 1] = p;
    out[0] = '\0';
    size_t named = count < NAMED ? count : NAMED;
    for (size_t i = 0; i < named; i++) {
        char *cut = ui_cut(ui->session.participants[missing[i]].name, 20);
        const char *joint = i == 0 ? "" : i + 1 < named || count > named ? ", " : " and ";
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", joint, cut);
        free(cut);
    }
    if (count > named) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, " and %zu other%s", count - named,
                 count - named == 1 ? "" : "s");
    }
    return count;
}

/* Who has not answered the step, as name_list says it; returns how many. */
static size_t unanswered(const struct ui *ui, char *out, size_t size)
{
    bool *who = xcalloc(ui->session.participant_count + 1, sizeof *who);
    for (size_t p = 0; p < ui->session.participant_count; p++)
        who[p] = !ui_answer_count(ui, p, ui->step);
    size_t count = ui_name_list(ui, who, out, size);
    free(who);
    return count;
}

/* Room mode: "; Lena and Tom are not done" for those at terminals who have
 * not said they are done, or "" when all have. */
static void not_done(const struct ui *ui, char *out, size_t size)
{
    bool *who = xcalloc(ui->session.participant_count + 1, sizeof *who);
    size_t count = ui_room_not_done(ui, ui->step, who), terminals = 0;
    for (size_t p = 0; p < ui->session.participant_count; p++)
        terminals += ui_room_has_terminal(ui, p);
    char names[160];
    ui_name_list(ui, who, names, sizeof names);
    if (!count)
        out[0] = '\0';
    else if (count == terminals && count > 1)
        snprintf(out, size, "; nobody at a terminal is done");
    else
        snprintf(out, size, "; %s %s not done", names, count == 1 ? "is" : "are");
    free(who);
}

void ui_step_reveal(struct ui *ui)
{
    char names[160], room[200] = "";
    if (ui_room_mode(ui) && ui->room.revealed[ui->step]) {
        reveal_anyway(ui); /* revealed before: the terminals have it already */
        return;
    }
    size_t count = unanswered(ui, names, sizeof names);
    if (ui_room_mode(ui))
        not_done(ui, room, sizeof room);
    if (!count && !room[0])
        reveal_anyway(ui);
    else if (!count)
        ui_confirm(ui, reveal_anyway, 0, "%c%s; reveal anyway?",
                   room[2] == 'n' ? 'N' : room[2], room + 3); /* "Nobody ...", or a name */
    else if (count == ui->session.participant_count)
        ui_confirm(ui, reveal_anyway, 0, "Nobody has answered yet%s; reveal anyway?", room);
    else
        ui_confirm(ui, reveal_anyway, 0, "%s %s not answered%s; reveal anyway?", names,
                   count == 1 ? "has" : "have", room);
}

const struct ui_screen_ops ui_step_screen = {
    .name = "step",
    .flags = UI_IN_SESSION,
    .draw = step_draw,
    .act = step_act,
    .field_done = step_field_done,
};
