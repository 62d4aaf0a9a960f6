/* text-fuzzer.c: the text checker and sanitiser (src/text.c) against what
 * text.h and shared/design.md promise: whatever goes in, text_sanitize gives
 * text a terminal can take raw, text_validate accepts exactly what its rule
 * allows, and width, truncation, wrapping, slugs and name comparison keep to
 * their contracts. The input: an options byte, a columns byte, then text. */
#include "fuzz_util.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELLIPSIS "\xE2\x80\xA6" /* one column */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_locale();
    return 0;
}

static bool white(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_control(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

/* Whether rule should take s, worked out from text.h's words alone. */
static bool should_accept(const char *s, const struct text_rule *rule)
{
    const char *start = s, *end = s + strlen(s);
    while (start < end && white(*start))
        start++;
    while (end > start && white(end[-1]))
        end--;
    size_t n = (size_t)(end - start), chars = 0;
    if (!fuzz_utf8_valid(start, n))
        return false;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(start + i, n - i, &c);
        if (is_control(c) && !(c == '\n' && rule->multiline))
            return false;
        chars++;
        i += len;
    }
    return (n > 0 || rule->may_be_empty) && chars <= rule->max_chars;
}

static void check_validate(const char *s)
{
    static const struct text_rule *const rules[] = {&TEXT_ANSWER, &TEXT_NAME, &TEXT_PRODUCT,
                                                    &TEXT_DECISION, &TEXT_NARRATIVE};
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        const struct text_rule *rule = rules[r];
        char why[160] = "";
        char *clean = text_validate(s, rule, why, sizeof why);
        FUZZ_CHECK(!clean == !should_accept(s, rule), "rule %zu %s text it should %s (%s)", r,
                   clean ? "took" : "refused", clean ? "refuse" : "take", why);
        if (!clean) {
            FUZZ_CHECK(why[0] != '\0', "rule %zu refused without a reason", r);
            const char *unsafe = fuzz_terminal_unsafe(why, false);
            FUZZ_CHECK(!unsafe, "the reason is unsafe to print: %s", unsafe);
            continue;
        }
        size_t n = strlen(clean);
        FUZZ_CHECK(fuzz_utf8_valid(clean, n), "rule %zu took invalid UTF-8", r);
        FUZZ_CHECK(n == 0 || (!white(clean[0]) && !white(clean[n - 1])), "not trimmed");
        FUZZ_CHECK(text_chars(clean) <= rule->max_chars, "too long for its rule");
        FUZZ_CHECK(n > 0 || rule->may_be_empty, "empty text taken");
        for (size_t i = 0; i < n;) {
            uint32_t c;
            size_t len = text_decode(clean + i, n - i, &c);
            FUZZ_CHECK(!is_control(c) || (c == '\n' && rule->multiline),
                       "control U+%04X let through at byte %zu", (unsigned)c, i);
            i += len;
        }
        FUZZ_CHECK(!rule->fold_spaces || !strstr(clean, "  "), "spaces not folded");
        char *again = text_validate(clean, rule, why, sizeof why);
        FUZZ_CHECK(again && strcmp(again, clean) == 0, "validating twice changes the text");
        free(again);
        free(clean);
    }
}

/* text_decode reads exactly the well-formed sequences. */
static void check_decode(const char *s)
{
    size_t n = strlen(s);
    bool valid = true;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(s + i, n - i, &c);
        FUZZ_CHECK(len <= 4 && len <= n - i, "decoded %zu bytes of %zu", len, n - i);
        FUZZ_CHECK(!len || fuzz_utf8_valid(s + i, len), "decoded an ill-formed sequence");
        valid &= len > 0;
        i += len ? len : 1;
    }
    FUZZ_CHECK(valid == fuzz_utf8_valid(s, n), "text_decode and the standard disagree");
}

static void check_sanitize(const char *s, bool newlines)
{
    char *out = text_sanitize(s, newlines);
    const char *unsafe = fuzz_terminal_unsafe(out, newlines);
    FUZZ_CHECK(!unsafe, "text_sanitize let through %s", unsafe);
    char *again = text_sanitize(out, newlines);
    FUZZ_CHECK(strcmp(again, out) == 0, "sanitising twice changes the text");
    if (fuzz_utf8_valid(s, strlen(s)) && !fuzz_terminal_unsafe(s, newlines))
        FUZZ_CHECK(strcmp(out, s) == 0, "safe text was changed");
    FUZZ_CHECK(text_width(out) >= 0, "negative width");
    free(again);
    free(out);
}

