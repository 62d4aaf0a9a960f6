/* ui_narrative.c: the sales narrative, written here or in $VISUAL / $EDITOR,
 * with the five decisions beside it as the outline, in view while writing;
 * when not writing, the story and the whole outline scroll together. */
#include "files.h"
#include "ui.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The screen's own state: how many rows its scrolled part had when drawn. */
struct narrative_state {
    int height;
};

static const char *const cues[STEP_COUNT] = {
    "Why the alternatives fall short", "What only we can do", "The value it brings",
    "Who it is for", "The category it belongs to",
};

/* The outline in six rows, under the field on a narrow screen: each decision
 * on one line after its cue, cut with an ellipsis. */
static void draw_short_outline(struct ui *ui, int y, int x, int width)
{
    ui_put(y++, x, width, "OUTLINE (the decisions)", ui_attr(ui, C_TITLE));
    for (int s = 0; s < STEP_COUNT; s++) {
        const char *d = ui->session.decisions[s];
        int used = ui_put(y, x, width, cues[s], A_BOLD | ui_attr(ui, C_NORMAL));
        char *one = d ? xstrdup(d) : xstrdup("(not decided yet)");
        for (char *c = one; *c; c++)
            if (*c == '\n')
                *c = ' ';
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

static void narrative_draw(struct ui *ui)
{
    ui_draw_session_header(ui, "Sales narrative");
    bool side = COLS >= 100;
    int outline_w = side ? COLS / 3 : COLS - 4;
    if (ui->purpose == P_NARRATIVE) { /* writing: the outline stays in view beside the field */
        if (side) {
            ui->field_box.y = 3, ui->field_box.height = LINES - 6;
            ui->field_box.x = 1, ui->field_box.width = COLS - outline_w - 4;
            draw_outline(ui, 2, COLS - outline_w - 2, outline_w);
        } else {
            ui->field_box.y = 3, ui->field_box.height = LINES - 6 - (STEP_COUNT + 2);
            ui->field_box.x = 1, ui->field_box.width = COLS - 2;
            draw_short_outline(ui, LINES - 2 - (STEP_COUNT + 1), 2, COLS - 4);
        }
        return;
    }
    /* Reading: the story whole, the outline whole beside it or under it. */
    int x = 2, width = side ? COLS - outline_w - 6 : COLS - 4;
    struct ui_page pg = {0};
    int row = ui_page_wrap(&pg, 0, x, width,
                           "The story that turns the canvas into a pitch: the problem or insight, "
                           "the alternatives and why they fall short, the value only we bring, "
                           "who it is for, the category.", ui_attr(ui, C_DIM)) + 1;
    const char *text = ui->session.narrative;
    if (*text)
        row += ui_page_wrap(&pg, row, x, width, text, ui_attr(ui, C_NORMAL));
    else
        row += ui_page_wrap(&pg, row, x, width,
                            ui_allows(ui, ACT_EDIT)
                                ? "Not written yet: e writes it here, E in your editor."
                                : "Not written yet.", ui_attr(ui, C_WARN));
    x = side ? COLS - outline_w - 2 : 2;
    row = side ? 0 : row + 1;
    ui_page_put(&pg, row++, x, outline_w, "OUTLINE (the decisions)", ui_attr(ui, C_TITLE));
    for (int s = 0; s < STEP_COUNT; s++) {
        const char *d = ui->session.decisions[s];
        ui_page_put(&pg, row++, x, outline_w, cues[s], A_BOLD | ui_attr(ui, C_NORMAL));
        row += ui_page_wrap(&pg, row, x + 2, outline_w - 2, d ? d : "(not decided yet)",
                            d ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        row += s + 1 < STEP_COUNT; /* a blank row between decisions */
    }
    struct narrative_state *ns = ui_state(ui, UI_NARRATIVE);
    ns->height = LINES - 4;
    ui_page_draw(ui, &pg, 2, ns->height, &ui->top, LINES - 2, COLS - 2);
    ui_page_free(&pg);
}

/* Runs the user's editor on the narrative in a temporary file, like git commit. */
static void edit_outside(struct ui *ui)
{
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if (!editor || !*editor) {
        ui_error(ui, "Set VISUAL or EDITOR to write in your editor; e writes it here.");
        return;
    }
    char path[] = "/tmp/samesong-narrative-XXXXXX.txt";
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        ui_error(ui, "Cannot make a temporary file: %s", strerror(errno));
        return;
    }
    const char *text = ui->session.narrative;
    bool written = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
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
        ui_error(ui, "The editor did not finish cleanly; the narrative is unchanged.");
        return;
    }
    if (store_set_narrative(ui->store, ui->session.id, fresh) < 0)
        ui_store_failed(ui);
    else {
        ui_reload(ui);
        ui_say(ui, "Narrative saved.");
    }
    free(fresh);
}

static void narrative_act(struct ui *ui, enum ui_action a)
{
    if (ui_page_scroll(a, &ui->top, ((struct narrative_state *)ui_state(ui, UI_NARRATIVE))->height))
        return;
    switch (a) {
    case ACT_EDIT:
        ui_ask(ui, P_NARRATIVE, " Sales narrative ", ui->session.narrative, 20000, true);
        break;
    case ACT_EDITOR: {
        const char *editor = getenv("VISUAL") && *getenv("VISUAL") ? getenv("VISUAL")
                                                                   : getenv("EDITOR");
        if (editor)
            setenv("SAMESONG_EDITOR", editor, 1);
        edit_outside(ui);
        break;
    }
    default: break;
    }
}

static void narrative_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    (void)p;
    if (store_set_narrative(ui->store, ui->session.id, text) < 0)
        ui_store_failed(ui);
    else {
        ui_reload(ui);
        ui_say(ui, "Narrative saved. ] goes on to the canvas.");
    }
}

const struct ui_screen_ops ui_narrative_screen = {
    .name = "narrative",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct narrative_state),
    .draw = narrative_draw,
    .act = narrative_act,
    .field_done = narrative_field_done,
};
