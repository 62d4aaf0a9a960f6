/* check_field.c: Check suite for the pure parts of the screens: the text field's
 * editing and the layout arithmetic. */
#include "check_main.h"
#include "field.h"
#include "layout.h"
#include "text.h"

#include <locale.h>

static char *text_of(const struct field *f)
{
    static char buf[8192];
    char *t = field_text(f);
    snprintf(buf, sizeof buf, "%s", t);
    free(t);
    return buf;
}

static void type(struct field *f, const char *s)
{
    field_paste(f, s);
}

START_TEST(typing_and_cursor_moves)
{
    struct field f;
    field_init(&f, "", 1000, false);
    type(&f, "helo");
    field_apply(&f, FIELD_LEFT);
    field_insert(&f, 'l');
    ck_assert_str_eq(text_of(&f), "hello");
    field_apply(&f, FIELD_HOME);
    field_insert(&f, '>');
    field_apply(&f, FIELD_END);
    field_insert(&f, '!');
    ck_assert_str_eq(text_of(&f), ">hello!");
    field_apply(&f, FIELD_HOME);
    field_apply(&f, FIELD_DELETE);
    field_apply(&f, FIELD_END);
    field_apply(&f, FIELD_BACKSPACE);
    ck_assert_str_eq(text_of(&f), "hello");
    field_apply(&f, FIELD_RIGHT); /* past the end: stays */
    ck_assert_uint_eq(f.cursor, 5);
    field_free(&f);
}
END_TEST

START_TEST(kill_keys)
{
    struct field f;
    field_init(&f, "order lookup inside tickets", 1000, false);
    field_apply(&f, FIELD_KILL_WORD); /* Ctrl-W */
    ck_assert_str_eq(text_of(&f), "order lookup inside ");
    field_apply(&f, FIELD_KILL_WORD);
    ck_assert_str_eq(text_of(&f), "order lookup ");
    field_apply(&f, FIELD_HOME);
    field_apply(&f, FIELD_WORD_RIGHT);
    field_apply(&f, FIELD_KILL_TO_END); /* Ctrl-K */
    ck_assert_str_eq(text_of(&f), "order");
    field_apply(&f, FIELD_LEFT);
    field_apply(&f, FIELD_KILL_TO_START); /* Ctrl-U */
    ck_assert_str_eq(text_of(&f), "r");
    ck_assert_uint_eq(f.cursor, 0);
    field_free(&f);
}
END_TEST

START_TEST(wide_characters)
{
    struct field f;
    field_init(&f, "", 1000, false);
    type(&f, "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"); /* Café 日本 😀 */
    ck_assert_uint_eq(f.len, 9);
    size_t line;
    int column;
    field_cursor_position(&f, &line, &column);
    ck_assert_int_eq(column, 4 + 1 + 4 + 1 + 2); /* display columns, not characters */
    field_apply(&f, FIELD_BACKSPACE);            /* removes the emoji whole */
    ck_assert_str_eq(text_of(&f), "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC ");
    field_free(&f);
}
END_TEST

START_TEST(controls_never_enter)
{
    struct field f;
    field_init(&f, "", 1000, false);
    ck_assert(!field_insert(&f, 0x1B));
    ck_assert(!field_insert(&f, 0x07));
    ck_assert(!field_insert(&f, 0x9B));
    ck_assert(!field_insert(&f, 0x7F));
    ck_assert(!field_insert(&f, '\n')); /* one line */
    ck_assert(!field_insert(&f, 0x202E)); /* a right-to-left override */
    ck_assert(!field_insert(&f, 0x200F)); /* a right-to-left mark */
    ck_assert(!field_insert(&f, 0xE0041)); /* a tag letter */
    ck_assert(!field_insert(&f, 0x00AD)); /* a soft hyphen */
    ck_assert_uint_eq(field_paste(&f, "a\x1b[31mb\tc\r\nd\xff"), 10);
    ck_assert_str_eq(text_of(&f), "a[31mb c d"); /* ESC dropped, tab and line break as spaces */
    field_free(&f);
    field_init(&f, "", 1000, true);
    field_paste(&f, "one\r\ntwo");
    ck_assert_str_eq(text_of(&f), "one\ntwo");
    field_free(&f);
}
END_TEST

