/* json_out.c: writing JSON values into a string buffer (reading JSON is SQLite's job). */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void json_out_string(struct strbuf *b, const char *s)
{
    strbuf_add(b, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            strbuf_add(b, esc, 2);
        } else if (c < 0x20 || c == 0x7F) {
            strbuf_printf(b, "\\u%04x", c);
        } else {
            strbuf_add(b, s, 1);
        }
    }
    strbuf_add(b, "\"", 1);
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
