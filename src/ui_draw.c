/* ui_draw.c: drawing helpers the screens share: safe text, header, status line,
 * the open text field, the confirmation, the help overlay, big titles. */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>


char *ui_cut(const char *text, int columns)
{
    char *safe = text_sanitize(text, false);
    char *cut = text_truncate(safe, columns, "\u2026");
    free(safe);
    return cut;
}

int ui_put(int y, int x, int width, const char *text, attr_t attr)
{
    if (width <= 0 || y < 0 || y >= LINES)
        return 0;
    char *cut = ui_cut(text, width);
    attrset(attr);
    mvaddstr(y, x, cut);
    attrset(A_NORMAL);
    int used = text_width(cut);
    free(cut);
    return used;
}

int ui_put_wrapped(int y, int x, int width, int max_rows, const char *text, attr_t attr)
{
    char *safe = text_sanitize(text, true);
    char **lines;
    size_t n = text_wrap(safe, width, &lines);
    int rows = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows < max_rows && i + 1 < n && rows == max_rows - 1) {
            /* the last row that fits: show that more was cut */
            char *more = xasprintf("%s\u2026", lines[i]);
            char *cut = text_width(more) > width ? text_truncate(lines[i], width, "\u2026") : more;
            ui_put(y + rows++, x, width, cut, attr);
            if (cut != more)
                free(cut);
            free(more);
        } else if (rows < max_rows) {
            ui_put(y + rows++, x, width, lines[i], attr);
        }
        free(lines[i]);
    }
    free(lines);
    free(safe);
    return rows;
}

/* A rule drawn as text (U+2500), not with the terminal's line-drawing set,
 * which not every terminal and multiplexer between here and the projector maps. */
void ui_hline(int y, int x, int width)
{
    for (int i = 0; i < width; i++)
        mvaddstr(y, x + i, "\u2500");
}

void ui_fill(int y, int x, int width, attr_t attr)
{
    attrset(attr);
    mvhline(y, x, ' ', width);
    attrset(A_NORMAL);
}

void ui_draw_header(struct ui *ui, const char *title, const char *right)
{
    ui_fill(0, 0, COLS, ui_attr(ui, C_STATUS));
    int rw = right ? text_width(right) : 0;
    ui_put(0, 1, COLS - rw - 3, title, ui_attr(ui, C_STATUS) | A_BOLD);
    if (right)
        ui_put(0, COLS - rw - 1, rw, right, ui_attr(ui, C_STATUS) | A_BOLD);
}

/* Whether a key is worth offering here: not what this session refuses (the
 * key loop refuses the same), nor what the screen says does nothing now, nor
 * turns and a reveal in a solo session. */
static bool offered(const struct ui *ui, const struct ui_binding *b)
{
    if (!(b->screens & ON(ui->screen)))
        return false;
    if (!ui_allows(ui, b->action))
        return false;
    const struct ui_screen_ops *ops = ui_screen_ops(ui->screen);
    if (ops->offers && !ops->offers(ui, b->action))
        return false;
    if (b->action == ACT_UNDO && !ui_can_undo(ui))
        return false;
    if (ui->open && ui->session.solo &&
        (b->action == ACT_NEXT_PERSON || b->action == ACT_PREV_PERSON || b->action == ACT_REVEAL ||
         b->action == ACT_ATTRIBUTION))
        return false;
    if (ui->screen == UI_STEP && ui_room_mode(ui) && /* the projector shows no answers */
        (b->action == ACT_EDIT || b->action == ACT_DELETE || b->action == ACT_MOVE_UP ||
         b->action == ACT_MOVE_DOWN ||
         (b->action == ACT_ADD && ui_room_has_terminal(ui, ui->person))))
        return false;
    return true;
}

/* The bottom line: the message if there is one, else this screen's keys:
 * help first, then what this screen does, then moving along the walk. A
 * message wider than the line takes the line above it too, so it is read
 * whole; it lasts until the next key. */
