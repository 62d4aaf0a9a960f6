/* ui_sessions.c: the first screen: the sessions, newest first; open one, start
 * a new one, or open the demo workshop. */
#include "layout.h"
#include "paths.h"
#include "similar.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define DEMO_SLUG "replyline-positioning-workshop"

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
    store_summaries_free(ui->sessions, ui->session_count);
    if (store_list_sessions(ui->store, &ui->sessions, &ui->session_count) < 0)
        ui_error(ui, "%s", store_error(ui->store));
    store_data_version(ui->store, &ui->data_version);
    free(ui->shown);
    ui->shown = xcalloc(ui->session_count + 1, sizeof *ui->shown);
    ui->shown_count = 0;
    for (size_t i = 0; i < ui->session_count; i++)
        if (matches(&ui->sessions[i], ui->filter))
            ui->shown[ui->shown_count++] = (int)i;
    ui->cursor = layout_clamp(ui->cursor, 0, ui->shown_count - 1);
}

void ui_sessions_draw(struct ui *ui)
{
    char right[64];
    snprintf(right, sizeof right, "%zu session%s", ui->session_count,
             ui->session_count == 1 ? "" : "s");
    ui_draw_header(ui, "samesong \u00b7 positioning workshops", right);
    /* The name gives way first, so the date stays whole at 80 columns. */
    int name_w = layout_clamp(COLS - 2 - 15 - 1 - 17 - 7 - 17 - 1, 12, 40);
    int x_product = 2 + name_w + 1, x_mode = x_product + 16, x_people = x_mode + 18,
        x_date = x_people + 7;
    int y = 2;
    ui_put(y, 2, name_w, "NAME", ui_attr(ui, C_TITLE));
    ui_put(y, x_product, 15, "PRODUCT", ui_attr(ui, C_TITLE));
    ui_put(y, x_mode, 17, "MODE", ui_attr(ui, C_TITLE));
    ui_put(y, x_people, 6, "PEOPLE", ui_attr(ui, C_TITLE));
    ui_put(y, x_date, COLS - x_date - 1, "LAST CHANGE", ui_attr(ui, C_TITLE));
    int height = LINES - 6;
    if (ui->shown_count == 0) {
        ui_put(4, 2, COLS - 4,
               ui->filter ? "No session matches the search. Esc on / clears it."
                          : "No sessions yet. Press a to start one, or D to open the demo "
                            "workshop.",
               ui_attr(ui, C_NORMAL));
    }
    layout_keep_visible(ui->cursor, ui->shown_count, height, &ui->top);
    ui->list_y = 3, ui->list_x0 = 0, ui->list_x1 = COLS, ui->list_step = 1;
    ui->list_count = ui->shown_count;
    for (int row = 0; row < height && ui->top + row < ui->shown_count; row++) {
        const struct session_summary *s = &ui->sessions[ui->shown[ui->top + row]];
        bool selected = ui->top + row == ui->cursor;
        attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        int yy = 3 + row;
        if (selected)
            ui_fill(yy, 0, COLS, a);
        ui_put(yy, 2, name_w, s->name, a | (selected ? A_BOLD : 0));
        ui_put(yy, x_product, 15, s->product, a);
        char mode[32];
        snprintf(mode, sizeof mode, "%s%s", s->solo ? "solo" : "workshop",
                 s->locked ? ", locked" : "");
        ui_put(yy, x_mode, 17, mode, s->locked ? (selected ? a : ui_attr(ui, C_GOOD)) : a);
        char people[16];
        snprintf(people, sizeof people, "%d", s->participants);
        ui_put(yy, x_people, 6, people, a);
        char when[20];
        snprintf(when, sizeof when, "%.10s %.5s", s->changed_at, s->changed_at + 11);
        ui_put(yy, x_date, COLS - x_date - 1, when, a);
    }
    if (ui->filter && ui->purpose != P_SEARCH) {
        char line[160];
        snprintf(line, sizeof line, "Search: %s   (/ to change, Esc in it to clear)", ui->filter);
        ui_put(LINES - 2, 2, COLS - 4, line, ui_attr(ui, C_DIM));
    }
}

