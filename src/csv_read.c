/* csv_read.c: a CSV file (RFC 4180) read into rows of cells, refusing what is malformed
 * or too big with the row, line and column where it is. */
#include "csv_read.h"
#include "text.h"
#include "util.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct csv_limits CSV_LIMITS = {8u << 20, 64u << 10, 10000, 256};

struct reader {
    const char *p, *end;
    const struct csv_limits *limits;
    struct csv_table *table;
    size_t line;     /* the line p is on */
    size_t row;      /* the row being read, and the line it starts on */
    size_t row_line;
    size_t column;   /* the cell being read, from 1; 0 when the row as a whole is wrong */
    size_t capacity; /* of table->rows */
    char *err;
    size_t errlen;
};

/* "8 MB", "64 KB" or "100 bytes", for the limits in messages. */
static void size_words(size_t n, char *out, size_t outlen)
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        snprintf(out, outlen, "%zu MB", n >> 20);
    else if (n >= 1024 && n % 1024 == 0)
        snprintf(out, outlen, "%zu KB", n >> 10);
    else
        snprintf(out, outlen, "%zu bytes", n);
}

/* The header's name for column c (from 1), cut short, or NULL when it has none yet. */
static const char *header_name(const struct reader *r, size_t c, char *out, size_t outlen)
{
    if (r->table->count == 0 || c > r->table->columns)
        return NULL;
    const char *name = r->table->rows[0].cells[c - 1];
    if (!*name)
        return NULL;
    csv_quote_name(name, out, outlen);
    return out;
}

void csv_quote_name(const char *name, char *out, size_t outlen)
{
    size_t n = strlen(name);
    if (n > 60) { /* cut at a character's start: the header is valid UTF-8 */
        n = 60;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out, outlen, "\"%.*s%s\"", (int)n, name, name[n] ? "..." : "");
}

/* Sets "row R (line L), column C: message" and returns -1. */
static int fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct reader *r, const char *fmt, ...)
{
    char where[128], name[80];
    int n = snprintf(where, sizeof where, "row %zu (line %zu)", r->row, r->row_line);
    if (r->column) {
        const char *header = header_name(r, r->column, name, sizeof name);
        if (header)
            snprintf(where + n, sizeof where - (size_t)n, ", column %s", header);
        else
            snprintf(where + n, sizeof where - (size_t)n, ", column %zu", r->column);
    }
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    snprintf(r->err, r->errlen, "%s: %s", where, why);
    return -1;
}

/* What to do with a file a spreadsheet saved in the wrong form. */
#define SAVE_AS "save it as \"CSV UTF-8 (comma delimited)\""
#define SEMICOLONS "the cells are separated by semicolons, not commas; " SAVE_AS

/* The length of the line break at p (CR LF, LF or CR), or 0 when there is none. */
static size_t line_break(const char *p, const char *end)
{
    if (p >= end)
        return 0;
    if (*p == '\n')
        return 1;
    if (*p == '\r')
        return p + 1 < end && p[1] == '\n' ? 2 : 1;
    return 0;
}

/* Line breaks in n bytes of a quoted cell: CR LF counts once. */
static size_t count_breaks(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
    return count;
}

static int add_to_cell(struct reader *r, struct strbuf *cell, const char *s, size_t n)
{
    if (cell->len + n > r->limits->max_cell) {
        char limit[32];
        size_words(r->limits->max_cell, limit, sizeof limit);
        return fail(r, "a cell longer than %s", limit);
    }
    strbuf_add(cell, s, n);
    return 0;
}

/* A quoted cell, from its opening quote to just after its closing one. */
static int read_quoted(struct reader *r, struct strbuf *cell)
{
    r->p++;
    for (;;) {
        const char *quote = memchr(r->p, '"', (size_t)(r->end - r->p));
        if (!quote)
            return fail(r, "a quoted cell is never closed (a quote inside one is written \"\")");
        size_t n = (size_t)(quote - r->p);
        r->line += count_breaks(r->p, n);
        if (add_to_cell(r, cell, r->p, n) < 0)
            return -1;
        r->p = quote + 1;
        if (r->p < r->end && *r->p == '"') { /* "" is one quote */
            if (add_to_cell(r, cell, "\"", 1) < 0)
                return -1;
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == ';') /* "a";"b": Excel's export where ; is the separator */
            return fail(r, SEMICOLONS);
        if (r->p < r->end && *r->p != ',' && !line_break(r->p, r->end))
            return fail(r, "text after a quoted cell's closing quote (a quote inside one is "
                           "written \"\")");
        return 0;
    }
}

