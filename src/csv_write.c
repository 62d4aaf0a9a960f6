/* csv_write.c: writing CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and
 * text cells that a spreadsheet cannot take for a formula. */
#include "csv_write.h"
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool is_unicode_space(uint32_t c)
{
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Past the spaces and line breaks a spreadsheet's import may trim before it computes
 * (LibreOffice's "trim spaces"; a cell's first line may be empty), Unicode's too. */
static const char *skip_blanks(const char *cell)
{
    for (;;) {
        if (*cell == ' ' || *cell == '\n') {
            cell++;
            continue;
        }
        uint32_t c;
        size_t n = text_decode(cell, strlen(cell), &c);
        if (!n || !is_unicode_space(c))
            return cell;
        cell += n;
    }
}

bool csv_formula_start(const char *cell)
{
    /* U+FF1D, U+FF0B, U+FF0D, U+FF20: some spreadsheets read them as = + - @ */
    static const char *const full_width[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
                                             "\xEF\xBC\xA0"};
    cell = skip_blanks(cell);
    if (*cell && strchr("=+-@\t\r", *cell))
        return true;
    for (size_t i = 0; i < sizeof full_width / sizeof *full_width; i++)
        if (!strncmp(cell, full_width[i], 3))
            return true;
    return false;
}

static void separate(struct csv *c)
{
    if (c->cells++)
        strbuf_add(&c->out, ",", 1);
}

void csv_text(struct csv *c, const char *text)
{
    separate(c);
    if (!text)
        return;
    char *safe = text_sanitize(text, true);
    /* The "'" comes first, inside the quotes: a spreadsheet takes it as "this
     * is text" or shows it; either way nothing is computed. */
    const char *guard = csv_formula_start(safe) ? "'" : "";
    if (!strpbrk(safe, ",\"\r\n")) {
        strbuf_puts(&c->out, guard);
        strbuf_puts(&c->out, safe);
        free(safe);
        return;
    }
    strbuf_puts(&c->out, "\"");
    strbuf_puts(&c->out, guard);
    for (const char *p = safe; *p;) {
        size_t run = strcspn(p, "\"");
        strbuf_add(&c->out, p, run);
        p += run;
        if (*p == '"') {
            strbuf_puts(&c->out, "\"\"");
            p++;
        }
    }
    strbuf_puts(&c->out, "\"");
    free(safe);
}

void csv_number(struct csv *c, double x, int decimals)
{
    separate(c);
    if (isnan(x) || isinf(x))
        return;
    /* By hand, not printf's %f: a locale's decimal comma would split the cell. */
    long long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    long long units = llround(fabs(x) * (double)scale);
    long long whole = units / scale, part = units % scale;
    strbuf_printf(&c->out, "%s%lld", x < 0 && units ? "-" : "", whole);
    for (; part && decimals > 0 && part % 10 == 0; decimals--) /* 0.50 is 0.5, 50.0 is 50 */
        part /= 10;
    if (part)
        strbuf_printf(&c->out, ".%0*lld", decimals, part);
}

void csv_count(struct csv *c, size_t n)
{
    separate(c);
    strbuf_printf(&c->out, "%zu", n);
}

void csv_empty(struct csv *c)
{
    separate(c);
}

void csv_header(struct csv *c, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        csv_text(c, names[i]);
    csv_end_row(c);
}

void csv_end_row(struct csv *c)
{
    strbuf_add(&c->out, "\r\n", 2);
    c->cells = 0;
}

char *csv_take(struct csv *c)
{
    c->cells = 0;
    return strbuf_take(&c->out);
}
