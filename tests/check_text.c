/* check_text.c: Check suite for text.c: validation, sanitising, width, truncation, slugs;
 * and the escapes json_out.c writes for what must not reach a terminal raw. */
#include "check_main.h"
#include "json_out.h"
#include "text.h"

#include <locale.h>

static char why[160];

static char *valid(const char *s, const struct text_rule *rule)
{
    why[0] = '\0';
    return text_validate(s, rule, why, sizeof why);
}

START_TEST(validate_trims_and_keeps_inner_space)
{
    char *t = valid("  Spreadsheets and  email \t", &TEXT_ANSWER);
    ck_assert_str_eq(t, "Spreadsheets and  email");
    free(t);
}
END_TEST

/* A name's inner runs of spaces fold into one; an answer keeps its own. */
START_TEST(validate_folds_spaces_in_names)
{
    char *t = valid("  Lee   Ann  Smith ", &TEXT_NAME);
    ck_assert_str_eq(t, "Lee Ann Smith");
    free(t);
    t = valid("Lee   Ann", &TEXT_ANSWER);
    ck_assert_str_eq(t, "Lee   Ann");
    free(t);
}
END_TEST

START_TEST(validate_refuses_empty_and_blank)
{
    ck_assert_ptr_null(valid("", &TEXT_ANSWER));
    ck_assert_str_eq(why, "empty text");
    ck_assert_ptr_null(valid(" \t  ", &TEXT_NAME));
    ck_assert_str_eq(why, "empty text");
    char *t = valid("   ", &TEXT_PRODUCT); /* a product may be empty */
    ck_assert_str_eq(t, "");
    free(t);
}
END_TEST

START_TEST(validate_counts_characters_not_bytes)
{
    char s[2 * 1001 + 1];
    for (int i = 0; i < 1000; i++)
        memcpy(s + 2 * i, "\xC3\xA9", 2); /* é, two bytes */
    s[2000] = '\0';
    char *t = valid(s, &TEXT_ANSWER);
    ck_assert_ptr_nonnull(t);
    free(t);
    strcat(s, "x");
    ck_assert_ptr_null(valid(s, &TEXT_ANSWER));
    ck_assert_str_eq(why, "text of 1001 characters; at most 1000 are allowed");
}
END_TEST

/* A text longer than 4 bytes a character is refused by its length, before a
 * byte of it is decoded: the invalid byte at its end is never reached. */
START_TEST(validate_refuses_by_bytes_before_decoding)
{
    size_t n = 50 * 1000 * 1000;
    char *big = malloc(n + 2);
    memset(big, 'a', n);
    big[n] = '\xFF';
    big[n + 1] = '\0';
    ck_assert_ptr_null(valid(big, &TEXT_ANSWER));
    ck_assert_str_eq(why, "text of 50000001 bytes; at most 1000 characters are allowed");
    ck_assert_ptr_null(valid(big + n - 80001, &TEXT_NARRATIVE));
    ck_assert_str_eq(why, "text of 80002 bytes; at most 20000 characters are allowed");
    free(big);
    char s[4 * 1000 + 1];
    for (int i = 0; i < 1000; i++)
        memcpy(s + 4 * i, "\xF0\x9F\x98\x80", 4); /* U+1F600, four bytes */
    s[4000] = '\0';
    char *t = valid(s, &TEXT_ANSWER); /* 4000 bytes, 1000 characters: the limit, taken */
    ck_assert_ptr_nonnull(t);
    free(t);
}
END_TEST

START_TEST(validate_refuses_invalid_utf8)
{
    static const char *const bad[] = {
        "ab\xFF", "\xC0\x80",         /* overlong NUL */
        "\xED\xA0\x80",               /* a surrogate */
        "\xF4\x90\x80\x80",           /* past U+10FFFF */
        "caf\xC3",                    /* cut short */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_ptr_null(valid(bad[i], &TEXT_ANSWER));
        ck_assert_msg(strstr(why, "invalid UTF-8") != NULL, "case %zu: %s", i, why);
    }
    ck_assert_ptr_null(valid("ab\xFF", &TEXT_ANSWER));
    ck_assert_str_eq(why, "invalid UTF-8 at byte 3");
}
END_TEST

START_TEST(validate_refuses_controls_and_escapes)
{
    ck_assert_ptr_null(valid("red \x1B[31m text", &TEXT_ANSWER));
    ck_assert_str_eq(why, "control character U+001B at character 5");
    ck_assert_ptr_null(valid("a\xC2\x9B" "31m", &TEXT_ANSWER)); /* C1 CSI */
    ck_assert_str_eq(why, "control character U+009B at character 2");
    ck_assert_ptr_null(valid("del\x7F", &TEXT_NAME));
    ck_assert_ptr_null(valid("tab\there", &TEXT_ANSWER));
    ck_assert_ptr_null(valid("two\nlines", &TEXT_ANSWER));
    ck_assert_str_eq(why, "control character U+000A at character 4");
    char *t = valid("two\nlines", &TEXT_DECISION);
    ck_assert_str_eq(t, "two\nlines");
    free(t);
}
END_TEST

