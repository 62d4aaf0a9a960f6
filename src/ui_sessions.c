/* ui_sessions.c: the first screen: the sessions, newest first; open one, start
 * a new one, or open the demo workshop. */
#include "layout.h"
#include "similar.h"
#include "store_demo.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The list's own state: the sessions, the filter and the new-session form. */
struct sessions_state {
    struct session_summary *sessions;
    size_t count;
    char *filter;   /* `/` search, or NULL */
    int *shown;     /* indexes of the sessions the filter lets through */
    int shown_count;
    char *draft[3]; /* the new-session form's answers so far */
};

static struct sessions_state *state(struct ui *ui)
{
    return ui_state(ui, UI_SESSIONS);
}

/* Every word of the filter must appear in the session's name, product, slug,
 * mode, status or date: "acme locked 2026-10" narrows by all four. */
static bool matches(const struct session_summary *s, const char *filter)
{
    if (!filter || !*filter)
        return true;
    char *all = xasprintf("%s %s %s %s %s %s", s->name, s->product, s->slug,
                          s->solo ? "solo" : "workshop", s->locked ? "locked" : "open",
                          s->created_at);
    char *haystack = similar_normalize(all), *words = similar_normalize(filter);
    bool found = true;
    for (char *word = strtok(words, " "); word && found; word = strtok(NULL, " "))
        found = strstr(haystack, word) != NULL;
    free(words);
    free(haystack);
    free(all);
    return found;
}

void ui_sessions_reload(struct ui *ui)
{
    struct sessions_state *ss = state(ui);
    store_summaries_free(ss->sessions, ss->count);
    if (store_list_sessions(ui->store, &ss->sessions, &ss->count) < 0)
        ui_error(ui, "%s", store_error(ui->store));
    store_data_version(ui->store, &ui->data_version);
    free(ss->shown);
    ss->shown = xcalloc(ss->count + 1, sizeof *ss->shown);
    ss->shown_count = 0;
    for (size_t i = 0; i < ss->count; i++)
        if (matches(&ss->sessions[i], ss->filter))
            ss->shown[ss->shown_count++] = (int)i;
    ui->cursor = layout_clamp(ui->cursor, 0, ss->shown_count - 1);
}

/* Room mode's pre-work for the selected session, on the row above the search:
 * how many answered each step and are done, read afresh at each draw. */
static void draw_prework(struct ui *ui, int64_t id, int y)
{
    struct session s;
    struct room room;
    if (store_load_session(ui->store, id, &s) < 0)
        return;
    if (store_load_room(ui->store, &s, &room) == 0) {
        char line[400];
        if (room.active && !s.solo && !s.locked) { /* a locked session's answering is over */
            ui_room_prework(&s, &room, line, sizeof line);
            ui_put(y, 2, COLS - 4, line, ui_attr(ui, C_NORMAL));
        }
        room_free(&room);
    }
    session_free(&s);
}

/* A session's row in the list, column by column. */
enum { NAME, PRODUCT, MODE, PEOPLE, DATE, COLUMN_COUNT };

struct row_text {
    char mode[32], people[16], when[20];
};

static void row_text(const struct session_summary *s, struct row_text *t)
{
    snprintf(t->mode, sizeof t->mode, "%s%s", s->solo ? "solo" : "workshop",
             s->locked ? ", locked" : "");
    snprintf(t->people, sizeof t->people, "%d", s->participants);
    /* A date edited in the file may be short: read nothing past its end. */
    if (strlen(s->changed_at) >= 16)
        snprintf(t->when, sizeof t->when, "%.10s %.5s", s->changed_at, s->changed_at + 11);
    else
        snprintf(t->when, sizeof t->when, "%s", s->changed_at);
}

/* How wide text is on the screen: as ui_put shows it, an escape as "^[". */
static int shown_width(const char *text)
{
    char *safe = text_sanitize(text, false);
    int w = text_width(safe);
    free(safe);
    return w;
}

/* Each column as wide as its heading or its widest entry, up to a limit;
 * the name has the room the others leave, and when even that would cut a
 * name, the product gives way (it is mostly in the name, and / finds it). */
