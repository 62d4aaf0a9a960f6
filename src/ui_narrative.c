/* ui_narrative.c: the sales pitch, in the method's order: insight,
 * alternatives, perfect world, the product, value and proof, objections, the
 * ask. A section nobody wrote shows its draft from the decisions, and
 * writing it (here or in $VISUAL / $EDITOR) starts from that draft; d goes
 * back to it; O asks the room for the objections they hear. A free-text
 * narrative written before the pitch stays, after the seven sections. While
 * writing, the decisions stay in view beside it. */
#include "files.h"
#include "layout.h"
#include "method.h"
#include "pitch.h"
#include "store_pitch.h"
#include "ui.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The screen's own state. */
struct narrative_state {
    int height;      /* rows of its scrolled part when drawn */
    int shown;       /* the section the window was last brought to, -1 at first */
    int editing;     /* the section the open field writes */
};

/* The entries chosen with j and k: the seven sections, then the earlier
 * narrative when there is one. */
#define EARLIER PITCH_SECTION_COUNT

static int entry_count(const struct ui *ui)
{
    return PITCH_SECTION_COUNT + (*ui->session.narrative ? 1 : 0);
}

static struct narrative_state *state(struct ui *ui)
{
    return ui_state(ui, UI_NARRATIVE);
}

static const char *const cues[STEP_COUNT] = {
    "Why the alternatives fall short", "What only we can do", "The value it brings",
    "Who it is for", "The category it belongs to",
};

/* The outline in six rows, under the field on a narrow screen: each decision
 * on one line after its cue, its items apart with " \u00b7 " as the Builds on
 * panel has them, cut with an ellipsis. */
