/* csv-fuzzer.c: the CSV reader (src/csv_read.c) against what csv_read.h promises:
 * whatever goes in, a table of valid UTF-8 cells, as many in every row as in the
 * header, within the limits, rows numbered upwards, or a refusal in valid UTF-8; a
 * table written back out, every cell quoted, reads back the same; and a file with no
 * quote in it reads as splitting it at line breaks and commas would. The input: an
 * options byte (bit 0: small limits, so they are reached), then the file. */
#include "csv_read.h"
#include "fuzz_util.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_locale();
    return 0;
}

static const struct csv_limits SMALL = {4096, 16, 8, 4};

static void check_table(const struct csv_table *t, const struct csv_limits *lim, size_t len)
{
    FUZZ_CHECK(t->count >= 1, "a table without its header");
    FUZZ_CHECK(t->columns >= 1 && t->columns <= lim->max_columns, "%zu columns", t->columns);
    FUZZ_CHECK(t->count <= lim->max_rows, "%zu rows past the limit", t->count);
    for (size_t r = 0; r < t->count; r++) {
        const struct csv_row *row = &t->rows[r];
        FUZZ_CHECK(row->row >= r + 1 && row->row <= lim->max_rows, "row %zu numbered %zu", r,
                   row->row);
        FUZZ_CHECK(row->line >= row->row && row->line <= len + 1, "row %zu on line %zu", r,
                   row->line);
        if (r) {
            FUZZ_CHECK(row->row > t->rows[r - 1].row, "rows out of order at %zu", r);
            FUZZ_CHECK(row->line > t->rows[r - 1].line, "lines out of order at %zu", r);
        }
        for (size_t c = 0; c < t->columns; c++) {
            const char *cell = row->cells[c];
            FUZZ_CHECK(cell, "row %zu has no cell %zu", r, c);
            size_t n = strlen(cell);
            FUZZ_CHECK(n <= lim->max_cell, "a cell of %zu bytes", n);
            FUZZ_CHECK(fuzz_utf8_valid(cell, n), "row %zu cell %zu is not UTF-8", r, c);
        }
    }
}

/* The table as CSV again, every cell quoted, its quotes doubled. */
static char *write_back(const struct csv_table *t, size_t *len)
{
    struct strbuf b = {0};
    for (size_t r = 0; r < t->count; r++) {
        for (size_t c = 0; c < t->columns; c++) {
            strbuf_puts(&b, c ? ",\"" : "\"");
            for (const char *p = t->rows[r].cells[c]; *p; p++) {
                if (*p == '"')
                    strbuf_add(&b, "\"", 1);
                strbuf_add(&b, p, 1);
            }
            strbuf_puts(&b, "\"");
        }
        strbuf_puts(&b, "\r\n");
    }
    *len = b.len;
    return strbuf_take(&b);
}

static void check_round_trip(const struct csv_table *t)
{
    size_t len;
    char *again = write_back(t, &len);
    struct csv_limits roomy = CSV_LIMITS; /* quoting makes it longer; nothing else changes */
    roomy.max_bytes = len;
    struct csv_table u;
    char err[512];
    int rc = csv_read(again, len, &roomy, &u, err, sizeof err);
    FUZZ_CHECK(rc == 0, "the table written back is refused: %s", err);
    FUZZ_CHECK(u.count == t->count && u.columns == t->columns, "%zux%zu read back as %zux%zu",
               t->count, t->columns, u.count, u.columns);
    for (size_t r = 0; r < t->count; r++)
        for (size_t c = 0; c < t->columns; c++)
            FUZZ_CHECK(strcmp(t->rows[r].cells[c], u.rows[r].cells[c]) == 0,
                       "cell %zu,%zu changed on the way back", r, c);
    csv_table_free(&u);
    free(again);
}

/* With no quote in the file: the rows are its lines that are not empty, the cells
 * what lies between the commas, worked out here without the reader. */
static void check_plain(const char *data, size_t len, const struct csv_table *t)
{
    size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t r = 0, line = 1;
    for (size_t i = start; i <= len;) {
        size_t end = i;
        while (end < len && data[end] != '\n' && data[end] != '\r')
            end++;
        if (end > i) {
            FUZZ_CHECK(r < t->count, "more rows than the table's %zu", t->count);
            FUZZ_CHECK(t->rows[r].line == line, "row %zu on line %zu, not %zu", r,
                       t->rows[r].line, line);
            size_t c = 0;
            for (size_t a = i; a <= end; c++) {
                size_t b = a;
                while (b < end && data[b] != ',')
                    b++;
                FUZZ_CHECK(c < t->columns, "row %zu has more cells", r);
                FUZZ_CHECK(strlen(t->rows[r].cells[c]) == b - a &&
                               memcmp(t->rows[r].cells[c], data + a, b - a) == 0,
                           "row %zu cell %zu differs", r, c);
                a = b + 1;
            }
            FUZZ_CHECK(c == t->columns, "row %zu has %zu cells", r, c);
            r++;
        }
        if (end == len)
            break;
        i = end + (data[end] == '\r' && end + 1 < len && data[end + 1] == '\n' ? 2 : 1);
        line++;
    }
    FUZZ_CHECK(r == t->count, "%zu rows where the lines make %zu", t->count, r);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    const struct csv_limits *lim = bytes[0] & 1 ? &SMALL : &CSV_LIMITS;
    const char *data = (const char *)bytes + 1;
    size_t len = size - 1;
    struct csv_table t;
    char err[512] = "";
    int rc = csv_read(data, len, lim, &t, err, sizeof err);
    if (rc < 0) {
        FUZZ_CHECK(err[0], "refused without a reason");
        FUZZ_CHECK(fuzz_utf8_valid(err, strlen(err)), "the reason is not UTF-8: %s", err);
        FUZZ_CHECK(t.count == 0 && !t.rows, "a refusal left a table");
        return 0;
    }
    check_table(&t, lim, len);
    check_round_trip(&t);
    if (!memchr(data, '"', len))
        check_plain(data, len, &t);
    csv_table_free(&t);
    return 0;
}