void ui_draw_status(struct ui *ui)
{
    int y = LINES - 1;
    if (ui->message[0]) {
        attr_t attr = ui->message_is_error ? ui_attr(ui, C_ERROR) : ui_attr(ui, C_STATUS);
        char *safe = text_sanitize(ui->message, false);
        int rows = text_width(safe) > COLS - 2 && LINES > 2 ? 2 : 1;
        free(safe);
        for (int r = 0; r < rows; r++)
            ui_fill(y - rows + 1 + r, 0, COLS, attr);
        ui_put_wrapped(y - rows + 1, 1, COLS - 2, rows, ui->message, attr);
        return;
    }
    ui_fill(y, 0, COLS, ui_attr(ui, C_STATUS));
    int x = 1;
    bool shown[ACT_COUNT] = {false};
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < ui_binding_count; i++) {
            const struct ui_binding *b = &ui_bindings[i];
            bool help = b->action == ACT_HELP;
            bool general = b->screens == ALL_SCREENS || b->action == ACT_NEXT ||
                           b->action == ACT_PREV || b->action == ACT_QUIT;
            if (!b->label || shown[b->action] || !offered(ui, b) ||
                (pass == 0) != help || (pass == 1 && general) || (pass == 2 && !general))
                continue;
            shown[b->action] = true;
            int need = text_width(b->name) + 1 + text_width(b->label) + 2;
            if (x + need >= COLS)
                continue;
            x += ui_put(y, x, COLS - x, b->name, ui_attr(ui, C_STATUS) | A_BOLD);
            x += ui_put(y, x, COLS - x, ":", ui_attr(ui, C_STATUS));
            x += ui_put(y, x, COLS - x, b->label, ui_attr(ui, C_STATUS));
            x += 2;
        }
    }
}

/* Draws the field's rows from top on, as many as fit in rows, and finds where
 * the cursor lands. Returns the rows the text needs. The rows are the
 * field's own (field_row_end), so Up and Down move along what is drawn. */
static int layout_field(const struct field *f, int top, int y0, int x0, int rows, int *cy,
                        int *cx, bool draw)
{
    size_t row, last;
    int col, last_col;
    field_place(f, f->cursor, &row, &col);
    *cy = y0 + (int)row - top, *cx = x0 + col;
    field_place(f, f->len, &last, &last_col);
    if (!draw)
        return (int)last + 1;
    size_t start = 0;
    for (int r = 0; r < top + rows; r++) {
        size_t end = field_row_end(f, start);
        int x = 0;
        for (size_t i = start; r >= top && i < end; i++) {
            int w = wcwidth((wchar_t)f->text[i]);
            w = w > 0 ? w : 0;
            if (x + w > f->width)
                break; /* spaces hanging past the edge */
            wchar_t wc[2] = {(wchar_t)f->text[i], 0};
            mvaddwstr(y0 + r - top, x0 + x, wc);
            x += w;
        }
        if (end >= f->len)
            break;
        start = f->text[end] == '\n' ? end + 1 : end;
    }
    return (int)last + 1;
}

/* Under a field: its keys, or the message there is (what was wrong with
 * the text just given, or what a paste saved). */
static void field_hints(struct ui *ui, const char *keys)
{
    attr_t at = ui_attr(ui, ui->message[0] && ui->message_is_error ? C_ERROR : C_STATUS);
    ui_fill(LINES - 1, 0, COLS, at);
    ui_put(LINES - 1, 1, COLS - 2, ui->message[0] ? ui->message : keys, at);
}