static void draw_short_outline(struct ui *ui, int y, int x, int width)
{
    ui_put(y++, x, width, "OUTLINE (the decisions)", ui_attr(ui, C_TITLE));
    for (int s = 0; s < STEP_COUNT; s++) {
        const char *d = ui->session.decisions[s];
        int used = ui_put(y, x, width, cues[s], A_BOLD | ui_attr(ui, C_NORMAL));
        char **items;
        size_t n = method_items(d, &items);
        struct strbuf b = {0};
        for (size_t i = 0; i < n; i++)
            strbuf_printf(&b, "%s%s", i ? " \u00b7 " : "", items[i]);
        method_items_free(items, n);
        char *one = strbuf_take(&b);
        if (!d) {
            free(one);
            one = xstrdup("(not decided yet)");
        }
        ui_put(y++, x + used + 2, width - used - 2, one,
               d ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        free(one);
    }
}

/* The outline: what the story has to carry, from the decisions. */
static void draw_outline(struct ui *ui, int y, int x, int width)
{
    ui_put(y++, x, width, "OUTLINE (the decisions)", ui_attr(ui, C_TITLE));
    for (int s = 0; s < STEP_COUNT && y < LINES - 3; s++) {
        ui_put(y++, x, width, cues[s], A_BOLD | ui_attr(ui, C_NORMAL));
        const char *d = ui->session.decisions[s];
        y += ui_put_wrapped(y, x + 2, width - 2, 4, d ? d : "(not decided yet)",
                            d ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        y++;
    }
}

static void draw_writing(struct ui *ui)
{
    bool side = COLS >= 100;
    int outline_w = side ? COLS / 3 : COLS - 4;
    if (side) {
        ui->field_box.y = 3, ui->field_box.height = LINES - 6;
        ui->field_box.x = 1, ui->field_box.width = COLS - outline_w - 4;
        draw_outline(ui, 2, COLS - outline_w - 2, outline_w);
    } else {
        ui->field_box.y = 3, ui->field_box.height = LINES - 6 - (STEP_COUNT + 2);
        ui->field_box.x = 1, ui->field_box.width = COLS - 2;
        draw_short_outline(ui, LINES - 2 - (STEP_COUNT + 1), 2, COLS - 4);
    }
}

/* One entry laid out from row: its title (chosen or not), what it carries,
 * and its text, written or drafted. Returns the row after it. */
static int layout_entry(struct ui *ui, struct ui_page *pg, int row, int entry, bool chosen)
{
    const struct session *s = &ui->session;
    int width = COLS - 8;
    attr_t title = (chosen ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_TITLE)) | A_BOLD;
    char line[200];
    if (entry == EARLIER) {
        snprintf(line, sizeof line, "%s Sales narrative, written before the pitch",
                 chosen ? "\u25b8" : " ");
        ui_page_put(pg, row++, 2, COLS - 4, line, title);
        return row + ui_page_wrap(pg, row, 6, width, s->narrative, ui_attr(ui, C_NORMAL));
    }
    bool written = s->pitch[entry] != NULL;
    snprintf(line, sizeof line, "%s %d. %s%s", chosen ? "\u25b8" : " ", entry + 1,
             pitch_section_titles[entry],
             !written                                        ? "  (draft)"
             : pitch_stale(s, (enum pitch_section)entry) ? "  (written before the decisions "
                                                           "changed: d redrafts, e edits)"
                                                         : "");
    ui_page_put(pg, row++, 2, COLS - 4, line, title);
    row += ui_page_wrap(pg, row, 6, width, pitch_section_cues[entry], ui_attr(ui, C_DIM));
    if (written)
        return row + ui_page_wrap(pg, row, 6, width, s->pitch[entry], ui_attr(ui, C_NORMAL));
    char *draft = pitch_draft(s, (enum pitch_section)entry);
    if (*draft)
        row += ui_page_wrap(pg, row, 6, width, draft, ui_attr(ui, C_DIM));
    else if (entry == PITCH_OBJECTIONS)
        row += ui_page_wrap(pg, row, 6, width,
                            s->objection_count
                                ? "Nothing to draft from yet: O shows the objections given, "
                                  "r there reveals them."
                                : "Nothing to draft from yet: O asks each person for the "
                                  "objections they hear.", ui_attr(ui, C_WARN));
    else
        row += ui_page_wrap(pg, row, 6, width,
                            "Nothing to draft from yet: the decisions it draws on are not made.",
                            ui_attr(ui, C_WARN));
    free(draft);
    return row;
}

static void narrative_draw(struct ui *ui)
{
    ui_draw_session_header(ui, "Sales pitch");
    if (ui->purpose == P_NARRATIVE) { /* writing: the outline stays in view beside the field */
        draw_writing(ui);
        return;
    }
    struct narrative_state *ns = state(ui);
    int count = entry_count(ui);
    ui->cursor = layout_clamp(ui->cursor, 0, count - 1);
    ui_put_wrapped(2, 2, COLS - 4, 2,
                   ui_allows(ui, ACT_EDIT)
                       ? "Each section starts as a draft from the decisions: e writes it from "
                         "there, d goes back to the draft."
                       : "Each section not written shows its draft from the decisions.",
                   ui_attr(ui, C_DIM));
    struct ui_page pg = {0};
    int row = 0, first = 0, last = 0;
    for (int e = 0; e < count; e++) {
        int from = row;
        row = layout_entry(ui, &pg, row, e, e == ui->cursor) + 1;
        if (e == ui->cursor)
            first = from, last = row - 2;
    }
    int y = 4;
    ns->height = LINES - 2 - y;
    if (ns->shown != ui->cursor + 1) { /* a section newly chosen comes into view, its title first */
        if (last >= ui->top + ns->height)
            ui->top = last - ns->height + 1;
        if (first < ui->top || last - first >= ns->height)
            ui->top = first;
        ns->shown = ui->cursor + 1;
    }
    if (first >= ui->top && first < ui->top + ns->height) /* the chosen section's title */
        ui_fill(y + first - ui->top, 2, COLS - 4, ui_attr(ui, C_SELECTED));
    ui_page_draw(ui, &pg, y, ns->height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
}

/* The chosen entry's text as it is now: what was written, the draft, or the
 * earlier narrative (caller frees). */
static char *current_text(struct ui *ui, int entry)
{
    if (entry == EARLIER)
        return xstrdup(ui->session.narrative);
    if (ui->session.pitch[entry])
        return xstrdup(ui->session.pitch[entry]);
    return pitch_draft(&ui->session, (enum pitch_section)entry);
}

static const char *entry_name(int entry)
{
    return entry == EARLIER ? "The narrative" : pitch_section_titles[entry];
}

/* Saves text as the entry's; says so, or why not. */
static void save(struct ui *ui, int entry, const char *text)
{
    int rc = entry == EARLIER
                 ? store_set_narrative(ui->store, ui->session.id, text)
                 : store_set_pitch(ui->store, ui->session.id, (enum pitch_section)entry, text);
    if (rc < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    bool blank = !text[strspn(text, " \t\r\n")];
    if (entry == EARLIER && blank)
        ui_say(ui, "The earlier narrative is gone: the pitch is the story now.");
    else if (blank)
        ui_say(ui, "%s shows its draft from the decisions again.", entry_name(entry));
    else
        ui_say(ui, "%s saved. ] goes on to the canvas.", entry_name(entry));
}

/* Runs the user's editor on the entry's text in a temporary file, like git commit. */
static void edit_outside(struct ui *ui, int entry)
{
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if (!editor || !*editor) {
        ui_error(ui, "Set VISUAL or EDITOR to write in your editor; e writes it here.");
        return;
    }
    setenv("SAMESONG_EDITOR", editor, 1);
    char path[] = "/tmp/samesong-pitch-XXXXXX.txt";
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        ui_error(ui, "Cannot make a temporary file: %s", strerror(errno));
        return;
    }
    char *text = current_text(ui, entry);
    bool written = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
    free(text);
    close(fd);
    int status = -1;
    if (written) {
        ui_term_suspend();
        pid_t pid = fork();
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", "$SAMESONG_EDITOR \"$1\"", "sh", path, (char *)NULL);
            _exit(127);
        }
        if (pid > 0)
            waitpid(pid, &status, 0);
        ui_term_resume();
    }
    size_t len;
    char *fresh = written && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? file_read(path, &len)
                                                                           : NULL;
    unlink(path);
    if (!fresh) {
        ui_error(ui, "The editor did not finish cleanly; %s is unchanged.", entry_name(entry));
        return;
    }
    save(ui, entry, fresh);
    free(fresh);
}

