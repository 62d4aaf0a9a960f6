/* check_csv_read.c: Check suite for csv_read.c: RFC 4180 quoting, line ends, the byte
 * order mark, blank lines, and every refusal with its row, line and column. */
#include "check_main.h"
#include "csv_read.h"

static char err[512];
static struct csv_table t;

static int parse(const char *s)
{
    err[0] = '\0';
    return csv_read(s, strlen(s), &CSV_LIMITS, &t, err, sizeof err);
}

static int parse_n(const char *s, size_t n, const struct csv_limits *limits)
{
    err[0] = '\0';
    return csv_read(s, n, limits, &t, err, sizeof err);
}

static void teardown(void)
{
    csv_table_free(&t);
}

START_TEST(plain_rows)
{
    ck_assert_int_eq(parse("a,b,c\n1,2,3\n4,5,6\n"), 0);
    ck_assert_uint_eq(t.columns, 3);
    ck_assert_uint_eq(t.count, 3);
    ck_assert_str_eq(t.rows[0].cells[0], "a");
    ck_assert_str_eq(t.rows[2].cells[2], "6");
    ck_assert_uint_eq(t.rows[2].row, 3);
    ck_assert_uint_eq(t.rows[2].line, 3);
}
END_TEST

/* The last row needs no line end, and empty cells are cells. */
START_TEST(no_final_line_end_and_empty_cells)
{
    ck_assert_int_eq(parse("a,b,c\n,,\nx,,z"), 0);
    ck_assert_uint_eq(t.count, 3);
    ck_assert_str_eq(t.rows[1].cells[0], "");
    ck_assert_str_eq(t.rows[1].cells[2], "");
    ck_assert_str_eq(t.rows[2].cells[2], "z");
}
END_TEST

START_TEST(quoted_cells)
{
    ck_assert_int_eq(parse("name,said\r\n\"Lee, Ann\",\"She said \"\"no\"\"\"\r\n"
                           "\"\",\"a\r\nb\nc\"\r\nlast,\"\"\"\""), 0);
    ck_assert_uint_eq(t.count, 4);
    ck_assert_str_eq(t.rows[1].cells[0], "Lee, Ann");
    ck_assert_str_eq(t.rows[1].cells[1], "She said \"no\"");
    ck_assert_str_eq(t.rows[2].cells[0], "");
    ck_assert_str_eq(t.rows[2].cells[1], "a\r\nb\nc"); /* line breaks inside are the cell's */
    ck_assert_str_eq(t.rows[3].cells[1], "\"");
    /* a row's line is where it starts; a quoted cell of three lines moves the next one on */
    ck_assert_uint_eq(t.rows[2].line, 3);
    ck_assert_uint_eq(t.rows[3].line, 6);
    ck_assert_uint_eq(t.rows[3].row, 4);
}
END_TEST

/* CR LF, LF and a lone CR all end a row. */
START_TEST(line_ends)
{
    ck_assert_int_eq(parse("a,b\r\n1,2\n3,4\r5,6\r\n"), 0);
    ck_assert_uint_eq(t.count, 4);
    ck_assert_str_eq(t.rows[1].cells[1], "2");
    ck_assert_str_eq(t.rows[2].cells[1], "4");
    ck_assert_str_eq(t.rows[3].cells[0], "5");
    ck_assert_uint_eq(t.rows[3].line, 4);
}
END_TEST

START_TEST(byte_order_mark_skipped)
{
    ck_assert_int_eq(parse("\xEF\xBB\xBFname,role\nAnn,ceo\n"), 0);
    ck_assert_str_eq(t.rows[0].cells[0], "name");
    /* only at the start: elsewhere U+FEFF is text, for the answer's checks to judge */
    csv_table_free(&t);
    ck_assert_int_eq(parse("name\n\xEF\xBB\xBFx\n"), 0);
    ck_assert_str_eq(t.rows[1].cells[0], "\xEF\xBB\xBFx");
}
END_TEST

/* A blank line is a row of the spreadsheet with nothing in it: left out, but counted. */
START_TEST(blank_lines_counted_not_kept)
{
    ck_assert_int_eq(parse("\na,b\n\n\r\n1,2\n\n"), 0);
    ck_assert_uint_eq(t.count, 2);
    ck_assert_uint_eq(t.rows[0].row, 2);
    ck_assert_uint_eq(t.rows[1].row, 5);
    ck_assert_uint_eq(t.rows[1].line, 5);
}
END_TEST

