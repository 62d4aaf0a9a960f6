/* check_csv.c: Check suite for csv_write.c: RFC 4180 quoting and CRLF rows,
 * the guard against formulas, numbers, and UTF-8 passed through whole. */
#include "check_main.h"
#include "csv_write.h"

#include <locale.h>
#include <math.h>

/* The row of one text cell, as written. */
static char *one_cell(const char *text)
{
    struct csv c = {0};
    csv_text(&c, text);
    csv_end_row(&c);
    return csv_take(&c);
}

#define ASSERT_CELL(text, written)                                                             \
    do {                                                                                       \
        char *row_ = one_cell(text);                                                           \
        ck_assert_str_eq(row_, written "\r\n");                                                \
        free(row_);                                                                            \
    } while (0)

START_TEST(rows_end_in_crlf_and_cells_are_separated_by_commas)
{
    static const char *const names[] = {"session", "step", "text"};
    struct csv c = {0};
    csv_header(&c, names, 3);
    csv_text(&c, "Acme");
    csv_empty(&c);
    csv_text(&c, NULL);
    csv_end_row(&c);
    char *out = csv_take(&c);
    ck_assert_str_eq(out, "session,step,text\r\nAcme,,\r\n");
    free(out);
    out = csv_take(&c); /* taken: empty again */
    ck_assert_str_eq(out, "");
    free(out);
}
END_TEST

/* RFC 4180 2.6 and 2.7: a comma, a quote or a line break means quotes; a quote doubles. */
START_TEST(quotes_what_must_be_quoted)
{
    ASSERT_CELL("plain text", "plain text");
    ASSERT_CELL("a, b", "\"a, b\"");
    ASSERT_CELL("say \"hi\"", "\"say \"\"hi\"\"\"");
    ASSERT_CELL("\"", "\"\"\"\"");
    ASSERT_CELL("two\nlines", "\"two\nlines\"");
    ASSERT_CELL("a,\"b\"\nc", "\"a,\"\"b\"\"\nc\"");
}
END_TEST

/* Controls never reach the file: a CR (of a CRLF), a tab, an escape are shown
 * as ^M, ^I, ^[, as on the terminal; line feeds stay, inside the quotes. */
START_TEST(sanitises_controls_keeping_line_feeds)
{
    ASSERT_CELL("one\r\ntwo", "\"one^M\ntwo\"");
    ASSERT_CELL("a\tb", "a^Ib");
    ASSERT_CELL("\033]0;pwned\007", "^[]0;pwned^G");
    ASSERT_CELL("c1 \xC2\x9B" "2J", "c1 <9B>2J");
    ASSERT_CELL("bad \xFF byte", "bad \xEF\xBF\xBD byte");
    ASSERT_CELL("r\xE2\x80\xAE" "lo z\xE2\x80\x8Bw", "rlo zw");
}
END_TEST

START_TEST(leaves_utf8_untouched)
{
    ASSERT_CELL("Zo\xC3\xAB M\xC3\xBCller, \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80",
                "\"Zo\xC3\xAB M\xC3\xBCller, \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\"");
    ASSERT_CELL("\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9");
}
END_TEST

START_TEST(knows_what_begins_a_formula)
{
    static const char *const formulas[] = {
        "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "   @x",
        "\xEF\xBC\x9D" "1", "\xEF\xBC\x8B" "1", "\xEF\xBC\x8D" "1", "\xEF\xBC\xA0" "x",
        /* past a no-break space, an ideographic space, a thin space, a first line left empty */
        "\xC2\xA0=1+1", "\xE3\x80\x80=1+1", "\xE2\x80\x89@x", "\n=1", " \n \n+1"};
    for (size_t i = 0; i < sizeof formulas / sizeof *formulas; i++)
        ck_assert_msg(csv_formula_start(formulas[i]), "%s is not taken for a formula", formulas[i]);
    static const char *const texts[] = {"", " ", "a=1", "1-2", "'=1", "Sum", "\xEF\xBC\xA1",
                                        "\xE2\x80\x93 dash", "%1", "|x", "\xC2\xA0", "\xC2\xA0a=1",
                                        "\n"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        ck_assert_msg(!csv_formula_start(texts[i]), "%s is taken for a formula", texts[i]);
}
END_TEST

/* A text cell that would begin a formula begins with ' instead, inside the quotes when quoted. */
START_TEST(guards_cells_that_begin_a_formula)
{
    ASSERT_CELL("=HYPERLINK(\"http://evil.example/\")",
                "\"'=HYPERLINK(\"\"http://evil.example/\"\")\"");
    ASSERT_CELL("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
    ASSERT_CELL("+1 555 0100", "'+1 555 0100");
    ASSERT_CELL("-2+3", "'-2+3");
    ASSERT_CELL("@SUM(1,2)", "\"'@SUM(1,2)\"");
    ASSERT_CELL(" =1+1", "' =1+1");
    ASSERT_CELL("\xEF\xBC\x9D" "1+1", "'\xEF\xBC\x9D" "1+1");
    ASSERT_CELL("\xEF\xBC\x8B" "1", "'\xEF\xBC\x8B" "1");
    ASSERT_CELL("\xEF\xBC\x8D" "1", "'\xEF\xBC\x8D" "1");
    ASSERT_CELL("\xEF\xBC\xA0" "x", "'\xEF\xBC\xA0" "x");
    ASSERT_CELL("=1\n=2", "\"'=1\n=2\"");
    /* a tab or CR is shown as ^I, ^M first, which no spreadsheet computes */
    ASSERT_CELL("\t=1", "^I=1");
    ASSERT_CELL("\r=1", "^M=1");
    /* what only looks like one stays as it is */
    ASSERT_CELL("a=b", "a=b");
    ASSERT_CELL("'=1", "'=1");
}
END_TEST

/* Numbers the program writes are numbers: no guard, no trailing zeros, a point
 * whatever the locale, nothing for an unknown. */
START_TEST(numbers_are_written_plain)
{
    struct csv c = {0};
    csv_number(&c, 25.3, 1);
    csv_number(&c, 50.0, 1);
    csv_number(&c, -3.5, 1);
    csv_number(&c, 0.13916, 4);
    csv_number(&c, 0.125, 2);
    csv_number(&c, -0.01, 1);
    csv_number(&c, NAN, 1);
    csv_number(&c, 23.5, 2);
    csv_count(&c, 42);
    csv_number(&c, 0.05, 1);
    csv_end_row(&c);
    char *out = csv_take(&c);
    ck_assert_str_eq(out, "25.3,50,-3.5,0.1392,0.13,0,,23.5,42,0.1\r\n");
    free(out);
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, rows_end_in_crlf_and_cells_are_separated_by_commas);
    tcase_add_test(tc, quotes_what_must_be_quoted);
    tcase_add_test(tc, sanitises_controls_keeping_line_feeds);
    tcase_add_test(tc, leaves_utf8_untouched);
    tcase_add_test(tc, knows_what_begins_a_formula);
    tcase_add_test(tc, guards_cells_that_begin_a_formula);
    tcase_add_test(tc, numbers_are_written_plain);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    return run_suite(csv_suite(), "check_csv");
}