/* Yes to d: the chosen section goes back to its draft, or the earlier narrative goes. */
static void redraft(struct ui *ui)
{
    save(ui, (int)ui->confirm.target, "");
}

static void narrative_act(struct ui *ui, enum ui_action a)
{
    struct narrative_state *ns = state(ui);
    int count = entry_count(ui), entry = layout_clamp(ui->cursor, 0, count - 1);
    if (a == ACT_UP || a == ACT_DOWN || a == ACT_FIRST || a == ACT_LAST) {
        ui_list_move(ui, a, count);
        return;
    }
    if (ui_page_scroll(a, &ui->top, ns->height))
        return;
    char prompt[120];
    switch (a) {
    case ACT_EDIT: {
        char *text = current_text(ui, entry);
        ns->editing = entry;
        if (entry == EARLIER)
            snprintf(prompt, sizeof prompt, " Sales narrative, written before the pitch ");
        else
            snprintf(prompt, sizeof prompt, " %d. %s ", entry + 1, pitch_section_titles[entry]);
        ui_ask(ui, P_NARRATIVE, prompt, text, 20000, true);
        free(text);
        break;
    }
    case ACT_EDITOR: edit_outside(ui, entry); break;
    case ACT_OBJECTIONS:
        if (ui->session.participant_count) { /* sales, then success, first: they hear most */
            size_t *order = xcalloc(ui->session.participant_count, sizeof *order);
            pitch_people_order(&ui->session, order);
            ui->person = order[0];
            free(order);
        }
        ui_open_overlay(ui, UI_OBJECTIONS);
        break;
    case ACT_DELETE:
        if (entry == EARLIER)
            ui_confirm(ui, redraft, entry, "Delete the earlier narrative? The pitch tells the "
                                           "story now.");
        else if (!ui->session.pitch[entry])
            ui_error(ui, "%s is its draft already; e writes it.", entry_name(entry));
        else
            ui_confirm(ui, redraft, entry, "Forget what was written for %s and show its draft "
                                           "from the decisions again?", entry_name(entry));
        break;
    default: break;
    }
}

static void narrative_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    (void)p;
    save(ui, state(ui)->editing, text);
}

const struct ui_screen_ops ui_narrative_screen = {
    .name = "narrative",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct narrative_state),
    .draw = narrative_draw,
    .act = narrative_act,
    .field_done = narrative_field_done,
};