START_TEST(spaces_and_stray_quotes_are_text)
{
    ck_assert_int_eq(parse("a,b\n say ,5\" screen\n"), 0);
    ck_assert_str_eq(t.rows[1].cells[0], " say ");
    ck_assert_str_eq(t.rows[1].cells[1], "5\" screen");
}
END_TEST

START_TEST(ragged_row_refused)
{
    ck_assert_int_eq(parse("a,b,c\n1,2,3\n\"x\ny\",2\n"), -1);
    ck_assert_str_eq(err, "row 3 (line 3): 2 cells where the header has 3");
    ck_assert_uint_eq(t.count, 0);
    ck_assert_int_eq(parse("a,b\n1,2,3\n"), -1);
    ck_assert_str_eq(err, "row 2 (line 2): 3 cells where the header has 2");
    ck_assert_int_eq(parse("a,b\n1\n"), -1);
    ck_assert_str_eq(err, "row 2 (line 2): 1 cell where the header has 2");
}
END_TEST

START_TEST(unterminated_quote_refused)
{
    ck_assert_int_eq(parse("name,said\nAnn,ok\n\nBob,\"never\nclosed\n"), -1);
    ck_assert_str_eq(err, "row 4 (line 4), column \"said\": a quoted cell is never closed "
                          "(a quote inside one is written \"\")");
}
END_TEST

START_TEST(text_after_closing_quote_refused)
{
    ck_assert_int_eq(parse("a,b\n\"x\"y,2\n"), -1);
    ck_assert_str_eq(err, "row 2 (line 2), column \"a\": text after a quoted cell's closing "
                          "quote (a quote inside one is written \"\")");
}
END_TEST

START_TEST(invalid_utf8_refused)
{
    static const char *const bad[] = {"\xFF", "\xC3", "\xC0\xAF", "\xED\xA0\x80",
                                      "\xF4\x90\x80\x80", "\xE2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char s[64];
        snprintf(s, sizeof s, "a,b\n1,x%s\n", bad[i]);
        ck_assert_int_eq(parse(s), -1);
        ck_assert_str_eq(err, "row 2 (line 2), column \"b\": invalid UTF-8 at byte 2 of the cell"
                              "; save it as \"CSV UTF-8 (comma delimited)\"");
    }
    /* in the header, with no name to give the column yet */
    ck_assert_int_eq(parse("a,\xFF\n"), -1);
    ck_assert_str_eq(err, "row 1 (line 1), column 2: invalid UTF-8 at byte 1 of the cell"
                          "; save it as \"CSV UTF-8 (comma delimited)\"");
}
END_TEST

START_TEST(nul_refused)
{
    ck_assert_int_eq(parse_n("a,b\n1,x\0y\n", 10, &CSV_LIMITS), -1);
    ck_assert_str_eq(err, "row 2 (line 2), column \"b\": a NUL byte; save it as \"CSV UTF-8 (comma delimited)\"");
    ck_assert_int_eq(parse_n("a,b\n1,\"x\0y\"\n", 12, &CSV_LIMITS), -1);
    ck_assert_str_eq(err, "row 2 (line 2), column \"b\": a NUL byte; save it as \"CSV UTF-8 (comma delimited)\"");
}
END_TEST

START_TEST(empty_file_refused)
{
    ck_assert_int_eq(parse(""), -1);
    ck_assert_str_eq(err, "no header row: the file is empty");
    ck_assert_int_eq(parse("\xEF\xBB\xBF\r\n\n"), -1);
    ck_assert_str_eq(err, "no header row: the file is empty");
}
END_TEST

START_TEST(limits)
{
    struct csv_limits small = {64, 8, 4, 3};
    /* rows after the header: the header and blank lines are not counted */
    const char *s = "a,b\n1,2\n\n3,4\n5,6\n\n7,8\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), 0);
    ck_assert_uint_eq(t.count, 5);
    csv_table_free(&t);
    s = "a,b\n1,2\n3,4\n5,6\n7,8\n9,0\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), -1);
    ck_assert_str_eq(err, "row 6 (line 6): more than 4 rows after the header");
    s = "a,b,c,d\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), -1);
    ck_assert_str_eq(err, "row 1 (line 1), column 4: more than 3 columns");
    s = "a,b\n1,\"123456789\"\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), -1);
    ck_assert_str_eq(err, "row 2 (line 2), column \"b\": a cell longer than 8 bytes");
    s = "a,b\n1,123456789\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), -1);
    ck_assert_str_eq(err, "row 2 (line 2), column \"b\": a cell longer than 8 bytes");
    char big[80];
    memset(big, 'a', sizeof big);
    ck_assert_int_eq(parse_n(big, sizeof big, &small), -1);
    ck_assert_str_eq(err, "a file of 80 bytes; at most 64 bytes are read");
    /* exactly at each limit is fine */
    s = "a,b,c\n1,12345678,3\n\n";
    ck_assert_int_eq(parse_n(s, strlen(s), &small), 0);
    ck_assert_uint_eq(t.count, 2);
    ck_assert_uint_eq(CSV_LIMITS.max_bytes, 8u << 20);
}
END_TEST

