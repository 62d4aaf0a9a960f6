/* ui_canvas.c: the five decisions and the sales pitch on one screen, scrolled
 * when they are longer than it; locking (final, after every step is decided,
 * asked over the chain check's list when the chain breaks) and exporting. */
#include "chain.h"
#include "export_format.h"
#include "files.h"
#include "method.h"
#include "pitch.h"
#include "report.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The canvas's own state: how many rows its scrolled part had when drawn. */
struct canvas_state {
    int height;
};

/* The canvas's sections: the five steps, the pitch, the earlier narrative. */
#define CANVAS_SECTIONS (STEP_COUNT + 2)

static const char *section_title(const struct ui *ui, int i)
{
    return i < STEP_COUNT ? ui->steps[i].title : i == STEP_COUNT ? "Sales pitch"
                                                                 : "Sales narrative";
}

/* A decision that builds on another, as its items each with its links
 * ("Order lookup — beats: Spreadsheets, Zendesk"), a capability not there
 * today marked; returns the rows it took. */
static int layout_chain(struct ui *ui, struct ui_page *pg, int row, int width, enum step step)
{
    const struct session *s = &ui->session;
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    int start = row;
    for (size_t i = 0; i < n; i++) {
        bool missing;
        char *line = method_item_line(s, step, items[i], &missing);
        attr_t attr = missing ? ui_attr(ui, C_WARN) : ui_attr(ui, C_NORMAL);
        ui_page_put(pg, row, 31, 2, "\u2022", attr);
        row += ui_page_wrap(pg, row, 33, width - 2, line, attr);
        free(line);
    }
    method_items_free(items, n);
    return row - start;
}

/* Under a decision: why the room chose it, who does not agree and what they
 * say, the champion on the customers step and the style on the category. */
static int layout_reasons(struct ui *ui, struct ui_page *pg, int row, int width, enum step step)
{
    const struct session *s = &ui->session;
    int start = row;
    attr_t dim = ui_attr(ui, C_DIM);
    if (s->rationale[step]) {
        char *line = xasprintf("Why: %s", s->rationale[step]);
        row += ui_page_wrap(pg, row, 31, width, line, dim);
        free(line);
    }
    for (size_t i = 0; i < s->dissent_count; i++)
        if (s->dissents[i].step == step) {
            char *line = xasprintf("Dissent: %s: %s", s->dissents[i].who, s->dissents[i].what);
            row += ui_page_wrap(pg, row, 31, width, line, dim);
            free(line);
        }
    if (step == STEP_CUSTOMERS && s->champion_role) {
        char *line = xasprintf("Champion: %s%s%s%s", s->champion_role,
                               s->champion_why ? " (why: " : "",
                               s->champion_why ? s->champion_why : "", s->champion_why ? ")" : "");
        row += ui_page_wrap(pg, row, 31, width, line, dim);
        free(line);
    }
    if (step == STEP_CATEGORY && s->style != STYLE_NONE) {
        char *line = xasprintf("Style: %s%s%s%s", method_style_names[s->style],
                               s->style_why ? " (why: " : "", s->style_why ? s->style_why : "",
                               s->style_why ? ")" : "");
        row += ui_page_wrap(pg, row, 31, width, line, dim);
        free(line);
    }
    return row - start;
}

/* The five decisions, the pitch's written sections and any earlier
 * narrative, whole: the window scrolls over them. starts[] gets the row
 * each section starts on (-1 for a narrative there is not). */