static void fit_columns(const struct sessions_state *ss, const char *const *heading, int *w,
                        int *x)
{
    static const int most[COLUMN_COUNT] = {40, 15, 16, 6, 16};
    int need[COLUMN_COUNT];
    for (int c = 0; c < COLUMN_COUNT; c++)
        need[c] = layout_clamp(text_width(heading[c]), 0, most[c]);
    need[DATE] = most[DATE]; /* "2026-11-23 10:34" */
    for (size_t i = 0; i < ss->count; i++) {
        const struct session_summary *s = &ss->sessions[i];
        struct row_text t;
        row_text(s, &t);
        int widths[COLUMN_COUNT] = {shown_width(s->name), shown_width(s->product),
                                    text_width(t.mode), text_width(t.people), 0};
        for (int c = 0; c < COLUMN_COUNT; c++)
            need[c] = layout_clamp(widths[c], need[c], most[c]);
    }
    layout_fit_row(COLS - 3, 1, need, COLUMN_COUNT, NAME, 12, PRODUCT, w);
    for (int c = 0, at = 2; c < COLUMN_COUNT; c++) {
        x[c] = at;
        at += w[c] ? w[c] + 1 : 0;
    }
    w[DATE] = COLS - x[DATE] - 1; /* the last: to the edge */
}

static void sessions_draw(struct ui *ui)
{
    struct sessions_state *ss = state(ui);
    char right[64];
    snprintf(right, sizeof right, "%zu session%s", ss->count,
             ss->count == 1 ? "" : "s");
    ui_draw_header(ui, "samesong \u00b7 positioning workshops", right);
    static const char *const heading[COLUMN_COUNT] = {"NAME", "PRODUCT", "MODE", "PEOPLE",
                                                      "LAST CHANGE"};
    int w[COLUMN_COUNT], x[COLUMN_COUNT];
    fit_columns(ss, heading, w, x);
    for (int c = 0; c < COLUMN_COUNT; c++)
        if (w[c])
            ui_put(2, x[c], w[c], heading[c], ui_attr(ui, C_TITLE));
    int height = LINES - 6;
    if (ss->shown_count == 0) {
        ui_put(4, 2, COLS - 4,
               ss->filter ? "No session matches the search. Esc on / clears it."
                          : "No sessions yet. Press a to start one, or D to open the demo "
                            "workshop.",
               ui_attr(ui, C_NORMAL));
    }
    layout_keep_visible(ui->cursor, ss->shown_count, height, &ui->top);
    ui->list_y = 3, ui->list_x0 = 0, ui->list_x1 = COLS, ui->list_step = 1;
    ui->list_count = ss->shown_count;
    for (int row = 0; row < height && ui->top + row < ss->shown_count; row++) {
        const struct session_summary *s = &ss->sessions[ss->shown[ui->top + row]];
        bool selected = ui->top + row == ui->cursor;
        attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        int yy = 3 + row;
        if (selected)
            ui_fill(yy, 0, COLS, a);
        struct row_text t;
        row_text(s, &t);
        ui_put(yy, x[NAME], w[NAME], s->name, a | (selected ? A_BOLD : 0));
        if (w[PRODUCT])
            ui_put(yy, x[PRODUCT], w[PRODUCT], s->product, a);
        ui_put(yy, x[MODE], w[MODE], t.mode, s->locked ? (selected ? a : ui_attr(ui, C_GOOD)) : a);
        ui_put(yy, x[PEOPLE], w[PEOPLE], t.people, a);
        ui_put(yy, x[DATE], w[DATE], t.when, a);
    }
    if (ui->cursor >= 0 && ui->cursor < ss->shown_count)
        draw_prework(ui, ss->sessions[ss->shown[ui->cursor]].id, LINES - 3);
    if (ss->filter && ui->purpose != P_SEARCH) {
        char line[160];
        snprintf(line, sizeof line, "Search: %s   (/ to change, Esc in it to clear)", ss->filter);
        ui_put(LINES - 2, 2, COLS - 4, line, ui_attr(ui, C_DIM));
    }
}

