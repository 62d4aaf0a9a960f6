/* csv_read.h: a CSV file (RFC 4180) read into rows of cells, within limits, with the row
 * and line of anything wrong in it. */
#ifndef SAMESONG_CSV_READ_H
#define SAMESONG_CSV_READ_H

#include <stddef.h>

/* How much a file may hold; past any of them it is refused, not cut. */
struct csv_limits {
    size_t max_bytes;   /* the whole file */
    size_t max_cell;    /* one cell, in bytes */
    size_t max_rows;    /* rows after the header; blank lines are not counted */
    size_t max_columns; /* cells in a row */
};
/* 8 MB, 64 KB a cell, 10000 rows besides the header, 256 columns: a form's export is far smaller. */
extern const struct csv_limits CSV_LIMITS;

struct csv_row {
    char **cells;  /* csv_table.columns of them, NUL-terminated valid UTF-8 */
    size_t row;    /* as a spreadsheet numbers it: the first line is row 1, a blank line counts */
    size_t line;   /* the file's line it starts on (a quoted cell may span lines) */
};

struct csv_table {
    size_t columns;       /* the header's, which every row has */
    struct csv_row *rows; /* the header first; blank lines are left out */
    size_t count;
};

/* Reads len bytes of CSV: cells separated by commas, rows by CR LF, LF or CR;
 * a cell in double quotes may hold commas, line breaks and "" for a quote. A
 * UTF-8 byte order mark at the start is skipped, and so are blank lines. The
 * first row that is not blank is the header. Refused, with "row R (line L),
 * column C: why" in err: invalid UTF-8 or a NUL byte, a row whose number of
 * cells is not the header's, a quoted cell never closed or with text after
 * its closing quote, anything past the limits; an empty file. A file in
 * UTF-16 (its byte order mark), and one whose header's every cell holds a
 * semicolon or with ; after a quoted cell (separated by semicolons), are
 * refused saying how to save it instead. Returns 0, or
 * -1 with out empty. */
int csv_read(const char *data, size_t len, const struct csv_limits *limits,
             struct csv_table *out, char *err, size_t errlen);

void csv_table_free(struct csv_table *t);
/* A header's name as a message quotes it: "Name", cut at 60 bytes on a character's
 * start with ... after it. out needs room for 66 bytes. */
void csv_quote_name(const char *name, char *out, size_t outlen);

#endif
