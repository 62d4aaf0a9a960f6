/* csv_write.h: writing CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and
 * text cells that a spreadsheet cannot take for a formula. Pure C. */
#ifndef SAMESONG_CSV_WRITE_H
#define SAMESONG_CSV_WRITE_H

#include "util.h"

#include <stdbool.h>
#include <stddef.h>

/* The UTF-8 byte-order mark: Excel reads a .csv as UTF-8 only after it. The
 * commands put it before a CSV they write to a file, never on standard output. */
#define CSV_BOM "\xEF\xBB\xBF"

/* A CSV being written: start with struct csv c = {0}, add cells, end each
 * row with csv_end_row, then csv_take. */
struct csv {
    struct strbuf out;
    size_t cells;       /* cells in the row being written */
};

/* Whether a spreadsheet could read a cell that begins so as a formula:
 * with = + - @, a tab or a carriage return (OWASP's list), or the full-width
 * = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20), after any spaces. */
bool csv_formula_start(const char *cell);

/* A text cell: made safe as text_sanitize makes it (line feeds kept, inside
 * quotes), a "'" before it when it would begin a formula, quoted when it
 * holds a comma, a quote, CR or LF. Every text cell goes through here, the
 * program's own words too; NULL is an empty cell. */
void csv_text(struct csv *c, const char *text);

/* A number the program computed, with at most `decimals` decimals and no
 * trailing zeros; empty for NAN. Not guarded: a spreadsheet reads "-3.5" as
 * the number it is, and a number has no formula in it. */
void csv_number(struct csv *c, double x, int decimals);
void csv_count(struct csv *c, size_t n);

/* An empty cell. */
void csv_empty(struct csv *c);

/* Each of the names as a text cell, then the end of the row. */
void csv_header(struct csv *c, const char *const *names, size_t count);

/* Ends the row with CRLF. */
void csv_end_row(struct csv *c);

/* The CSV written so far (never NULL; caller frees); c is empty again. */
char *csv_take(struct csv *c);

#endif
