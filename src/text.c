/* text.c: UTF-8 decoding, checking user text, display width, sanitising for the terminal. */
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

const struct text_rule TEXT_ANSWER = {1000, false, false, false};
const struct text_rule TEXT_NAME = {200, false, false, true};
const struct text_rule TEXT_PRODUCT = {200, true, false, false};
const struct text_rule TEXT_DECISION = {1000, false, true, false};
const struct text_rule TEXT_NARRATIVE = {20000, true, true, false};

size_t text_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2, c = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, c = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

static bool is_control(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool text_is_invisible(uint32_t c)
{
    return c == 0x00AD ||                    /* soft hyphen */
           c == 0x061C || c == 0x180E ||     /* Arabic letter mark, Mongolian vowel separator */
           (c >= 0x200B && c <= 0x200F) ||   /* zero-width space, joiners, LRM, RLM */
           (c >= 0x202A && c <= 0x202E) ||   /* embeddings and overrides */
           (c >= 0x2060 && c <= 0x2064) ||   /* word joiner, invisible operators */
           (c >= 0x2066 && c <= 0x206F) ||   /* isolates, deprecated format controls */
           c == 0xFEFF ||                    /* zero-width no-break space */
           (c >= 0xFFF9 && c <= 0xFFFB) ||   /* interlinear annotation */
           (c >= 0xE0000 && c <= 0xE007F);   /* tags, which can spell hidden text */
}

static bool is_space(const char *s)
{
    return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f';
}

char *text_validate(const char *s, const struct text_rule *rule, char *why, size_t whylen)
{
    /* Trim first: white space pasted around a text is not worth refusing it for. */
    const char *start = s, *end = s + strlen(s);
    while (start < end && is_space(start))
        start++;
    while (end > start && is_space(end - 1))
        end--;
    size_t n = (size_t)(end - start), chars = 0;
    /* No character takes more than 4 bytes: a longer text is refused by its
     * length alone, before decoding it (a 50 MB paste, a hostile file). */
    if (n > 4 * rule->max_chars) {
        snprintf(why, whylen, "text of %zu bytes; at most %zu characters are allowed", n,
                 rule->max_chars);
        return NULL;
    }
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(start + i, n - i, &c);
        if (len == 0) {
            snprintf(why, whylen, "invalid UTF-8 at byte %zu", (size_t)(start - s) + i + 1);
            return NULL;
        }
        chars++;
        if (is_control(c) && !(c == '\n' && rule->multiline)) {
            snprintf(why, whylen, "control character U+%04X at character %zu", (unsigned)c, chars);
            return NULL;
        }
        i += len;
    }
    if (n == 0 && !rule->may_be_empty) {
        snprintf(why, whylen, "empty text");
        return NULL;
    }
    if (chars > rule->max_chars) {
        snprintf(why, whylen, "text of %zu characters; at most %zu are allowed", chars,
                 rule->max_chars);
        return NULL;
    }
    char *clean = xstrndup(start, n);
    if (rule->fold_spaces) {
        char *to = clean;
        for (const char *from = clean; *from; from++)
            if (*from != ' ' || to == clean || to[-1] != ' ')
                *to++ = *from;
        *to = '\0';
    }
    return clean;
}

size_t text_chars(const char *s)
{
    size_t count = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            count++;
    return count;
}

char *text_sanitize(const char *s, bool keep_newlines)
{
    struct strbuf b = {0};
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(s + i, n - i, &c);
        if (len == 0) {
            strbuf_add(&b, "\xEF\xBF\xBD", 3); /* U+FFFD */
            i++;
            continue;
        }
        char shown[8];
        if (c == '\n' && keep_newlines) {
            strbuf_add(&b, "\n", 1);
        } else if (c < 0x20 || c == 0x7F) {
            snprintf(shown, sizeof shown, "^%c", c == 0x7F ? '?' : (char)(c + '@'));
            strbuf_add(&b, shown, 2);
        } else if (c >= 0x80 && c <= 0x9F) {
            snprintf(shown, sizeof shown, "<%02X>", (unsigned)c);
            strbuf_add(&b, shown, 4);
        } else if (!text_is_invisible(c)) {
            strbuf_add(&b, s + i, len);
        }
        i += len;
    }
    return strbuf_take(&b);
}

int text_width(const char *s)
{
    int width = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(s + i, n - i, &c);
        if (len == 0) {
            width += 1; /* shown as U+FFFD */
            i++;
            continue;
        }
        int w = wcwidth((wchar_t)c);
        width += w > 0 ? w : 0;
        i += len;
    }
    return width;
}