void ui_draw_field(struct ui *ui)
{
    if (ui->purpose == P_NONE)
        return;
    const struct field *f = &ui->field;
    int cy = 0, cx = 0;
    char counter[32] = "";
    if (f->max >= 200 && f->len + 100 >= f->max) /* the limit of a long text, when it is near */
        snprintf(counter, sizeof counter, " %zu/%zu ", f->len, f->max);
    if (f->multiline) {
        /* the whole screen, or the part its screen left beside what stays in view */
        int top_y = 3, height = LINES - 6, left = 1, span = COLS - 2;
        if (ui->field_box.height > 0) {
            top_y = ui->field_box.y, height = ui->field_box.height;
            left = ui->field_box.x, span = ui->field_box.width;
            ui->field_box.height = 0; /* the screen sets it again at each draw */
        }
        ui->field.width = span - 2; /* Up and Down move along the rows drawn */
        for (int y = top_y - 1; y < top_y + height + 1; y++)
            ui_fill(y, left, span, ui_attr(ui, C_NORMAL));
        attrset(ui_attr(ui, C_TITLE));
        ui_hline(top_y - 1, left, span);
        ui_hline(top_y + height, left, span);
        attrset(A_NORMAL);
        ui_put(top_y - 1, left + 2, span - 4, ui->prompt, ui_attr(ui, C_TITLE));
        field_hints(ui, "Ctrl-D or F2 saves  Esc cancels  Enter: new line  Ctrl-A/E row "
                        "start/end  Ctrl-U/K/W delete");
        if (counter[0])
            ui_put(top_y + height, left + span - 1 - (int)strlen(counter), 20, counter,
                   ui_attr(ui, f->len >= f->max ? C_ERROR : C_WARN));
        /* Scroll so the cursor's row shows. */
        int rows = layout_field(f, 0, top_y, left + 1, height, &cy, &cx, false);
        int top = 0, cursor_row = cy - top_y;
        layout_keep_visible(cursor_row, rows, height, &top);
        layout_field(f, top, top_y, left + 1, height, &cy, &cx, true);
    } else {
        int y = LINES - 2, px;
        ui_fill(y, 0, COLS, ui_attr(ui, C_SELECTED));
        if (text_width(ui->prompt) <= COLS / 2) {
            px = 1 + ui_put(y, 1, COLS / 2, ui->prompt, ui_attr(ui, C_SELECTED) | A_BOLD) + 1;
        } else { /* a long question has the line above to itself, not cut at half the width */
            ui_fill(y - 1, 0, COLS, ui_attr(ui, C_SELECTED));
            ui_put(y - 1, 1, COLS - 2, ui->prompt, ui_attr(ui, C_SELECTED) | A_BOLD);
            px = 2;
        }
        int width = COLS - px - 1 - (int)strlen(counter);
        /* Scroll sideways: drop whole characters from the left until the cursor fits. */
        struct field view = *f;
        size_t start = 0;
        int before = 0;
        for (size_t i = 0; i < f->cursor; i++) {
            int w = wcwidth((wchar_t)f->text[i]);
            before += w > 0 ? w : 0;
        }
        while (before >= width && start < f->cursor) {
            int w = wcwidth((wchar_t)f->text[start++]);
            before -= w > 0 ? w : 0;
        }
        view.text = f->text + start;
        view.len = f->len - start;
        view.cursor = f->cursor - start;
        attrset(ui_attr(ui, C_SELECTED));
        int col = 0;
        for (size_t i = 0; i < view.len; i++) {
            int w = wcwidth((wchar_t)view.text[i]);
            w = w > 0 ? w : 0;
            if (col + w > width)
                break;
            wchar_t wc[2] = {(wchar_t)view.text[i], 0};
            mvaddwstr(y, px + col, wc);
            col += w;
        }
        attrset(A_NORMAL);
        cy = y;
        cx = px + before;
        if (counter[0])
            ui_put(y, COLS - 1 - (int)strlen(counter), 20, counter,
                   ui_attr(ui, f->len >= f->max ? C_ERROR : C_WARN));
        field_hints(ui, "Enter saves  Esc cancels  Ctrl-A/E start/end  Ctrl-U/K/W delete");
    }
    move(cy, cx);
}

void ui_draw_confirm(struct ui *ui)
{
    if (!ui->confirm.open)
        return;
    char line[sizeof ui->confirm.question + 8];
    /* a question whose n does something says its keys itself */
    snprintf(line, sizeof line, "%s%s", ui->confirm.question, ui->confirm.no ? "" : " (y/n)");
    /* one too long for the line takes the rows above it, so its end (the
     * question itself, and y/n) stays on the screen; one that fits is put as
     * it is (wrapping would fold its runs of spaces) */
    char *safe = text_sanitize(line, true), **lines;
    size_t n = 1;
    if (text_width(safe) > COLS - 2) {
        n = text_wrap(safe, COLS - 2, &lines);
        for (size_t i = 0; i < n; i++)
            free(lines[i]);
        free(lines);
    }
    free(safe);
    int rows = n < 1 ? 1 : n > 3 ? 3 : (int)n, y = LINES - 1 - rows;
    if (rows == 1) {
        ui_fill(y, 0, COLS, ui_attr(ui, C_ERROR));
        ui_put(y, 1, COLS - 2, line, ui_attr(ui, C_ERROR));
        return;
    }
    for (int r = 0; r < rows; r++)
        ui_fill(y + r, 0, COLS, ui_attr(ui, C_ERROR));
    ui_put_wrapped(y, 1, COLS - 2, rows, line, ui_attr(ui, C_ERROR));
}

