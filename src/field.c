/* field.c: an editable text field: the text as code points, a cursor, the editing operations. */
#include "field.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool allowed(const struct field *f, uint32_t c)
{
    if (c == '\n')
        return f->multiline;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
        return false;
    /* Invisible direction and zero-width marks would make the text lie about itself. */
    if (text_is_invisible(c))
        return false;
    return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

void field_init(struct field *f, const char *text, size_t max, bool multiline)
{
    memset(f, 0, sizeof *f);
    f->max = max;
    f->multiline = multiline;
    if (text)
        field_paste(f, text);
}

void field_free(struct field *f)
{
    free(f->text);
    memset(f, 0, sizeof *f);
}

bool field_insert(struct field *f, uint32_t c)
{
    if (!allowed(f, c) || f->len >= f->max)
        return false;
    if (f->len == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 64;
        f->text = xrealloc(f->text, f->cap * sizeof *f->text);
    }
    memmove(f->text + f->cursor + 1, f->text + f->cursor, (f->len - f->cursor) * sizeof *f->text);
    f->text[f->cursor++] = c;
    f->len++;
    return true;
}

size_t field_paste(struct field *f, const char *utf8)
{
    size_t n = strlen(utf8), inserted = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(utf8 + i, n - i, &c);
        if (len == 0) {
            i++;
            continue;
        }
        i += len;
        if (c == '\r')
            continue; /* CR LF pastes as one line break */
        if ((c == '\n' || c == '\t') && !f->multiline)
            c = ' ';
        if (c == '\t')
            c = ' ';
        inserted += field_insert(f, c);
    }
    return inserted;
}

static bool is_word(uint32_t c)
{
    return c != ' ' && c != '\n';
}

static size_t line_start(const struct field *f, size_t at)
{
    while (at > 0 && f->text[at - 1] != '\n')
        at--;
    return at;
}

static size_t line_end(const struct field *f, size_t at)
{
    while (at < f->len && f->text[at] != '\n')
        at++;
    return at;
}

static int char_width(uint32_t c)
{
    int w = wcwidth((wchar_t)c);
    return w > 0 ? w : 0;
}

static int columns(const struct field *f, size_t from, size_t to)
{
    int w = 0;
    for (size_t i = from; i < to; i++)
        w += char_width(f->text[i]);
    return w;
}

/* Whether at ends a line: a line feed, or the text's end. */
static bool ends_line(const struct field *f, size_t at)
{
    return at == f->len || f->text[at] == '\n';
}

size_t field_row_end(const struct field *f, size_t start)
{
    size_t i = start, after_space = start;
    if (f->width <= 0)
        return line_end(f, start);
    int col = 0; /* only this row is read: a long paragraph costs no more per row */
    while (!ends_line(f, i)) {
        int w = char_width(f->text[i]);
        if (f->text[i] == ' ') { /* a space never breaks a row: it may hang past the edge */
            col += w;
            after_space = ++i;
            continue;
        }
        if (col + w > f->width)
            break;
        col += w;
        i++;
    }
    if (ends_line(f, i))
        return i;
    if (after_space > start)
        return after_space; /* the word that does not fit starts the next row */
    return i > start ? i : start + 1; /* a word longer than the row; at least one character */
}

/* The row that holds position at: where it starts and ends, and its number. */
static size_t row_of(const struct field *f, size_t at, size_t *row_start, size_t *row_end)
{
    size_t start = 0, row = 0;
    for (;;) {
        size_t end = field_row_end(f, start);
        if (at < end || (at == end && ends_line(f, end))) { /* a line's end is its last row's */
            *row_start = start, *row_end = end;
            return row;
        }
        start = ends_line(f, end) ? end + 1 : end;
        row++;
    }
}

void field_place(const struct field *f, size_t at, size_t *row, int *column)
{
    size_t start, end;
    *row = row_of(f, at, &start, &end);
    *column = columns(f, start, at);
    if (f->width <= 0)
        return;
    if (at == f->len && *column >= f->width) /* the end of a full last row: on the row below */
        ++*row, *column = 0;
    else if (*column > f->width)
        *column = f->width;
}

