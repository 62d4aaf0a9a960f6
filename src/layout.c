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

void layout_keep_column_visible(int current, int total, int visible, int *first)
{
    layout_keep_visible(current, total, visible, first);
}

int layout_centre(int total, int w)
{
    return total > w ? (total - w) / 2 : 0;
}