START_TEST(limit_is_kept)
{
    struct field f;
    field_init(&f, "", 1000, false);
    char big[1200];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_uint_eq(field_paste(&f, big), 1000); /* a long paste stops at the limit */
    ck_assert_uint_eq(f.len, 1000);
    ck_assert(!field_insert(&f, 'y'));
    field_apply(&f, FIELD_BACKSPACE);
    ck_assert(field_insert(&f, 'y'));
    field_free(&f);
}
END_TEST

START_TEST(multiline_moves)
{
    struct field f;
    field_init(&f, "first line\nsecond\nthird line", 20000, true);
    size_t line;
    int column;
    field_cursor_position(&f, &line, &column);
    ck_assert_uint_eq(line, 2);
    ck_assert_int_eq(column, 10);
    field_apply(&f, FIELD_UP); /* "second" is shorter: end of it */
    field_cursor_position(&f, &line, &column);
    ck_assert_uint_eq(line, 1);
    ck_assert_int_eq(column, 6);
    field_apply(&f, FIELD_UP);
    field_apply(&f, FIELD_HOME);
    field_apply(&f, FIELD_DOWN);
    field_cursor_position(&f, &line, &column);
    ck_assert_uint_eq(line, 1);
    ck_assert_int_eq(column, 0);
    field_apply(&f, FIELD_END);
    field_apply(&f, FIELD_KILL_TO_END); /* at a line's end: joins the next */
    ck_assert_str_eq(text_of(&f), "first line\nsecondthird line");
    field_free(&f);
}
END_TEST

/* The row the cursor is drawn on, and its column there. */
static size_t place_row(const struct field *f, int *column)
{
    size_t row;
    field_place(f, f->cursor, &row, column);
    return row;
}

START_TEST(wrapped_rows_break_at_spaces)
{
    struct field f;
    field_init(&f, "alpha beta gamma delta", 1000, true);
    f.width = 10;
    /* "alpha beta" fills the row: its space hangs past the edge */
    ck_assert_uint_eq(field_row_end(&f, 0), 11);
    ck_assert_uint_eq(field_row_end(&f, 11), 17); /* "gamma ": "delta" does not fit */
    ck_assert_uint_eq(field_row_end(&f, 17), 22);
    int col;
    ck_assert_uint_eq(place_row(&f, &col), 2);
    ck_assert_int_eq(col, 5);
    field_apply(&f, FIELD_UP); /* the same column on the row above: after "gamma" */
    ck_assert_uint_eq(f.cursor, 16);
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 5); /* after "alpha" */
    field_apply(&f, FIELD_UP); /* the first row: stays */
    ck_assert_uint_eq(f.cursor, 5);
    field_apply(&f, FIELD_END); /* the row's end, after "beta", not the line's */
    ck_assert_uint_eq(f.cursor, 10);
    field_apply(&f, FIELD_DOWN);
    ck_assert_uint_eq(f.cursor, 16);
    field_apply(&f, FIELD_HOME); /* the row's start: "gamma" */
    ck_assert_uint_eq(f.cursor, 11);
    field_apply(&f, FIELD_DOWN);
    field_apply(&f, FIELD_END);
    ck_assert_uint_eq(f.cursor, 22);
    field_apply(&f, FIELD_DOWN); /* the last row: stays */
    ck_assert_uint_eq(f.cursor, 22);
    /* a word longer than the row is cut, and only then */
    field_free(&f);
    field_init(&f, "supercalifragilistic is long", 1000, true);
    f.width = 10;
    ck_assert_uint_eq(field_row_end(&f, 0), 10);
    ck_assert_uint_eq(field_row_end(&f, 10), 21);
    ck_assert_uint_eq(field_row_end(&f, 21), 28);
    /* a line feed ends a row; the next line starts its own */
    field_free(&f);
    field_init(&f, "one two\nthree four five", 1000, true);
    f.width = 10;
    ck_assert_uint_eq(field_row_end(&f, 0), 7);
    ck_assert_uint_eq(field_row_end(&f, 8), 19);
    ck_assert_uint_eq(place_row(&f, &col), 2);
    ck_assert_int_eq(col, 4);
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 12); /* "thre|e" */
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 4); /* "one |two" */
    field_free(&f);
}
END_TEST

