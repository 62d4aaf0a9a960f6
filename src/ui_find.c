/* ui_find.c: a reviewer's full-text search over every session's texts (the
 * answers, decisions, narratives and the whole method): where each match was
 * said, the match picked out. */
#include "layout.h"
#include "pitch.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* What was found, kept while browsing back and forth. */
struct find_state {
    char *query;
    struct search_hit *hits;
    size_t count;
    int64_t opened;  /* the session opened from here, which q leaves back to here */
    int cursor, top; /* where the results were when it was opened */
};

static struct find_state *state(struct ui *ui)
{
    return ui_state(ui, UI_FIND);
}

const char *ui_find_query(struct ui *ui)
{
    return state(ui)->query ? state(ui)->query : "";
}

void ui_find_start(struct ui *ui, const char *query)
{
    struct find_state *fs = state(ui);
    store_search_free(fs->hits, fs->count);
    fs->hits = NULL;
    fs->count = 0;
    free(fs->query);
    fs->query = xstrdup(query);
    if (store_search(ui->store, query, 500, &fs->hits, &fs->count) < 0) {
        ui_error(ui, "%s", store_error(ui->store));
        return;
    }
    if (ui->screen == UI_FIND) /* found again from the results: the new ones from the top */
        ui->cursor = ui->top = 0;
    else
        ui_open_overlay(ui, UI_FIND);
}

/* The snippet with its matches drawn in their own attribute. */
static void draw_snippet(struct ui *ui, int y, int x, int width, const char *snippet, attr_t base)
{
    attr_t match = base | A_BOLD | (ui->color ? ui_attr(ui, C_WARN) : A_UNDERLINE);
    char *copy = xstrdup(snippet);
    bool in_match = false;
    for (char *p = copy; *p && width > 0;) {
        char *start = strstr(p, STORE_MATCH_START), *end = strstr(p, STORE_MATCH_END);
        char *next = in_match ? end : start;
        if (next)
            *next = '\0';
        int used = ui_put(y, x, width, p, in_match ? match : base);
        x += used;
        width -= used;
        if (!next)
            break;
        p = next + 3;
        in_match = !in_match;
    }
    free(copy);
}

/* Where a hit was said, who or what first: when the column is cut, the
 * step's title gives way ("Lena: Value themes", "Why: Best-fit customers",
 * "Pitch: The ask"). */
static void hit_place(struct ui *ui, const struct search_hit *h, char *out, size_t size)
{
    static const struct {
        const char *kind, *what;
    } names[] = {
        {"decision", "Decision"}, {"rationale", "Why"},           {"dissent", "Dissent"},
        {"proof", "Proof"},       {"champion", "Champion"},       {"style", "Positioning style"},
        {"pitch", "Pitch"},       {"objection", "Objections heard"},
    };
    const char *what = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !what; i++)
        if (!strcmp(h->kind, names[i].kind))
            what = names[i].what;
    const char *place = h->step >= 0 ? ui->steps[h->step].title
                        : h->section >= 0 ? pitch_section_titles[h->section]
                        : !what ? "Sales narrative" : NULL;
    if (h->participant)
        what = h->participant;
    if (!strcmp(h->kind, "objection") && h->participant)
        place = "Objections heard";
    snprintf(out, size, "%s%s%s", what ? what : "", what && place ? ": " : "",
             place ? place : "");
}