static void layout_canvas(struct ui *ui, struct ui_page *pg, int starts[CANVAS_SECTIONS])
{
    const struct session *s = &ui->session;
    int row = 0, width = COLS - 33;
    for (int i = 0; i < STEP_COUNT; i++) {
        starts[i] = row;
        ui_page_put(pg, row, 2, 28, ui->steps[i].title, ui_attr(ui, C_TITLE));
        const char *d = s->decisions[i];
        enum step on = method_builds_on((enum step)i);
        if (d && on != STEP_COUNT && s->decisions[on])
            row += layout_chain(ui, pg, row, width, (enum step)i);
        else
            row += ui_page_wrap(pg, row, 31, width, d ? d : "(not decided yet)",
                                d ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        row += layout_reasons(ui, pg, row, width, (enum step)i);
        row += 1 + ui->projector;
    }
    starts[STEP_COUNT] = row;
    ui_page_put(pg, row, 2, 28, section_title(ui, STEP_COUNT), ui_attr(ui, C_TITLE));
    if (!pitch_written(s))
        row += ui_page_wrap(pg, row, 31, width, "(not written yet)", ui_attr(ui, C_WARN));
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (s->pitch[i]) {
            ui_page_put(pg, row, 31, width, pitch_section_titles[i],
                        A_BOLD | ui_attr(ui, C_NORMAL));
            int title_w = text_width(pitch_section_titles[i]);
            if (pitch_stale(s, (enum pitch_section)i)) /* the pitch screen's words */
                ui_page_put(pg, row, 31 + title_w, width - title_w,
                            "  (written before the decisions changed)", ui_attr(ui, C_WARN));
            row++;
            row += ui_page_wrap(pg, row, 31, width, s->pitch[i], ui_attr(ui, C_NORMAL));
        }
    starts[STEP_COUNT + 1] = -1;
    if (*s->narrative) {
        row += 1 + ui->projector;
        starts[STEP_COUNT + 1] = row;
        ui_page_put(pg, row, 2, 28, section_title(ui, STEP_COUNT + 1), ui_attr(ui, C_TITLE));
        ui_page_wrap(pg, row, 31, width, s->narrative, ui_attr(ui, C_NORMAL));
    }
}

static void canvas_draw(struct ui *ui)
{
    const struct session *s = &ui->session;
    /* a thesis stays one when locked, as the text under it says */
    const char *kind = s->solo ? "Positioning thesis" : "Positioning canvas";
    ui_draw_session_header(ui, kind);
    int y = 2;
    if (s->locked) {
        char line[160], when[40];
        ui_format_time(s->locked_at, when, sizeof when);
        snprintf(line, sizeof line, "Locked on %s. This %s is final and read-only.", when,
                 s->solo ? "thesis" : "canvas");
        ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_GOOD) | A_BOLD);
        /* The seal a reader can compare with an exported copy (samesong verify). */
        snprintf(line, sizeof line, "Digest %s", s->lock_digest ? s->lock_digest
                                                                : "missing: not sealed");
        /* whole, over more lines when the window is narrower than it */
        y += ui_put_wrapped(y, 2, COLS - 4, 3, line,
                            s->lock_digest ? ui_attr(ui, C_DIM) : ui_attr(ui, C_WARN));
    } else {
        int missing = 0;
        for (int i = 0; i < STEP_COUNT; i++)
            missing += !s->decisions[i];
        size_t breaks = chain_break_count(s);
        char line[160];
        if (missing)
            snprintf(line, sizeof line, "%d step%s still to decide before it can be locked.",
                     missing, missing == 1 ? "" : "s");
        else if (breaks)
            snprintf(line, sizeof line, "Every step is decided: L locks it for good. %zu break%s "
                     "in the chain (C shows them).", breaks, breaks == 1 ? "" : "s");
        else
            snprintf(line, sizeof line, "Every step is decided: L locks it for good.");
        ui_put(y++, 2, COLS - 4, line, missing ? ui_attr(ui, C_WARN) : ui_attr(ui, C_GOOD));
    }
    y++;
    struct ui_page pg = {0};
    int starts[CANVAS_SECTIONS];
    layout_canvas(ui, &pg, starts);
    struct canvas_state *cs = ui_state(ui, UI_CANVAS);
    cs->height = LINES - 2 - y;
    ui_page_draw(ui, &pg, y, cs->height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
    /* A section scrolled in from the middle still says what it is. */
    for (int i = CANVAS_SECTIONS - 1; i >= 0; i--)
        if (starts[i] >= 0 && starts[i] <= ui->top) {
            if (starts[i] < ui->top)
                ui_put(y, 2, 28, section_title(ui, i), ui_attr(ui, C_DIM));
            break;
        }
}

/* A capability the decision names that the product cannot back today (its
 * item's tag, or its group's): claims like that lead to churn, so the room
 * hears it before locking. */
struct unbacked {
    char item[64];      /* the item, cut to fit a question */
    const char *tag;    /* "roadmap" or "not planned"; NULL when there is none */
};

static struct unbacked unbacked_capability(const struct ui *ui)
{
    struct unbacked u = {.tag = NULL};
    char **items;
    size_t n = method_items(ui->session.decisions[STEP_CAPABILITIES], &items);
    for (size_t i = 0; i < n && !u.tag; i++)
        if ((u.tag = method_not_today(&ui->session, items[i])))
            snprintf(u.item, sizeof u.item, "%s", items[i]);
    method_items_free(items, n);
    return u;
}

static void lock(struct ui *ui)
{
    if (store_lock_session(ui->store, ui->session.id) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "Locked. The %s is final; x exports it.", ui->session.solo ? "thesis" : "canvas");
}

/* Yes on the chain check's list: back to the canvas, and lock. */
static void lock_anyway(struct ui *ui)
{
    while (ui->depth)
        ui_back(ui);
    lock(ui);
}

/* The chain breaks: its list is shown, and the question asked over it, with
 * who is writing at a terminal (writers, "" for no one) and what else the
 * lock would warn of. */