START_TEST(wrapped_rows_wide_and_combining)
{
    struct field f;
    /* 日本語のテキスト: eight wide characters, no space; five columns hold two */
    field_init(&f, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD"
                   "\xE3\x82\xB9\xE3\x83\x88", 1000, true);
    f.width = 5;
    ck_assert_uint_eq(field_row_end(&f, 0), 2);
    ck_assert_uint_eq(field_row_end(&f, 2), 4);
    int col;
    ck_assert_uint_eq(place_row(&f, &col), 3);
    ck_assert_int_eq(col, 4);
    /* the row's end is the next row's start: Up from column 4 comes to column 2 */
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 5);
    ck_assert_uint_eq(place_row(&f, &col), 2);
    ck_assert_int_eq(col, 2);
    field_apply(&f, FIELD_RIGHT);
    field_apply(&f, FIELD_RIGHT); /* column 2 of the last row */
    ck_assert_uint_eq(place_row(&f, &col), 3);
    ck_assert_int_eq(col, 2);
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 5);
    field_free(&f);
    /* café olé, the accents as combining marks: they take no column */
    field_init(&f, "cafe\xCC\x81 ole\xCC\x81", 1000, true);
    f.width = 4;
    ck_assert_uint_eq(field_row_end(&f, 0), 6);
    ck_assert_uint_eq(place_row(&f, &col), 1);
    ck_assert_int_eq(col, 3);
    field_apply(&f, FIELD_UP); /* after "caf", before the e and its accent */
    ck_assert_uint_eq(f.cursor, 3);
    field_apply(&f, FIELD_DOWN); /* back after the accent, not between e and it */
    ck_assert_uint_eq(f.cursor, 10);
    field_free(&f);
    /* a full last row: its end shows on the row below, where the next character goes */
    field_init(&f, "abcde", 1000, true);
    f.width = 5;
    ck_assert_uint_eq(place_row(&f, &col), 1);
    ck_assert_int_eq(col, 0);
    field_apply(&f, FIELD_UP);
    ck_assert_uint_eq(f.cursor, 0);
    field_apply(&f, FIELD_DOWN);
    ck_assert_uint_eq(f.cursor, 5);
    field_free(&f);
}
END_TEST

START_TEST(layout_scrolling)
{
    int top = 0;
    layout_keep_visible(0, 100, 10, &top);
    ck_assert_int_eq(top, 0);
    layout_keep_visible(15, 100, 10, &top);
    ck_assert_int_eq(top, 6); /* the cursor on the last visible row */
    layout_keep_visible(3, 100, 10, &top);
    ck_assert_int_eq(top, 3);
    top = 95;
    layout_keep_visible(99, 100, 10, &top);
    ck_assert_int_eq(top, 90); /* no empty rows below the last */
    top = 5;
    layout_keep_visible(2, 4, 10, &top);
    ck_assert_int_eq(top, 0); /* everything fits */
}
END_TEST

START_TEST(layout_columns_fit)
{
    struct layout_columns c = layout_fit_columns(96, 6, 18, 40, 2);
    ck_assert_int_eq(c.visible, 4); /* (96 + 2) / (18 + 2) */
    ck_assert_int_eq(c.width, 22);  /* (96 - 3 x 2) / 4 */
    c = layout_fit_columns(196, 2, 18, 40, 2);
    ck_assert_int_eq(c.visible, 2);
    ck_assert_int_eq(c.width, 40); /* never wider than the most */
    c = layout_fit_columns(10, 3, 18, 40, 2);
    ck_assert_int_eq(c.visible, 1); /* one column even when it is narrow */
    ck_assert_int_eq(c.width, 10);
    c = layout_fit_columns(80, 0, 18, 40, 2);
    ck_assert_int_eq(c.visible, 0);
    int first = 0;
    layout_keep_column_visible(5, 6, 4, &first);
    ck_assert_int_eq(first, 2);
    ck_assert_int_eq(layout_centre(80, 20), 30);
    ck_assert_int_eq(layout_centre(10, 20), 0);
    ck_assert_int_eq(layout_clamp(-3, 0, 5), 0);
    ck_assert_int_eq(layout_clamp(9, 0, 5), 5);
    ck_assert_int_eq(layout_clamp(3, 0, -1), 0);
}
END_TEST