/* Cut to columns: it fits, and it is the text's start and the ellipsis. */
static void check_truncate(const char *safe, int columns)
{
    char *cut = text_truncate(safe, columns, ELLIPSIS);
    int width = text_width(cut);
    FUZZ_CHECK(fuzz_utf8_valid(cut, strlen(cut)), "truncate made invalid UTF-8");
    if (text_width(safe) <= columns) {
        FUZZ_CHECK(strcmp(cut, safe) == 0, "text that fits was changed");
    } else {
        FUZZ_CHECK(width <= (columns > 0 ? columns : 0), "cut to %d columns takes %d", columns,
                   width);
        size_t kept = strlen(cut) - (columns > 0 ? strlen(ELLIPSIS) : 0);
        FUZZ_CHECK(strncmp(cut, safe, kept) == 0, "the cut text is not the text's start");
        FUZZ_CHECK(columns <= 0 || strcmp(cut + kept, ELLIPSIS) == 0, "no ellipsis");
    }
    free(cut);
}

/* Wrapped: no line wider than width but for one wide character alone, and
 * nothing lost but the spaces and line feeds it broke at. */
static void check_wrap(const char *safe, int width)
{
    char **lines;
    size_t count = text_wrap(safe, width, &lines);
    size_t n = strlen(safe), k = 0;
    char *kept = malloc(n + 1), *joined = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        if (safe[i] != ' ' && safe[i] != '\n')
            kept[k++] = safe[i];
    kept[k] = '\0';
    k = 0;
    FUZZ_CHECK(count >= 1, "no lines");
    for (size_t l = 0; l < count; l++) {
        const char *line = lines[l];
        FUZZ_CHECK(!strchr(line, '\n'), "a line feed inside line %zu", l);
        int w = text_width(line);
        if (w > (width < 1 ? 1 : width)) { /* then it holds one character that takes columns */
            size_t wide = 0;
            for (size_t i = 0; line[i];) {
                uint32_t c;
                size_t len = text_decode(line + i, strlen(line + i), &c);
                FUZZ_CHECK(len, "invalid UTF-8 in a wrapped line");
                char one[5] = {0};
                memcpy(one, line + i, len);
                wide += text_width(one) > 0;
                i += len;
            }
            FUZZ_CHECK(wide == 1, "line %zu takes %d of %d columns", l, w, width);
        }
        for (const char *p = line; *p; p++)
            if (*p != ' ')
                joined[k++] = *p;
        free(lines[l]);
    }
    joined[k] = '\0';
    FUZZ_CHECK(strcmp(joined, kept) == 0, "wrapping lost or changed text");
    free(lines);
    free(kept);
    free(joined);
}

static void check_slug(const char *s)
{
    char *slug = text_slugify(s);
    size_t n = strlen(slug);
    bool letter = false;
    FUZZ_CHECK(n <= TEXT_SLUG_MAX, "slug of %zu characters", n);
    for (size_t i = 0; i < n; i++) {
        char c = slug[i];
        letter |= c >= 'a' && c <= 'z';
        FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-',
                   "slug holds byte 0x%02X", (unsigned char)c);
    }
    FUZZ_CHECK(n == 0 || (slug[0] != '-' && slug[n - 1] != '-' && !strstr(slug, "--")),
               "hyphens out of place in \"%s\"", slug);
    FUZZ_CHECK(text_is_slug(slug) == letter, "text_is_slug(\"%s\") is %d", slug, !letter);
    free(slug);
}

static int sign(int x)
{
    return (x > 0) - (x < 0);
}

/* Name comparison is an order: reflexive, antisymmetric, transitive. */
static void check_compare(const char *a, const char *b, const char *c)
{
    FUZZ_CHECK(text_compare_folded(a, a) == 0, "a name differs from itself");
    int ab = sign(text_compare_folded(a, b)), ba = sign(text_compare_folded(b, a));
    int bc = sign(text_compare_folded(b, c)), ac = sign(text_compare_folded(a, c));
    FUZZ_CHECK(ab == -ba, "compare(a, b) is %d but compare(b, a) is %d", ab, ba);
    FUZZ_CHECK(!(ab <= 0 && bc <= 0) || ac <= 0, "a <= b <= c but a > c");
    FUZZ_CHECK(!(ab >= 0 && bc >= 0) || ac >= 0, "a >= b >= c but a < c");
    FUZZ_CHECK(sign(text_compare_folded_n(a, strlen(a), b, strlen(b))) == ab,
               "the _n form disagrees");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0; /* text_validate refuses long text by its length; no need to go there */
    struct fuzz_reader r = {data, size};
    uint8_t options = fuzz_byte(&r);
    int columns = (int)fuzz_byte(&r) % 100 - 2; /* a few below zero too */
    char *s = fuzz_rest(&r);

    check_decode(s);
    check_validate(s);
    check_sanitize(s, false);
    check_sanitize(s, true);
    char *safe = text_sanitize(s, options & 1);
    check_truncate(safe, columns);
    check_wrap(safe, columns);
    free(safe);
    check_slug(s);

    /* three names: the text cut at two points the options byte picks */
    size_t n = strlen(s), i = n * (options >> 4) / 16, j = i + (n - i) * (options & 15) / 16;
    char *a = strndup(s, i), *b = strndup(s + i, j - i);
    check_compare(a, b, s + j);
    free(a);
    free(b);
    free(s);
    return 0;
}