/* The position on row nearest to display column col (a negative col: the
 * row's start); the row below a full last row is the text's end. */
static size_t at_place(const struct field *f, size_t row, int col)
{
    size_t start = 0;
    for (size_t r = 0; r < row; r++) {
        size_t end = field_row_end(f, start);
        if (end == f->len)
            return f->len;
        start = ends_line(f, end) ? end + 1 : end;
    }
    size_t end = field_row_end(f, start), i = start;
    int w = 0;
    while (i < end) {
        int cw = char_width(f->text[i]);
        if (w + cw > col)
            break;
        w += cw;
        i++;
    }
    if (i == end && !ends_line(f, end))
        i = end - 1; /* the row's end is where the next row starts: its last character */
    return i;
}

/* Up, Down, Home and End: along the rows as they are drawn. */
static void move_by_rows(struct field *f, enum field_op op)
{
    size_t row, last;
    int col, last_col;
    field_place(f, f->cursor, &row, &col);
    field_place(f, f->len, &last, &last_col);
    if (op == FIELD_UP && row > 0)
        f->cursor = at_place(f, row - 1, col);
    else if (op == FIELD_DOWN && row < last)
        f->cursor = at_place(f, row + 1, col);
    else if (op == FIELD_HOME)
        f->cursor = at_place(f, row, -1);
    else if (op == FIELD_END)
        f->cursor = at_place(f, row, 1 << 30);
}

static void erase(struct field *f, size_t from, size_t to)
{
    if (from == to)
        return; /* nothing to erase, and f->text may still be NULL */
    memmove(f->text + from, f->text + to, (f->len - to) * sizeof *f->text);
    f->len -= to - from;
    f->cursor = from;
}

void field_apply(struct field *f, enum field_op op)
{
    size_t c = f->cursor;
    switch (op) {
    case FIELD_LEFT: if (c > 0) f->cursor--; break;
    case FIELD_RIGHT: if (c < f->len) f->cursor++; break;
    case FIELD_HOME:
    case FIELD_END:
    case FIELD_UP:
    case FIELD_DOWN: move_by_rows(f, op); break;
    case FIELD_BACKSPACE: if (c > 0) erase(f, c - 1, c); break;
    case FIELD_DELETE: if (c < f->len) erase(f, c, c + 1); break;
    case FIELD_KILL_TO_END: {
        size_t end = line_end(f, c);
        if (end == c && c < f->len)
            end = c + 1; /* at the end of a line: join the next one */
        erase(f, c, end);
        break;
    }
    case FIELD_KILL_TO_START: erase(f, line_start(f, c), c); break;
    case FIELD_KILL_WORD: {
        size_t from = c;
        while (from > 0 && !is_word(f->text[from - 1]))
            from--;
        while (from > 0 && is_word(f->text[from - 1]))
            from--;
        erase(f, from, c);
        break;
    }
    case FIELD_WORD_LEFT:
        while (f->cursor > 0 && !is_word(f->text[f->cursor - 1]))
            f->cursor--;
        while (f->cursor > 0 && is_word(f->text[f->cursor - 1]))
            f->cursor--;
        break;
    case FIELD_WORD_RIGHT:
        while (f->cursor < f->len && !is_word(f->text[f->cursor]))
            f->cursor++;
        while (f->cursor < f->len && is_word(f->text[f->cursor]))
            f->cursor++;
        break;
    }
}

char *field_text(const struct field *f)
{
    char *out = xmalloc(f->len * 4 + 1);
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        uint32_t c = f->text[i];
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[n] = '\0';
    return out;
}

void field_cursor_position(const struct field *f, size_t *line, int *column)
{
    size_t lines = 0;
    for (size_t i = 0; i < f->cursor; i++)
        lines += f->text[i] == '\n';
    *line = lines;
    *column = columns(f, line_start(f, f->cursor), f->cursor);
}
