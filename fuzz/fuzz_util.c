/* fuzz_util.c: what the libFuzzer harnesses share. */
#include "fuzz_util.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("invariant broken: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

void fuzz_locale(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        fuzz_fail("no C.UTF-8 locale: the harness would measure widths in ASCII");
}

/* One well-formed sequence at s, or 0: the ranges of table 3-7. */
static size_t utf8_sequence(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char b = s[0];
    if (b <= 0x7F) {
        *cp = b;
        return 1;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        len = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        len = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    else if (b >= 0xF0 && b <= 0xF4)
        len = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    uint32_t c = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < len; i++) {
        if (i > 1 && (s[i] < 0x80 || s[i] > 0xBF))
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return len;
}

bool fuzz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = utf8_sequence(u + i, n - i, &c);
        if (!len)
            return false;
        i += len;
    }
    return true;
}

bool fuzz_unsafe_code_point(uint32_t c, bool newlines)
{
    if (c == '\n')
        return !newlines;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || /* C0, DEL, C1 */
           c == 0xAD || c == 0x61C || c == 0x180E ||            /* soft hyphen, ALM, MVS */
           (c >= 0x200B && c <= 0x200F) ||                      /* zero-width, LRM, RLM */
           (c >= 0x202A && c <= 0x202E) ||                      /* embeddings, overrides */
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || /* isolates */
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

const char *fuzz_terminal_unsafe(const char *s, bool newlines)
{
    static char why[96];
    size_t n = strlen(s);
    if (!fuzz_utf8_valid(s, n))
        return "not valid UTF-8";
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = utf8_sequence(u + i, n - i, &c);
        if (fuzz_unsafe_code_point(c, newlines)) {
            snprintf(why, sizeof why, "U+%04X at byte %zu", (unsigned)c, i);
            return why;
        }
        i += len;
    }
    return NULL;
}

uint8_t fuzz_byte(struct fuzz_reader *r)
{
    if (!r->size)
        return 0;
    r->size--;
    return *r->data++;
}

char *fuzz_string(struct fuzz_reader *r, int separator)
{
    size_t n = 0;
    while (n < r->size && r->data[n] != separator)
        n++;
    char *s = malloc(n + 1);
    if (!s)
        abort();
    for (size_t i = 0; i < n; i++)
        s[i] = r->data[i] ? (char)r->data[i] : ' ';
    s[n] = '\0';
    r->data += n < r->size ? n + 1 : n;
    r->size -= n < r->size ? n + 1 : n;
    return s;
}

char *fuzz_rest(struct fuzz_reader *r)
{
    return fuzz_string(r, -1);
}