static void find_draw(struct ui *ui)
{
    struct find_state *fs = state(ui);
    char title[300], right[40];
    snprintf(title, sizeof title, "Find: %s", fs->query ? fs->query : "");
    snprintf(right, sizeof right, "%zu found%s", fs->count,
             store_is_read_only(ui->store) ? "  read-only" : "");
    ui_draw_header(ui, title, right);
    if (!fs->count) {
        ui_put(2, 2, COLS - 4, "Nothing matches. f finds other words; q goes back.",
               ui_attr(ui, C_WARN));
        return;
    }
    int name_w = layout_clamp(COLS / 5, 12, 24), where_w = layout_clamp(COLS * 3 / 10, 20, 40), y = 2;
    ui_put(y, 2, name_w, "SESSION", ui_attr(ui, C_TITLE));
    ui_put(y, 3 + name_w, where_w, "WHERE", ui_attr(ui, C_TITLE));
    ui_put(y++, 4 + name_w + where_w, COLS - name_w - where_w - 6, "WHAT WAS SAID",
           ui_attr(ui, C_TITLE));
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)fs->count - 1);
    layout_keep_visible(ui->cursor, (int)fs->count, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 0, ui->list_x1 = COLS, ui->list_step = 1;
    ui->list_count = (int)fs->count;
    for (int row = 0; row < height && ui->top + row < (int)fs->count; row++) {
        const struct search_hit *h = &fs->hits[ui->top + row];
        bool selected = ui->top + row == ui->cursor;
        attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (selected)
            ui_fill(y + row, 1, COLS - 2, a);
        ui_put(y + row, 2, name_w, h->session_name, a);
        char where[200];
        hit_place(ui, h, where, sizeof where);
        ui_put(y + row, 3 + name_w, where_w, where, a);
        draw_snippet(ui, y + row, 4 + name_w + where_w, COLS - name_w - where_w - 6, h->snippet,
                     a);
    }
}

static void find_act(struct ui *ui, enum ui_action a)
{
    struct find_state *fs = state(ui);
    if (ui_list_move(ui, a, (int)fs->count))
        return;
    switch (a) {
    case ACT_OPEN:
        if (ui->cursor >= 0 && ui->cursor < (int)fs->count) {
            const struct search_hit *h = &fs->hits[ui->cursor];
            int step = h->step, section = h->section;
            bool answer = !strcmp(h->kind, "answer"), objection = !strcmp(h->kind, "objection");
            fs->cursor = ui->cursor, fs->top = ui->top;
            ui_open_session(ui, h->session_id);
            fs->opened = ui->open ? ui->session.id : 0;
            /* where it was said: an answer at its step's reveal, the room's
             * texts of a step where it decides, a pitch section or the
             * narrative on the pitch, chosen, and an objection with the others */
            if (ui->open && !ui->session.solo && step >= 0 && answer)
                ui_go(ui, UI_REVEAL, step);
            else if (ui->open && step >= 0)
                ui_go(ui, UI_DECIDE, step);
            else if (ui->open) {
                ui_go(ui, UI_NARRATIVE, 0);
                ui->cursor = objection ? PITCH_OBJECTIONS
                             : section >= 0 ? section : PITCH_SECTION_COUNT;
                int who = objection ? session_find_participant(&ui->session, h->participant) : -1;
                if (who >= 0) {
                    ui->person = (size_t)who;
                    ui_open_overlay(ui, UI_OBJECTIONS);
                }
            }
        }
        break;
    case ACT_FIND: ui_ask(ui, P_FIND, "Find words:", ui_find_query(ui), 200, false); break;
    default: break;
    }
}

static void find_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    if (p == P_FIND && *text)
        ui_find_start(ui, text);
}

bool ui_find_return(struct ui *ui, int64_t left)
{
    struct find_state *fs = state(ui);
    bool from_here = fs->opened && fs->opened == left;
    fs->opened = 0;
    if (!from_here)
        return false;
    ui_open_overlay(ui, UI_FIND);
    ui->cursor = fs->cursor, ui->top = fs->top;
    return true;
}

static void free_state(void *p)
{
    struct find_state *fs = p;
    store_search_free(fs->hits, fs->count);
    free(fs->query);
}

const struct ui_screen_ops ui_find_screen = {
    .name = "find",
    .flags = UI_OVERLAY,
    .state_size = sizeof(struct find_state),
    .draw = find_draw,
    .act = find_act,
    .field_done = find_field_done,
    .free = free_state,
};