char *text_truncate(const char *s, int columns, const char *ellipsis)
{
    if (text_width(s) <= columns)
        return xstrdup(s);
    int room = columns - text_width(ellipsis);
    struct strbuf b = {0};
    size_t n = strlen(s);
    for (size_t i = 0; i < n && room > 0;) {
        uint32_t c;
        size_t len = text_decode(s + i, n - i, &c);
        if (len == 0)
            break; /* sanitised text has no invalid bytes; stop rather than guess */
        int w = wcwidth((wchar_t)c);
        if (w > room)
            break;
        room -= w > 0 ? w : 0;
        strbuf_add(&b, s + i, len);
        i += len;
    }
    if (columns > 0)
        strbuf_puts(&b, ellipsis);
    return strbuf_take(&b);
}

/* Adds a finished line to the list. */
static void push_line(char ***lines, size_t *count, struct strbuf *line)
{
    *lines = xrealloc(*lines, (*count + 1) * sizeof **lines);
    (*lines)[(*count)++] = strbuf_take(line);
}

size_t text_wrap(const char *text, int width, char ***lines)
{
    *lines = NULL;
    size_t count = 0, n = strlen(text);
    struct strbuf line = {0};
    int used = 0;
    if (width < 1)
        width = 1;
    for (size_t i = 0; i <= n;) {
        if (i == n || text[i] == '\n') {
            push_line(lines, &count, &line);
            used = 0;
            i++;
            continue;
        }
        if (text[i] == ' ') {
            i++;
            continue;
        }
        size_t end = i;
        while (end < n && text[end] != ' ' && text[end] != '\n')
            end++;
        char *word = xstrndup(text + i, end - i);
        int w = text_width(word);
        if (used > 0 && used + 1 + w > width) {
            push_line(lines, &count, &line);
            used = 0;
        }
        if (used > 0) {
            strbuf_add(&line, " ", 1);
            used++;
        }
        /* Cut a word wider than the line, character by character. */
        for (size_t k = 0; k < end - i;) {
            uint32_t c;
            size_t len = text_decode(word + k, end - i - k, &c);
            if (len == 0)
                len = 1, c = 0xFFFD;
            int cw = wcwidth((wchar_t)c);
            cw = cw > 0 ? cw : 0;
            if (used + cw > width && used > 0) {
                push_line(lines, &count, &line);
                used = 0;
            }
            strbuf_add(&line, word + k, len);
            used += cw;
            k += len;
        }
        free(word);
        i = end;
    }
    return count;
}

char *text_slugify(const char *s)
{
    char *slug = xmalloc(TEXT_SLUG_MAX + 1);
    size_t n = 0;
    bool gap = false;
    for (; *s && n < TEXT_SLUG_MAX; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (gap && n > 0 && n < TEXT_SLUG_MAX - 1)
                slug[n++] = '-';
            gap = false;
            slug[n++] = c;
        } else {
            gap = true;
        }
    }
    slug[n] = '\0';
    return slug;
}

bool text_is_slug(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > TEXT_SLUG_MAX || s[0] == '-' || s[n - 1] == '-')
        return false;
    bool letter = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            letter = true;
        else if (c == '-' && s[i + 1] == '-')
            return false;
        else if (!(c >= '0' && c <= '9') && c != '-')
            return false;
    }
    return letter;
}

/* The lower case of a letter of the Latin, Greek and Cyrillic alphabets, by a
 * table of our own rather than towlower(): two processes in different locales
 * must find the same person by "ÉVA" and "éva". */
static uint32_t fold_letter(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    /* Greek: accented capitals, and the final sigma is a sigma */
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 0x25;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 0x3F;
    if (c == 0x3C2)
        return 0x3C3;
    /* Latin Extended-A pairs upper/lower as even/odd, except where it runs odd/even */
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    return c;
}

int text_compare_folded(const char *a, const char *b)
{
    return text_compare_folded_n(a, strlen(a), b, strlen(b));
}

int text_compare_folded_n(const char *a, size_t na, const char *b, size_t nb)
{
    while (na && nb) {
        uint32_t ca, cb;
        size_t la = text_decode(a, na, &ca), lb = text_decode(b, nb, &cb);
        if (!la) /* not UTF-8: the byte itself */
            ca = (unsigned char)*a, la = 1;
        if (!lb)
            cb = (unsigned char)*b, lb = 1;
        ca = fold_letter(ca), cb = fold_letter(cb);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        a += la, na -= la, b += lb, nb -= lb;
    }
    return na ? 1 : nb ? -1 : 0;
}
