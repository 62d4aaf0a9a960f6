/* json_out.c: writing JSON values into a string buffer (reading JSON is SQLite's job). */
#include "json_out.h"
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Characters that are valid in JSON but would act on, or hide from, a terminal
 * that shows the output: C1 controls and the invisible characters. */
static bool must_escape(uint32_t c)
{
    return (c >= 0x80 && c <= 0x9F) || text_is_invisible(c);
}

/* Adds one UTF-8 character, or its \uXXXX escape when it must not show raw. */
static size_t add_char(struct strbuf *b, const char *s, size_t n)
{
    uint32_t c;
    size_t len = text_decode(s, n, &c);
    if (len == 0) {
        strbuf_add(b, "\\ufffd", 6); /* an invalid byte, which the store never holds */
        return 1;
    }
    if (must_escape(c) && c > 0xFFFF) /* JSON spells it as a UTF-16 surrogate pair */
        strbuf_printf(b, "\\u%04x\\u%04x", 0xD800 + ((unsigned)(c - 0x10000) >> 10),
                      0xDC00 + ((unsigned)(c - 0x10000) & 0x3FF));
    else if (must_escape(c))
        strbuf_printf(b, "\\u%04x", (unsigned)c);
    else
        strbuf_add(b, s, len);
    return len;
}

void json_out_string(struct strbuf *b, const char *s)
{
    strbuf_add(b, "\"", 1);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            strbuf_add(b, esc, 2);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            strbuf_printf(b, "\\u%04x", c);
            i++;
        } else {
            i += add_char(b, s + i, n - i);
        }
    }
    strbuf_add(b, "\"", 1);
}

char *json_out_escape_invisible(const char *json)
{
    /* Such characters can only stand inside strings, so escaping them in
     * place keeps the document valid and means the same. */
    struct strbuf b = {0};
    size_t n = strlen(json);
    for (size_t i = 0; i < n;)
        i += add_char(&b, json + i, n - i);
    return strbuf_take(&b);
}

void json_out_number(struct strbuf *b, double x, int decimals)
{
    if (isnan(x) || isinf(x)) {
        strbuf_puts(b, "null");
        return;
    }
    char text[64];
    snprintf(text, sizeof text, "%.*f", decimals, x);
    /* Trim trailing zeros so 50.0 prints as 50 and 0.25 stays 0.25. */
    if (strchr(text, '.')) {
        char *end = text + strlen(text) - 1;
        while (*end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
    }
    if (strcmp(text, "-0") == 0)
        strcpy(text, "0");
    strbuf_puts(b, text);
}

void json_out_bool(struct strbuf *b, bool value)
{
    strbuf_puts(b, value ? "true" : "false");
}

void json_out_key(struct strbuf *b, const char *key, bool first)
{
    if (!first)
        strbuf_add(b, ",", 1);
    json_out_string(b, key);
    strbuf_add(b, ":", 1);
}