static void open_demo(struct ui *ui)
{
    int64_t id;
    if (store_find_session(ui->store, DEMO_SLUG, &id) < 0) {
        if (store_is_read_only(ui->store)) {
            ui_error(ui, "The database is read-only, so the demo cannot be added to it.");
            return;
        }
        char *path = paths_data_file("examples/demo.json"), *slug = NULL;
        int rc = store_import_file(ui->store, path, DEMO_SLUG, &slug);
        free(path);
        free(slug);
        if (rc < 0 || store_find_session(ui->store, DEMO_SLUG, &id) < 0) {
            ui_error(ui, "%s", store_error(ui->store));
            return;
        }
    }
    ui_open_session(ui, id);
}

static void forget_draft(struct ui *ui)
{
    for (int i = 0; i < 3; i++) {
        free(ui->draft[i]);
        ui->draft[i] = NULL;
    }
}

void ui_sessions_act(struct ui *ui, enum ui_action a)
{
    if (ui_list_move(ui, a, ui->shown_count))
        return;
    switch (a) {
    case ACT_OPEN:
        if (ui->shown_count)
            ui_open_session(ui, ui->sessions[ui->shown[ui->cursor]].id);
        break;
    case ACT_ADD:
        if (store_is_read_only(ui->store))
            ui_error(ui, "Read-only: browsing cannot start a session.");
        else {
            forget_draft(ui);
            ui_ask(ui, P_NEW_NAME, "New session name:", "", 200, false);
        }
        break;
    case ACT_DEMO: open_demo(ui); break;
    case ACT_FIND: ui_ask(ui, P_FIND, "Find words:", ui->find_query ? ui->find_query : "", 200,
                          false); break;
    case ACT_COMPARE:
        if (ui->shown_count)
            ui_compare_pick(ui, ui->sessions[ui->shown[ui->cursor]].id);
        break;
    case ACT_SEARCH: ui_ask(ui, P_SEARCH, "Search:", ui->filter ? ui->filter : "", 200, false); break;
    case ACT_QUIT: ui->quit = true; break;
    default: break;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, ui->shown_count - 1);
}

static void create(struct ui *ui, bool solo, const char *founder)
{
    char *slug = NULL;
    int64_t id;
    if (store_create_session(ui->store, ui->draft[0], ui->draft[1], solo, NULL, &slug) < 0) {
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

/* The new-session form asks name, product, mode and (solo) the founder's
 * name, one field after another. The search follows each key typed (text is
 * NULL then, and the field still open). */
void ui_sessions_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    switch (p) {
    case P_SEARCH: {
        char *now = text ? xstrdup(text) : field_text(&ui->field);
        free(ui->filter);
        ui->filter = NULL;
        if (*now)
            ui->filter = now;
        else
            free(now);
        ui_sessions_reload(ui);
        break;
    }
    case P_NEW_NAME:
        if (!*text) {
            ui_ask(ui, P_NEW_NAME, "A session needs a name:", "", 200, false);
            break;
        }
        ui->draft[0] = xstrdup(text);
        ui_ask(ui, P_NEW_PRODUCT, "Product (may be empty):", "", 200, false);
        break;
    case P_NEW_PRODUCT:
        ui->draft[1] = xstrdup(text);
        ui_ask(ui, P_NEW_MODE, "A workshop with a room, or solo? (w/s, Enter for a workshop):", "",
               10, false);
        break;
    case P_NEW_MODE:
        if (text[0] == 's' || text[0] == 'S') {
            ui_ask(ui, P_NEW_FOUNDER, "Your name:", "", 200, false);
        } else if (text[0] == 'w' || text[0] == 'W' || text[0] == '\0') {
            create(ui, false, NULL);
            forget_draft(ui);
        } else {
            ui_ask(ui, P_NEW_MODE, "Please type w for a workshop or s for solo:", "", 10, false);
        }
        break;
    case P_NEW_FOUNDER:
        create(ui, true, text);
        forget_draft(ui);
        break;
    default: break;
    }
}