static void ask_over_the_breaks(struct ui *ui, size_t breaks,
                                const struct unbacked *unbacked, const char *writers)
{
    char also[120] = ""; /* short: without writers, the question and its (y/n) fit in 100
                          * columns; with them it wraps onto the rows above */
    if (unbacked->tag)
        snprintf(also, sizeof also, "; \"%.20s\" is %s", unbacked->item, unbacked->tag);
    if (!pitch_written(&ui->session) && !*ui->session.narrative)
        snprintf(also + strlen(also), sizeof also - strlen(also), "; no sales pitch");
    ui_open_overlay(ui, UI_CHAIN);
    ui_confirm(ui, lock_anyway, 0, "%s%zu break%s in the chain%s. Lock anyway?", writers, breaks,
               breaks == 1 ? "" : "s", also);
}

/* Appends to out which written sections of the pitch are stale (pitch.h): the
 * lock would seal them as they were, not as the decisions are now. */
static void add_stale_sections(const struct session *s, char *out, size_t size)
{
    int stale = 0, last = -1;
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (pitch_stale(s, (enum pitch_section)i))
            stale++, last = i;
    if (!stale)
        return;
    size_t len = strlen(out);
    if (stale == 1)
        snprintf(out + len, size - len, "The pitch's %s section was written before the "
                 "decisions changed. ", pitch_section_titles[last]);
    else
        snprintf(out + len, size - len, "%d sections of the pitch were written before the "
                 "decisions changed. ", stale);
}

static void canvas_act(struct ui *ui, enum ui_action a)
{
    if (ui_page_scroll(a, &ui->top, ((struct canvas_state *)ui_state(ui, UI_CANVAS))->height))
        return;
    switch (a) {
    case ACT_LOCK:
        for (int i = 0; i < STEP_COUNT; i++)
            if (!ui->session.decisions[i]) {
                ui_error(ui, "%s has no decision yet; every step needs one before locking.",
                         ui->steps[i].title);
                return;
            }
        struct unbacked unbacked = unbacked_capability(ui);
        size_t breaks = chain_break_count(&ui->session);
        /* what someone is typing at a terminal is lost, and a stale section sealed: the
         * same question says so */
        char writers[360];
        ui_room_writers(ui, writers, sizeof writers);
        add_stale_sections(&ui->session, writers, sizeof writers);
        if (breaks)
            ask_over_the_breaks(ui, breaks, &unbacked, writers);
        else if (unbacked.tag)
            ui_confirm(ui, lock, 0, "%sThe decision claims \"%.40s\": %s, not today. Lock "
                       "anyway?", writers, unbacked.item, unbacked.tag);
        else if (!pitch_written(&ui->session) && !*ui->session.narrative) /* what leaves the room */
            ui_confirm(ui, lock, 0, "%sThere is no sales pitch yet. Lock the %s anyway?", writers,
                       ui->session.solo ? "thesis" : "canvas");
        else
            ui_confirm(ui, lock, 0, "%sLock this %s for good? Nobody can change it afterwards.",
                       writers, ui->session.solo ? "thesis" : "canvas");
        break;
    case ACT_EXPORT: {
        /* the prompt names every format by its extension; the name offered is Markdown's */
        char prompt[200] = "Export to (";
        for (const struct export_format *f = export_formats; f->name; f++)
            snprintf(prompt + strlen(prompt), sizeof prompt - strlen(prompt), "%s%s %s",
                     f == export_formats ? "" : ", ", f->extension, f->what);
        snprintf(prompt + strlen(prompt), sizeof prompt - strlen(prompt), "):");
        char *name = xasprintf("%s%s", ui->session.slug, export_format_find("md")->extension);
        ui_ask(ui, P_EXPORT, prompt, name, 1000, false);
        free(name);
        break;
    }
    default: break;
    }
}

static void canvas_field_done(struct ui *ui, enum ui_purpose p, char *path)
{
    (void)p;
    if (!*path)
        return;
    /* the file's extension says the format; any other name gets the Markdown canvas */
    const struct export_format *f = export_format_for_path(path);
    if (!f)
        f = export_format_find("md");
    char *text = f->render(ui->store, ui->session.id, &ui->session, ui->steps);
    if (!text) {
        ui_store_failed(ui);
        return;
    }
    text = export_format_file_text(f, text);
    const char *part = file_database_part(path, store_path(ui->store));
    if (part && !*part)
        ui_error(ui, "%s is the database itself; choose another file.", path);
    else if (part)
        ui_error(ui, "%s is the database's %s file; choose another file.", path, part);
    else if (file_is_special(path))
        ui_error(ui, "%s is not a regular file; choose another file.", path);
    else if (file_write_atomic(path, text, strlen(text)) < 0)
        ui_error(ui, "Cannot write %s: %s", path, strerror(errno));
    else
        ui_say(ui, "Wrote %s.", path);
    free(text);
}

const struct ui_screen_ops ui_canvas_screen = {
    .name = "canvas",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct canvas_state),
    .draw = canvas_draw,
    .act = canvas_act,
    .field_done = canvas_field_done,
};