START_TEST(layout_row_fits)
{
    /* the session list at 80 columns: name, product, mode, people, date */
    int need[] = {40, 9, 16, 6, 16}, w[5];
    layout_fit_row(77, 1, need, 5, 0, 12, 1, w);
    ck_assert_int_eq(w[0], 36); /* the product gives way, and the name has its room */
    ck_assert_int_eq(w[1], 0);
    ck_assert_int_eq(w[2], 16);
    ck_assert_int_eq(w[4], 16);
    layout_fit_row(117, 1, need, 5, 0, 12, 1, w);
    ck_assert_int_eq(w[0], 40); /* room for all: each its need, never more */
    ck_assert_int_eq(w[1], 9);
    int short_names[] = {20, 9, 16, 6, 16};
    layout_fit_row(77, 1, short_names, 5, 0, 12, 1, w);
    ck_assert_int_eq(w[0], 20); /* the names fit: the product stays */
    ck_assert_int_eq(w[1], 9);
    layout_fit_row(40, 1, need, 5, 0, 12, -1, w);
    ck_assert_int_eq(w[0], 12); /* nothing gives way: the name keeps its least */
    ck_assert_int_eq(w[1], 9);
}
END_TEST

START_TEST(truncation_by_display_width)
{
    /* a column of 7 cells: two wide characters and the ellipsis, never a half */
    char *t = text_truncate("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86", 7, "\xE2\x80\xA6");
    ck_assert_int_le(text_width(t), 7);
    ck_assert_str_eq(t, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE2\x80\xA6");
    free(t);
}
END_TEST

START_TEST(layout_grid_fits)
{
    /* 80 columns, 6 people: label 26, count 5, 6 x 8 = 48: 79 fits everyone */
    struct layout_grid g = layout_fit_grid(80, 6);
    ck_assert_int_eq(g.visible, 6);
    ck_assert_int_eq(g.label_width, 27); /* the spare column goes to the label */
    /* 80 columns, 30 people: label 26, room 49: 6 columns, the rest scroll */
    g = layout_fit_grid(80, 30);
    ck_assert_int_eq(g.label_width, 26);
    ck_assert_int_eq(g.visible, 6);
    /* 200 columns, 6 people: the label grows to its limit of 60 */
    g = layout_fit_grid(200, 6);
    ck_assert_int_eq(g.visible, 6);
    ck_assert_int_eq(g.label_width, 60);
    g = layout_fit_grid(78, 6); /* 80 columns less the margins: the label gives way first */
    ck_assert_int_eq(g.visible, 6);
    ck_assert_int_eq(g.label_width, 25);
    g = layout_fit_grid(60, 0);
    ck_assert_int_eq(g.visible, 0);
    g = layout_fit_grid(20, 3); /* very narrow: still one column */
    ck_assert_int_eq(g.visible, 1);
}
END_TEST

START_TEST(layout_bar_split)
{
    /* 5 of 6 people, 2 ceo + 1 marketing + 2 sales, in a 12-cell bar:
     * 10 cells in all (5/6 of 12), split 4 + 2 + 4 */
    int parts[] = {2, 1, 2}, cells[3];
    layout_split_bar(parts, 3, 6, 12, cells);
    ck_assert_int_eq(cells[0], 4);
    ck_assert_int_eq(cells[1], 2);
    ck_assert_int_eq(cells[2], 4);
    /* thirds of 10 cells: 3 + 4 + 3, adding up to 10 exactly */
    int thirds[] = {1, 1, 1};
    layout_split_bar(thirds, 3, 3, 10, cells);
    ck_assert_int_eq(cells[0] + cells[1] + cells[2], 10);
    ck_assert_int_eq(cells[0], 3);
    ck_assert_int_eq(cells[1], 4);
    int none[] = {0, 0};
    layout_split_bar(none, 2, 0, 10, cells);
    ck_assert_int_eq(cells[0] + cells[1], 0);
}
END_TEST

static Suite *field_suite(void)
{
    Suite *s = suite_create("field");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, typing_and_cursor_moves);
    tcase_add_test(tc, kill_keys);
    tcase_add_test(tc, wide_characters);
    tcase_add_test(tc, controls_never_enter);
    tcase_add_test(tc, limit_is_kept);
    tcase_add_test(tc, multiline_moves);
    tcase_add_test(tc, wrapped_rows_break_at_spaces);
    tcase_add_test(tc, wrapped_rows_wide_and_combining);
    tcase_add_test(tc, layout_scrolling);
    tcase_add_test(tc, layout_columns_fit);
    tcase_add_test(tc, layout_row_fits);
    tcase_add_test(tc, truncation_by_display_width);
    tcase_add_test(tc, layout_grid_fits);
    tcase_add_test(tc, layout_bar_split);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    return run_suite(field_suite(), "check_field");
}