void ui_draw_help(struct ui *ui)
{
    if (!ui->help)
        return;
    /* One line per action, its keys together. */
    char keys[64][40];
    const char *helps[64];
    int n = 0;
    bool seen[ACT_COUNT] = {false};
    for (size_t i = 0; i < ui_binding_count && n < 64; i++) {
        const struct ui_binding *b = &ui_bindings[i];
        if (!offered(ui, b))
            continue;
        /* a key of an action already listed joins its row when it does the same;
         * one that says something else there (Enter on the setup) gets its own */
        int same = -1;
        for (int j = 0; j < n && seen[b->action]; j++)
            if (!strcmp(helps[j], b->help))
                same = j;
        if (same < 0) {
            seen[b->action] = true;
            snprintf(keys[n], sizeof keys[n], "%s", b->name);
            helps[n++] = b->help;
        } else if (strlen(keys[same]) + strlen(b->name) < 36) {
            snprintf(keys[same] + strlen(keys[same]), sizeof keys[same] - strlen(keys[same]),
                     " %s", b->name);
        }
    }
    /* Two columns when one is too tall and every row still fits whole in half
     * the width; else one column, whose long rows wrap (at 80 columns). */
    int room = LINES - 6, longest = 0;
    for (int i = 0; i < n; i++)
        longest = text_width(helps[i]) > longest ? text_width(helps[i]) : longest;
    bool halves_fit = longest + 11 <= (COLS - 4) / 2;
    int columns = n > room && halves_fit ? 2 : 1;
    int want = columns == 2 ? COLS - 2 : longest + 13 > 72 ? longest + 13 : 72;
    int width = want < COLS - 2 ? want : COLS - 2;
    int x = layout_centre(COLS, width), column_width = (width - 2) / columns;
    int per_column = (n + columns - 1) / columns;
    attr_t box = ui_attr(ui, C_STATUS);
    struct ui_page pg = {0};
    for (int i = 0, row = 0; i < n; i++) {
        int cx = x + 2 + (i / per_column) * column_width;
        if (i % per_column == 0)
            row = 0;
        ui_page_put(&pg, row, cx, 9, keys[i], box | A_BOLD);
        row += ui_page_wrap(&pg, row, cx + 10, column_width - 11, helps[i], box);
    }
    /* Taller than the window: it scrolls, and says so. */
    int shown = pg.rows > room ? room : pg.rows;
    ui->help_height = pg.rows > room ? shown : 0;
    int height = shown + 4, y = layout_centre(LINES, height);
    for (int r = 0; r < height; r++)
        ui_fill(y + r, x, width, box);
    attrset(box);
    ui_hline(y, x, width);
    ui_hline(y + height - 1, x, width);
    attrset(A_NORMAL);
    char title[100];
    snprintf(title, sizeof title, " Keys on the %s screen (%s) ", ui_screen_ops(ui->screen)->name,
             ui->help_height ? "j/k PgDn scroll, other keys close" : "any key closes");
    ui_put(y, x + 2, width - 4, title, box | A_BOLD);
    ui_page_draw(ui, &pg, y + 2, shown, &ui->help_top, y + height - 1, x + width - 2);
    ui_page_free(&pg);
}

struct ui_box ui_draw_box(struct ui *ui, int rows, const char *title)
{
    struct ui_box box;
    box.width = layout_clamp(COLS - 6, 40, 100);
    box.x = layout_centre(COLS, box.width);
    int height = layout_clamp(rows + 4, 5, LINES - 4);
    box.y = layout_centre(LINES, height);
    box.rows = height - 3;
    attr_t a = ui_attr(ui, C_STATUS);
    for (int r = 0; r < height; r++)
        ui_fill(box.y + r, box.x, box.width, a);
    ui_put(box.y, box.x + 2, box.width - 4, title, a | A_BOLD);
    return box;
}

void ui_box_row(struct ui *ui, const struct ui_box *box, int row, const char *text, bool selected)
{
    attr_t a = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_STATUS);
    ui_fill(box->y + 2 + row, box->x + 1, box->width - 2, a);
    ui_put(box->y + 2 + row, box->x + 2, box->width - 4, text, a);
}