START_TEST(sanitize_makes_controls_visible)
{
    char *s = text_sanitize("a\x1B[2Jb\x07", false);
    ck_assert_str_eq(s, "a^[[2Jb^G");
    free(s);
    s = text_sanitize("x\xC2\x9B" "y\x7F", false);
    ck_assert_str_eq(s, "x<9B>y^?");
    free(s);
    s = text_sanitize("line\nnext", false);
    ck_assert_str_eq(s, "line^Jnext");
    free(s);
    s = text_sanitize("line\nnext", true);
    ck_assert_str_eq(s, "line\nnext");
    free(s);
}
END_TEST

START_TEST(sanitize_drops_bidi_and_zero_width)
{
    /* U+202E right-to-left override, U+200B zero-width space, U+FEFF, U+2066 */
    char *s = text_sanitize("ab\xE2\x80\xAE" "cd\xE2\x80\x8B" "e\xEF\xBB\xBF" "f\xE2\x81\xA6", false);
    ck_assert_str_eq(s, "abcdef");
    free(s);
}
END_TEST

/* Marks that reorder or hide text but were let through: LRM, RLM, the Arabic
 * letter mark, the soft hyphen, tag characters (which can spell a hidden
 * "IGNORE" after visible text), an invisible operator. */
#define LRM "\xE2\x80\x8E"
#define RLM "\xE2\x80\x8F"
#define ALM "\xD8\x9C"
#define SHY "\xC2\xAD"
#define TAG_I "\xF3\xA0\x81\x89"      /* U+E0049 */
#define TAG_CANCEL "\xF3\xA0\x81\xBF" /* U+E007F */
#define INVISIBLE_TIMES "\xE2\x81\xA2" /* U+2062 */
static const char hidden[] =
    "a" LRM "b" RLM "c" ALM "d" SHY "e" TAG_I TAG_CANCEL "f" INVISIBLE_TIMES "g";

START_TEST(sanitize_drops_direction_marks_soft_hyphen_and_tags)
{
    char *s = text_sanitize(hidden, false);
    ck_assert_str_eq(s, "abcdefg");
    free(s);
    ck_assert(text_is_invisible(0x200E) && text_is_invisible(0x200F) && text_is_invisible(0x061C));
    ck_assert(text_is_invisible(0x00AD) && text_is_invisible(0xE0000));
    ck_assert(text_is_invisible(0xE007F));
    ck_assert(!text_is_invisible(0xE0080) && !text_is_invisible(0x00AC) && !text_is_invisible('a'));
    ck_assert(!text_is_invisible(0x061B) && !text_is_invisible(0x2010)); /* visible neighbours */
}
END_TEST

START_TEST(json_escapes_what_is_invisible)
{
    struct strbuf b = {0};
    json_out_string(&b, hidden);
    char *json = strbuf_take(&b);
    ck_assert_str_eq(json, "\"a\\u200eb\\u200fc\\u061cd\\u00ade"
                           "\\udb40\\udc49\\udb40\\udc7ff\\u2062g\"");
    free(json);
    /* SQLite's JSON text gets the same escapes, in place. */
    char *doc = json_out_escape_invisible("{\"t\":\"x" TAG_I RLM "\"}");
    ck_assert_str_eq(doc, "{\"t\":\"x\\udb40\\udc49\\u200f\"}");
    free(doc);
}
END_TEST

START_TEST(sanitize_replaces_invalid_bytes)
{
    char *s = text_sanitize("ok\xFF\xFEok", false);
    ck_assert_str_eq(s, "ok\xEF\xBF\xBD\xEF\xBF\xBDok");
    free(s);
    s = text_sanitize("caf\xC3\xA9 \xE6\x97\xA5", false); /* valid text passes unchanged */
    ck_assert_str_eq(s, "caf\xC3\xA9 \xE6\x97\xA5");
    free(s);
}
END_TEST

START_TEST(width_counts_columns)
{
    ck_assert_int_eq(text_width("abc"), 3);
    ck_assert_int_eq(text_width("caf\xC3\xA9"), 4);           /* café */
    ck_assert_int_eq(text_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4); /* 日本: two wide */
    ck_assert_int_eq(text_width("\xF0\x9F\x98\x80"), 2);       /* 😀 */
    ck_assert_int_eq(text_width("e\xCC\x81"), 1);              /* e + combining acute */
}
END_TEST

START_TEST(truncate_fits_columns)
{
    char *t = text_truncate("Spreadsheets", 20, "...");
    ck_assert_str_eq(t, "Spreadsheets");
    free(t);
    t = text_truncate("Spreadsheets", 8, "...");
    ck_assert_str_eq(t, "Sprea...");
    free(t);
    /* 日本語テキスト is 14 columns; a wide character never straddles the edge */
    t = text_truncate("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9"
                      "\xE3\x83\x88", 6, "\xE2\x80\xA6");
    ck_assert_int_le(text_width(t), 6);
    ck_assert_str_eq(t, "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6"); /* 日本… = 5 columns */
    free(t);
}
END_TEST

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