/* A spreadsheet's other ways of saving: each refused saying how to save it instead. */
START_TEST(utf16_refused)
{
    ck_assert_int_eq(parse_n("\xFF\xFEn\0a\0m\0e\0", 10, &CSV_LIMITS), -1);
    ck_assert_str_eq(err, "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\"");
    ck_assert_int_eq(parse_n("\xFE\xFF\0n\0a", 6, &CSV_LIMITS), -1);
    ck_assert_str_eq(err, "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\"");
}
END_TEST

START_TEST(semicolons_refused)
{
    static const char *const files[] = {"name;role;value\nLee;sales;a, b\n",
                                        "\xEF\xBB\xBFname;role,x;y\nLee;sales,1;2\n"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        ck_assert_int_eq(parse(files[i]), -1);
        ck_assert_str_eq(err, "row 1 (line 1): the cells are separated by semicolons, not "
                              "commas; save it as \"CSV UTF-8 (comma delimited)\"");
    }
    ck_assert_int_eq(parse("\"name\";\"role\"\n"), -1);
    ck_assert_str_eq(err, "row 1 (line 1), column 1: the cells are separated by semicolons, "
                          "not commas; save it as \"CSV UTF-8 (comma delimited)\"");
    /* a semicolon in some of the header's cells, or in a row's, is text */
    ck_assert_int_eq(parse("name,said\nLee;Ann,\"a\";b\n"), -1); /* ; after a quote */
    ck_assert_int_eq(parse("name,\"a; b\"\nLee;Ann,x;y\n"), 0);
    ck_assert_str_eq(t.rows[1].cells[0], "Lee;Ann");
}
END_TEST

/* A long header name is cut in messages, at a character's start. */
START_TEST(long_header_cut_in_messages)
{
    char s[256] = "";
    for (int i = 0; i < 30; i++)
        strcat(s, "\xC3\xA9");  /* 60 bytes of é */
    strcat(s, "xyz\n\"");
    ck_assert_int_eq(parse(s), -1);
    char want[256] = "row 2 (line 2), column \"";
    for (int i = 0; i < 30; i++)
        strcat(want, "\xC3\xA9");
    strcat(want, "...\": a quoted cell is never closed (a quote inside one is written \"\")");
    ck_assert_str_eq(err, want);
    memmove(s + 1, s, strlen(s) + 1); /* now 61 bytes: the cut must not split an é */
    s[0] = 'x';
    ck_assert_int_eq(parse(s), -1);
    ck_assert_ptr_nonnull(strstr(err, "column \"x\xC3\xA9"));
    ck_assert_ptr_nonnull(strstr(err, "\xC3\xA9...\""));
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv_read");
    TCase *tc = tcase_create("csv_read");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, plain_rows);
    tcase_add_test(tc, no_final_line_end_and_empty_cells);
    tcase_add_test(tc, quoted_cells);
    tcase_add_test(tc, line_ends);
    tcase_add_test(tc, byte_order_mark_skipped);
    tcase_add_test(tc, blank_lines_counted_not_kept);
    tcase_add_test(tc, spaces_and_stray_quotes_are_text);
    tcase_add_test(tc, ragged_row_refused);
    tcase_add_test(tc, unterminated_quote_refused);
    tcase_add_test(tc, text_after_closing_quote_refused);
    tcase_add_test(tc, invalid_utf8_refused);
    tcase_add_test(tc, nul_refused);
    tcase_add_test(tc, empty_file_refused);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, utf16_refused);
    tcase_add_test(tc, semicolons_refused);
    tcase_add_test(tc, long_header_cut_in_messages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(csv_suite(), "check_csv_read");
}