void ui_draw_too_small(void)
{
    erase();
    char size[40], need[40];
    snprintf(size, sizeof size, "This window is %dx%d.", COLS, LINES);
    snprintf(need, sizeof need, "samesong needs at least %dx%d.", UI_MIN_COLS, UI_MIN_LINES);
    const char *lines[] = {size, need, "Make the window larger", "(or the font smaller).",
                           "q quits."};
    int y = layout_centre(LINES, 5);
    for (int i = 0; i < 5; i++) {
        int w = (int)strlen(lines[i]);
        mvaddnstr(y + i, layout_centre(COLS, w), lines[i], COLS);
    }
}

/* A 3x5 block font for titles on a projector: each glyph is five rows of
 * three cells, '#' for a filled one. */
static const char *glyph(char c)
{
    static const char *const letters[26] = {
        " # # ##### ## #",
        "## # ### # ### ",
        " ###  #  #   ##",
        "## # ## ## ### ",
        "####  ## #  ###",
        "####  ## #  #  ",
        " ###  # ## # ##",
        "# ## ##### ## #",
        "### #  #  # ###",
        "  #  #  ## # # ",
        "# ## ### # ## #",
        "#  #  #  #  ###",
        "# ######## ## #",
        "## # ## ## ## #",
        " # # ## ## # # ",
        "## # ### #  #  ",
        " # # ## ###  ##",
        "## # ### # ## #",
        " ###   #   ### ",
        "### #  #  #  # ",
        "# ## ## ## ####",
        "# ## ## ## # # ",
        "# ## ######## #",
        "# ## # # # ## #",
        "# ## # #  #  # ",
        "###  # # #  ###",
    };
    if (c >= 'A' && c <= 'Z')
        return letters[c - 'A'];
    if (c == '-')
        return "      ###      ";
    return "               ";
}

int ui_draw_big_title(struct ui *ui, int y, const char *title)
{
    size_t n = strlen(title);
    int width = (int)n * 4 - 1;
    if (!ui->projector || width > COLS - 2 || LINES < 30)
        return 0;
    int x0 = layout_centre(COLS, width);
    attrset(ui_attr(ui, C_TITLE));
    for (size_t i = 0; i < n; i++) {
        char c = title[i] >= 'a' && title[i] <= 'z' ? (char)(title[i] - 32) : title[i];
        const char *g = glyph(c);
        for (int row = 0; row < 5; row++)
            for (int col = 0; col < 3; col++) {
                if (g[row * 3 + col] == '#')
                    mvaddstr(y + row, x0 + (int)i * 4 + col, "\u2588");
            }
    }
    attrset(A_NORMAL);
    return 6;
}

void ui_draw_session_header(struct ui *ui, const char *where)
{
    ui_draw_session_header_as(ui, where, NULL);
}

void ui_draw_session_header_as(struct ui *ui, const char *where, const char *mode)
{
    char title[400], right[120] = "";
    snprintf(title, sizeof title, "%s \u00b7 %s", where, ui->session.name);
    const char *state = ui->session.locked ? "LOCKED, read-only"
                        : store_is_read_only(ui->store) ? "read-only"
                        : ui->session.solo ? "solo" : mode ? mode : "workshop";
    int left = ui_timer_seconds_left(ui);
    if (ui->screen == UI_STEP || ui->timer_running)
        snprintf(right, sizeof right, "%s  \u23f1 %d:%02d%s", state, left / 60, left % 60,
                 ui->timer_up ? " time is up (t resets)" : ui->timer_running ? ""
                 : ui->timer_left ? " (t resumes)" : " (t starts)");
    else
        snprintf(right, sizeof right, "%s", state);
    ui_draw_header(ui, title, right);
}

int ui_answer_count(const struct ui *ui, size_t p, int step)
{
    int n = 0;
    for (size_t i = 0; i < ui->session.input_count; i++)
        n += ui->session.inputs[i].participant == p && (int)ui->session.inputs[i].step == step;
    return n;
}

void ui_format_time(const char *iso, char *out, size_t size)
{
    /* 2026-11-22T23:37:52Z reads as 2026-11-22 23:37 UTC */
    if (iso && strlen(iso) >= 16)
        snprintf(out, size, "%.10s %.5s UTC", iso, iso + 11);
    else
        snprintf(out, size, "%s", iso ? iso : "?");
}
