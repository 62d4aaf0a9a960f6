/* ui_page.c: content taller than its window, laid out whole and drawn a
 * window at a time. The canvas, the reveal's answers view and the help share
 * it, so each scrolls with the same keys and says which lines show; a list
 * that keeps its own rows (a group's answers) says so with ui_page_marker. */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>

void ui_page_put(struct ui_page *pg, int row, int x, int width, const char *text, attr_t attr)
{
    if (pg->count == pg->cap) {
        pg->cap = pg->cap ? pg->cap * 2 : 32;
        pg->cells = xrealloc(pg->cells, pg->cap * sizeof *pg->cells);
    }
    pg->cells[pg->count++] = (struct ui_cell){row, x, width, xstrdup(text), attr};
    if (row + 1 > pg->rows)
        pg->rows = row + 1;
}

int ui_page_wrap(struct ui_page *pg, int row, int x, int width, const char *text, attr_t attr)
{
    char *safe = text_sanitize(text, true);
    char **lines;
    size_t n = text_wrap(safe, width, &lines);
    for (size_t i = 0; i < n; i++) {
        ui_page_put(pg, row + (int)i, x, width, lines[i], attr);
        free(lines[i]);
    }
    free(lines);
    free(safe);
    return n ? (int)n : 1;
}

void ui_page_free(struct ui_page *pg)
{
    for (size_t i = 0; i < pg->count; i++)
        free(pg->cells[i].text);
    free(pg->cells);
    *pg = (struct ui_page){0};
}

void ui_page_draw(struct ui *ui, const struct ui_page *pg, int y, int height, int *top,
                  int marker_y, int marker_right)
{
    if (height < 1)
        height = 1;
    *top = layout_clamp(*top, 0, pg->rows - height);
    for (size_t i = 0; i < pg->count; i++) {
        const struct ui_cell *c = &pg->cells[i];
        if (c->row >= *top && c->row < *top + height)
            ui_put(y + c->row - *top, c->x, c->width, c->text, c->attr);
    }
    ui_page_marker(ui, *top, height, pg->rows, marker_y, marker_right);
}

void ui_page_marker(struct ui *ui, int top, int height, int rows, int y, int right)
{
    if (rows <= height)
        return;
    /* Where the window is, and that there is more: nothing is cut silently. */
    char where[80];
    int last = top + height;
    snprintf(where, sizeof where, "lines %d-%d of %d%s", top + 1, last, rows,
             last < rows ? ", more below (j, PgDn)" : " (k, PgUp)");
    int w = text_width(where);
    ui_put(y, right - w, w, where, ui_attr(ui, C_TITLE) | A_BOLD);
}

bool ui_page_scroll(enum ui_action a, int *top, int height)
{
    int page = height > 2 ? height - 1 : 1; /* a page keeps one line for context */
    switch (a) {
    case ACT_UP: (*top)--; break;
    case ACT_DOWN: (*top)++; break;
    case ACT_PAGE_UP: *top -= page; break;
    case ACT_PAGE_DOWN: *top += page; break;
    case ACT_FIRST: *top = 0; break;
    case ACT_LAST: *top = INT_MAX / 2; break; /* the next draw clamps it to the end */
    default: return false;
    }
    if (*top < 0)
        *top = 0;
    return true;
}

enum ui_action ui_page_key(int key, bool is_code)
{
    if (is_code) {
        switch (key) {
        case KEY_UP: return ACT_UP;
        case KEY_DOWN: return ACT_DOWN;
        case KEY_PPAGE: return ACT_PAGE_UP;
        case KEY_NPAGE: return ACT_PAGE_DOWN;
        case KEY_HOME: return ACT_FIRST;
        case KEY_END: return ACT_LAST;
        default: return ACT_NONE;
        }
    }
    switch (key) {
    case 'k': return ACT_UP;
    case 'j': return ACT_DOWN;
    case ' ': return ACT_PAGE_DOWN;
    case 'g': return ACT_FIRST;
    case 'G': return ACT_LAST;
    default: return ACT_NONE;
    }
}