START_TEST(wrap_breaks_at_spaces)
{
    char **lines;
    size_t n = text_wrap("Our main rival is the status quo, not Gorgias", 16, &lines);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(lines[0], "Our main rival");
    ck_assert_str_eq(lines[1], "is the status");
    ck_assert_str_eq(lines[2], "quo, not Gorgias");
    free_lines(lines, n);
    n = text_wrap("one\ntwo  words", 40, &lines);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(lines[1], "two words");
    free_lines(lines, n);
}
END_TEST

START_TEST(wrap_cuts_long_words_by_columns)
{
    char **lines;
    size_t n = text_wrap("abcdefghij", 4, &lines);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(lines[0], "abcd");
    ck_assert_str_eq(lines[2], "ij");
    free_lines(lines, n);
    /* 日本語テキスト: 14 columns into lines of 5 hold two wide characters each */
    n = text_wrap("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88",
                  5, &lines);
    ck_assert_uint_eq(n, 4);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_le(text_width(lines[i]), 5);
    free_lines(lines, n);
}
END_TEST

START_TEST(slugs_from_names)
{
    char *s = text_slugify("Acme Q3 Workshop!");
    ck_assert_str_eq(s, "acme-q3-workshop");
    free(s);
    s = text_slugify("  --Hello__World--  ");
    ck_assert_str_eq(s, "hello-world");
    free(s);
    s = text_slugify("Caf\xC3\xA9 2025");
    ck_assert_str_eq(s, "caf-2025");
    free(s);
    s = text_slugify("a very long session name that keeps going and going past the limit");
    ck_assert_uint_le(strlen(s), TEXT_SLUG_MAX);
    ck_assert(text_is_slug(s));
    free(s);
}
END_TEST

START_TEST(slug_rules)
{
    ck_assert(text_is_slug("acme-q3"));
    ck_assert(text_is_slug("q3"));
    ck_assert(!text_is_slug("2024"));       /* would read as a session number */
    ck_assert(!text_is_slug("Acme"));
    ck_assert(!text_is_slug("acme--q3"));
    ck_assert(!text_is_slug("-acme"));
    ck_assert(!text_is_slug("acme q3"));
    ck_assert(!text_is_slug(""));
}
END_TEST

START_TEST(names_compare_in_any_case)
{
    ck_assert_int_eq(text_compare_folded("Sam", "SAM"), 0);
    ck_assert_int_eq(text_compare_folded("ÉVA", "éva"), 0);
    ck_assert_int_eq(text_compare_folded("ŁUKASZ Żak", "łukasz żak"), 0);
    ck_assert_int_eq(text_compare_folded("ΣΩΚΡΆΤΗΣ", "Σωκράτης"), 0); /* final sigma, accent */
    ck_assert_int_eq(text_compare_folded("ДМИТРИЙ Ёлкин", "дмитрий ёлкин"), 0);
    ck_assert_int_ne(text_compare_folded("Eva", "Éva"), 0); /* an accent is another letter */
    ck_assert_int_lt(text_compare_folded("Ann", "anna"), 0);
    ck_assert_int_gt(text_compare_folded("b", "A"), 0);
    ck_assert_int_ne(text_compare_folded("a\xff", "a\xfe"), 0); /* not UTF-8: bytes compared */
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, validate_trims_and_keeps_inner_space);
    tcase_add_test(tc, validate_folds_spaces_in_names);
    tcase_add_test(tc, validate_refuses_empty_and_blank);
    tcase_add_test(tc, validate_counts_characters_not_bytes);
    tcase_add_test(tc, validate_refuses_by_bytes_before_decoding);
    tcase_add_test(tc, validate_refuses_invalid_utf8);
    tcase_add_test(tc, validate_refuses_controls_and_escapes);
    tcase_add_test(tc, sanitize_makes_controls_visible);
    tcase_add_test(tc, sanitize_drops_bidi_and_zero_width);
    tcase_add_test(tc, sanitize_drops_direction_marks_soft_hyphen_and_tags);
    tcase_add_test(tc, json_escapes_what_is_invisible);
    tcase_add_test(tc, sanitize_replaces_invalid_bytes);
    tcase_add_test(tc, width_counts_columns);
    tcase_add_test(tc, truncate_fits_columns);
    tcase_add_test(tc, wrap_breaks_at_spaces);
    tcase_add_test(tc, wrap_cuts_long_words_by_columns);
    tcase_add_test(tc, slugs_from_names);
    tcase_add_test(tc, slug_rules);
    tcase_add_test(tc, names_compare_in_any_case);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    return run_suite(text_suite(), "check_text");
}
