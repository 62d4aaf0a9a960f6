/* layout.h: the arithmetic of laying out a screen: scrolling, fitting columns.
 * Pure: no curses, so it is tested on its own. */
#ifndef SAMESONG_LAYOUT_H
#define SAMESONG_LAYOUT_H

/* Clamps x into lo..hi (hi below lo gives lo). */
int layout_clamp(int x, int lo, int hi);

/* Moves *top so that row cursor of count rows shows in a view of height rows,
 * and no empty space is left below the last row. */
void layout_keep_visible(int cursor, int count, int height, int *top);

/* Columns side by side: how many of total fit in width, each at least
 * min_width (and at most max_width) wide with gap columns between them. */
struct layout_columns {
    int visible;        /* how many show at once (at least 1 when total > 0) */
    int width;          /* the width of each */
};
struct layout_columns layout_fit_columns(int width, int total, int min_width, int max_width,
                                         int gap);

/* Columns side by side in one row of width, gap columns between them: each
 * as wide as it needs (need[i]: its heading or its widest entry), but the
 * one at flex, which takes the room the others leave, between min and its
 * own need. When that is short of its need, the column at yields (-1: none)
 * gives way to it whole (its width 0: left out). Writes the widths to out. */
void layout_fit_row(int width, int gap, const int *need, int count, int flex, int min, int yields,
                    int *out);

/* Moves *first so that column current of total shows among visible ones. */
void layout_keep_column_visible(int current, int total, int visible, int *first);

/* The who-said-what grid: a label column, a count, then one narrow column
 * per participant. The label takes a third of the width (within limits);
 * the participants share the rest and scroll sideways when they do not fit. */
struct layout_grid {
    int label_width;
    int cell_width;
    int visible;        /* participant columns that fit */
};
#define LAYOUT_GRID_COUNT_WIDTH 5
struct layout_grid layout_fit_grid(int width, int participants);

/* Splits a bar of bar_width cells among parts (counts adding up to total,
 * out of whole), so the pieces add up exactly to the rounded bar length. */
void layout_split_bar(const int *parts, int count, int whole, int bar_width, int *cells);

/* The x that centres something of width w in a space of width total (0 at least). */
int layout_centre(int total, int w);

#endif
