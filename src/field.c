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

static int columns(const struct field *f, size_t from, size_t to)
{
    int w = 0;
    for (size_t i = from; i < to; i++) {
        int cw = wcwidth((wchar_t)f->text[i]);
        w += cw > 0 ? cw : 0;
    }
    return w;
}

/* The index on the line starting at start nearest to display column col. */
static size_t at_column(const struct field *f, size_t start, int col)
{
    size_t end = line_end(f, start), i = start;
    int w = 0;
    while (i < end) {
        int cw = wcwidth((wchar_t)f->text[i]);
        cw = cw > 0 ? cw : 0;
        if (w + cw > col)
            break;
        w += cw;
        i++;
    }
    return i;
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
    case FIELD_HOME: f->cursor = line_start(f, c); break;
    case FIELD_END: f->cursor = line_end(f, c); break;
    case FIELD_UP:
    case FIELD_DOWN: {
        size_t start = line_start(f, c);
        int col = columns(f, start, c);
        if (op == FIELD_UP && start > 0)
            f->cursor = at_column(f, line_start(f, start - 1), col);
        else if (op == FIELD_DOWN && line_end(f, c) < f->len)
            f->cursor = at_column(f, line_end(f, c) + 1, col);
        break;
    }
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