/* Both workshops, as `samesong demo` brings them; the one under way opens. */
static void open_demo(struct ui *ui)
{
    struct store_demo demo;
    if (store_import_demo(ui->store, &demo) < 0) {
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    ui_open_session(ui, demo.under_way);
}

static void forget_draft(struct ui *ui)
{
    struct sessions_state *ss = state(ui);
    for (int i = 0; i < 3; i++) {
        free(ss->draft[i]);
        ss->draft[i] = NULL;
    }
}

static void sessions_act(struct ui *ui, enum ui_action a)
{
    struct sessions_state *ss = state(ui);
    if (ui_list_move(ui, a, ss->shown_count))
        return;
    switch (a) {
    case ACT_OPEN:
        if (ss->shown_count)
            ui_open_session(ui, ss->sessions[ss->shown[ui->cursor]].id);
        break;
    case ACT_ADD:
        forget_draft(ui);
        ui_ask(ui, P_NEW_NAME, "New session name:", "", 200, false);
        break;
    case ACT_DEMO: open_demo(ui); break;
    case ACT_FIND: ui_ask(ui, P_FIND, "Find words:", ui_find_query(ui), 200, false); break;
    case ACT_COMPARE:
        if (ss->shown_count)
            ui_compare_pick(ui, ss->sessions[ss->shown[ui->cursor]].id);
        break;
    case ACT_SEARCH: ui_ask(ui, P_SEARCH, "Search:", ss->filter ? ss->filter : "", 200, false); break;
    case ACT_QUIT: ui->quit = true; break;
    case ACT_JOIN: /* this terminal becomes one participant: the code says which */
        if (ss->shown_count) {
            ui_participant_join(ui, ss->sessions[ss->shown[ui->cursor]].id, 0);
            return;
        }
        break;
    default: break;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, ss->shown_count - 1);
}

static void create(struct ui *ui, bool solo, const char *founder)
{
    struct sessions_state *ss = state(ui);
    char *slug = NULL;
    int64_t id;
    if (store_create_session(ui->store, ss->draft[0], ss->draft[1], solo, NULL, &slug) < 0) {
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    int rc = store_find_session(ui->store, slug, &id);
    if (rc == 0 && solo && store_add_participant(ui->store, id, founder, ROLE_CEO) < 0)
        ui_error(ui, "%s", store_error(ui->store));
    free(slug);
    if (rc == 0) {
        ui_open_session(ui, id);
        ui_go(ui, solo ? UI_STEP : UI_SETUP, 0);
        ui_say(ui, solo ? "Your thesis starts with the alternatives: a adds an answer."
                        : "Add the people in the room: a adds one; Enter starts the first step.");
    }
}

/* The filter follows each key typed; Esc in it (text NULL) clears it. */
static void set_filter(struct ui *ui, const char *text)
{
    struct sessions_state *ss = state(ui);
    free(ss->filter);
    ss->filter = text && *text ? xstrdup(text) : NULL;
    ui_sessions_reload(ui);
}

static void sessions_field_changed(struct ui *ui, enum ui_purpose p, const char *text)
{
    if (p == P_SEARCH)
        set_filter(ui, text);
}

/* The new-session form asks name, product, mode and (solo) the founder's
 * name, one field after another. */
static void sessions_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct sessions_state *ss = state(ui);
    char why[160];
    switch (p) {
    case P_SEARCH: set_filter(ui, text); break;
    case P_FIND:
        if (*text)
            ui_find_start(ui, text);
        break;
    case P_NEW_NAME:
        if (!*text) {
            ui_ask(ui, P_NEW_NAME, "A session needs a name:", "", 200, false);
            break;
        }
        /* refused here, the field stays open on the name (not after the mode) */
        if (!(ss->draft[0] = text_validate(text, &TEXT_NAME, why, sizeof why))) {
            ui_error(ui, "The session name: %s.", why);
            break;
        }
        ui_ask(ui, P_NEW_PRODUCT, "Product (may be empty):", "", 200, false);
        break;
    case P_NEW_PRODUCT:
        ss->draft[1] = xstrdup(text);
        ui_ask(ui, P_NEW_MODE, "A workshop with a room, or solo? (w/s, Enter for a workshop):", "",
               10, false);
        break;
    case P_NEW_MODE:
        if (text[0] == 's' || text[0] == 'S') {
            ui_ask(ui, P_NEW_FOUNDER, "Your name:", "", 200, false);
        } else if (text[0] == 'w' || text[0] == 'W' || text[0] == '\0') {
            create(ui, false, NULL);
            if (ui->open) /* a refusal keeps the draft, and the field open */
                forget_draft(ui);
        } else {
            ui_ask(ui, P_NEW_MODE, "Please type w for a workshop or s for solo:", "", 10, false);
        }
        break;
    case P_NEW_FOUNDER:
        create(ui, true, text);
        if (ui->open)
            forget_draft(ui);
        break;
    default: break;
    }
}

static void free_state(void *p)
{
    struct sessions_state *ss = p;
    store_summaries_free(ss->sessions, ss->count);
    free(ss->shown);
    free(ss->filter);
    for (int i = 0; i < 3; i++)
        free(ss->draft[i]);
}

/* Esc forgets a pick to compare, if there is one. */
static bool sessions_escape(struct ui *ui)
{
    return ui_compare_forget_pick(ui);
}

const struct ui_screen_ops ui_sessions_screen = {
    .name = "sessions",
    .state_size = sizeof(struct sessions_state),
    .draw = sessions_draw,
    .act = sessions_act,
    .field_done = sessions_field_done,
    .field_changed = sessions_field_changed,
    .escape = sessions_escape,
    .reload = ui_sessions_reload,
    .free = free_state,
};