/* Checks a cell of n bytes: no NUL, valid UTF-8. */
static int check_cell(struct reader *r, const char *text, size_t n)
{
    if (memchr(text, '\0', n))
        return fail(r, "a NUL byte; " SAVE_AS);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(text + i, n - i, &c);
        if (!len)
            return fail(r, "invalid UTF-8 at byte %zu of the cell; " SAVE_AS, i + 1);
        i += len;
    }
    return 0;
}

static void free_cells(char **cells, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(cells[i]);
    free(cells);
}

/* One row that is not blank, from p to just past its line break. */
static int read_row(struct reader *r)
{
    char **cells = NULL;
    size_t count = 0, cap = 0;
    for (;;) {
        r->column = count + 1;
        if (count == r->limits->max_columns) {
            free_cells(cells, count);
            return fail(r, "more than %zu columns", r->limits->max_columns);
        }
        struct strbuf cell = {0};
        const char *start = r->p;
        int rc;
        if (r->p < r->end && *r->p == '"') {
            rc = read_quoted(r, &cell);
        } else {
            while (r->p < r->end && *r->p != ',' && !line_break(r->p, r->end))
                r->p++;
            rc = add_to_cell(r, &cell, start, (size_t)(r->p - start));
        }
        size_t n = cell.len;
        char *text = strbuf_take(&cell);
        if (rc == 0)
            rc = check_cell(r, text, n);
        if (rc < 0) {
            free(text);
            free_cells(cells, count);
            return -1;
        }
        *(char **)array_push(&cells, &count, &cap, sizeof *cells) = text;
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        size_t brk = line_break(r->p, r->end);
        r->p += brk;
        r->line += brk > 0;
        break;
    }
    r->column = 0;
    struct csv_table *t = r->table;
    if (t->count == 0) {
        bool semicolons = true; /* every cell: a header such as "name;role;value" */
        for (size_t i = 0; i < count && semicolons; i++)
            semicolons = strchr(cells[i], ';') != NULL;
        if (semicolons) {
            free_cells(cells, count);
            return fail(r, SEMICOLONS);
        }
        t->columns = count;
    } else if (count != t->columns) {
        free_cells(cells, count);
        return fail(r, "%zu cell%s where the header has %zu", count, count == 1 ? "" : "s",
                    t->columns);
    }
    struct csv_row *row = array_push(&t->rows, &t->count, &r->capacity, sizeof *row);
    *row = (struct csv_row){.cells = cells, .row = r->row, .line = r->row_line};
    return 0;
}

int csv_read(const char *data, size_t len, const struct csv_limits *limits,
             struct csv_table *out, char *err, size_t errlen)
{
    *out = (struct csv_table){0};
    if (len > limits->max_bytes) {
        char limit[32];
        size_words(limits->max_bytes, limit, sizeof limit);
        snprintf(err, errlen, "a file of %zu bytes; at most %s are read", len, limit);
        return -1;
    }
    struct reader r = {.p = data, .end = data + len, .limits = limits, .table = out, .line = 1,
                       .err = err, .errlen = errlen};
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        snprintf(err, errlen, "the file is UTF-16 (Excel's \"Unicode text\"); " SAVE_AS);
        return -1;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) /* a byte order mark, as Excel writes */
        r.p += 3;
    while (r.p < r.end) {
        r.row++;
        r.row_line = r.line;
        r.column = 0;
        size_t brk = line_break(r.p, r.end);
        if (brk) { /* a blank line: a row of the spreadsheet, with nothing in it */
            r.p += brk;
            r.line++;
            continue;
        }
        if (out->count > limits->max_rows) { /* the header and max_rows rows are in */
            csv_table_free(out);
            return fail(&r, "more than %zu rows after the header", limits->max_rows);
        }
        if (read_row(&r) < 0) {
            csv_table_free(out);
            return -1;
        }
    }
    if (out->count == 0) {
        snprintf(err, errlen, "no header row: the file is empty");
        return -1;
    }
    return 0;
}

void csv_table_free(struct csv_table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free_cells(t->rows[i].cells, t->columns);
    free(t->rows);
    *t = (struct csv_table){0};
}
