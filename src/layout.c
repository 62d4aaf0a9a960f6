/* layout.c: the arithmetic of laying out a screen: scrolling, fitting columns. */
#include "layout.h"

int layout_clamp(int x, int lo, int hi)
{
    if (x > hi)
        x = hi;
    return x < lo ? lo : x;
}

void layout_keep_visible(int cursor, int count, int height, int *top)
{
    if (height < 1)
        height = 1;
    if (cursor < *top)
        *top = cursor;
    if (cursor >= *top + height)
        *top = cursor - height + 1;
    *top = layout_clamp(*top, 0, count - height);
}

struct layout_columns layout_fit_columns(int width, int total, int min_width, int max_width,
                                         int gap)
{
    struct layout_columns c = {0, 0};
    if (total <= 0 || width <= 0)
        return c;
    c.visible = (width + gap) / (min_width + gap);
    c.visible = layout_clamp(c.visible, 1, total);
    c.width = (width - gap * (c.visible - 1)) / c.visible;
    if (c.width > max_width)
        c.width = max_width;
    if (c.width > width)
        c.width = width;
    return c;
}

void layout_fit_row(int width, int gap, const int *need, int count, int flex, int min, int yields,
                    int *out)
{
    int room = width - gap * (count - 1);
    for (int i = 0; i < count; i++)
        if (i != flex) {
            out[i] = need[i];
            room -= need[i];
        }
    if (room < need[flex] && yields >= 0 && yields != flex) {
        room += need[yields] + gap;
        out[yields] = 0;
    }
    out[flex] = layout_clamp(room, min, need[flex]);
}

void layout_keep_column_visible(int current, int total, int visible, int *first)
{
    layout_keep_visible(current, total, visible, first);
}

int layout_centre(int total, int w)
{
    return total > w ? (total - w) / 2 : 0;
}

struct layout_grid layout_fit_grid(int width, int participants)
{
    struct layout_grid g;
    g.cell_width = 8; /* "Sales 2" and a space */
    if (participants <= 0) {
        g.label_width = layout_clamp(width - LAYOUT_GRID_COUNT_WIDTH, 14, 60);
        g.visible = 0;
        return g;
    }
    /* Everyone side by side when the label keeps a readable width; the label
     * takes what is left, up to a limit. */
    int label = width - LAYOUT_GRID_COUNT_WIDTH - participants * g.cell_width;
    if (label >= 16) {
        g.label_width = label < 60 ? label : 60;
        g.visible = participants;
        return g;
    }
    /* Otherwise the label keeps a third and the columns scroll sideways. */
    g.label_width = layout_clamp(width / 3, 14, 40);
    int room = width - g.label_width - LAYOUT_GRID_COUNT_WIDTH;
    g.visible = layout_clamp(room / g.cell_width, 1, participants);
    return g;
}

void layout_split_bar(const int *parts, int count, int whole, int bar_width, int *cells)
{
    /* Round the running total, not each piece, so nothing is lost or doubled. */
    int sum = 0, drawn = 0;
    for (int i = 0; i < count; i++) {
        sum += parts[i];
        int end = whole > 0 ? (sum * bar_width * 2 + whole) / (whole * 2) : 0;
        cells[i] = end - drawn;
        drawn = end;
    }
}
