/* field-fuzzer.c: the field editor (src/field.c) driven by key sequences.
 * After every key: the cursor is within the text, the text within its
 * maximum and made only of characters a field may hold, its UTF-8 valid and
 * safe for a terminal as it is; a movement leaves the text alone, a deletion
 * takes one run out at the cursor, an insertion adds at the cursor.
 * With a width (flags bit 4), the text is also laid out in rows of that many
 * columns: every row makes progress and fits, and Up, Down, Home and End
 * move by rows. The input: a flags byte, the maximum, the width when flags
 * ask for one, the starting text up to 0xFF, then keys: 0-12 an editing operation, 13 a paste (up to 0xFF), 14 a code point
 * from the next three bytes, 15 a line feed, any other byte that character. */
#include "field.h"
#include "fuzz_util.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define OPS 13 /* FIELD_LEFT .. FIELD_WORD_RIGHT */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_locale();
    return 0;
}

/* A copy of the field's text and cursor, to compare with after a key. */
struct snapshot {
    uint32_t *text;
    size_t len, cursor;
};

static struct snapshot take(const struct field *f)
{
    struct snapshot s = {malloc((f->len + 1) * sizeof *s.text), f->len, f->cursor};
    if (f->len)
        memcpy(s.text, f->text, f->len * sizeof *s.text);
    return s;
}

/* a[ai..] and b[bi..] hold the same n characters (a may be NULL when n is 0:
 * no offset is added to it then, which UBSan would report). */
static bool same_run(const uint32_t *a, size_t ai, const uint32_t *b, size_t bi, size_t n)
{
    return n == 0 || memcmp(a + ai, b + bi, n * sizeof *a) == 0;
}

static size_t line_of(const uint32_t *text, size_t at)
{
    size_t line = 0;
    for (size_t i = 0; i < at; i++)
        line += text[i] == '\n';
    return line;
}

/* The row the position at is drawn on (field_place). */
static size_t row_of(const struct field *f, size_t at)
{
    size_t row;
    int column;
    field_place(f, at, &row, &column);
    return row;
}

/* The rows of a wrapped field: each ends after it starts (or at its line
 * feed), and what is drawn of it fits the width but for one wide character
 * alone on a row or the spaces hanging past its edge. */
static void check_rows(const struct field *f)
{
    size_t start = 0, rows = 0;
    while (start < f->len) {
        size_t end = field_row_end(f, start);
        FUZZ_CHECK(end <= f->len, "a row ends at %zu, past the end %zu", end, f->len);
        FUZZ_CHECK(end > start || f->text[start] == '\n', "the row at %zu makes no progress",
                   start);
        size_t drawn = end;
        while (drawn > start && f->text[drawn - 1] == ' ')
            drawn--;
        struct field row = {f->text + start, drawn - start, drawn - start, drawn - start, 0,
                            false, 0};
        char *utf8 = field_text(&row);
        FUZZ_CHECK(text_width(utf8) <= f->width || drawn - start <= 1,
                   "a row of width %d in a field %d wide", text_width(utf8), f->width);
        free(utf8);
        start = end < f->len && f->text[end] == '\n' ? end + 1 : end;
        FUZZ_CHECK(++rows <= 2 * f->len + 2, "more rows than characters");
    }
}

static void check_invariants(const struct field *f)
{
    FUZZ_CHECK(f->cursor <= f->len, "cursor %zu past the end %zu", f->cursor, f->len);
    FUZZ_CHECK(f->len <= f->max, "%zu characters in a field of %zu", f->len, f->max);
    FUZZ_CHECK(f->len <= f->cap, "length %zu over capacity %zu", f->len, f->cap);
    for (size_t i = 0; i < f->len; i++) {
        uint32_t c = f->text[i];
        FUZZ_CHECK(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF), "U+%X is no character",
                   (unsigned)c);
        FUZZ_CHECK(!fuzz_unsafe_code_point(c, f->multiline), "U+%04X in the field at %zu",
                   (unsigned)c, i);
    }
    char *utf8 = field_text(f);
    const char *unsafe = fuzz_terminal_unsafe(utf8, f->multiline);
    FUZZ_CHECK(!unsafe, "field_text gives %s", unsafe);
    FUZZ_CHECK(text_chars(utf8) == f->len, "field_text has %zu characters, the field %zu",
               text_chars(utf8), f->len);
    size_t line;
    int column;
    field_cursor_position(f, &line, &column);
    FUZZ_CHECK(line == line_of(f->text, f->cursor), "cursor on line %zu, not %zu", line,
               line_of(f->text, f->cursor));
    size_t start = f->cursor;
    while (start > 0 && f->text[start - 1] != '\n')
        start--;
    struct field part = {f->text ? f->text + start : NULL, f->cursor - start, f->cursor - start,
                         f->cursor - start, 0, f->multiline, 0};
    char *before = field_text(&part);
    FUZZ_CHECK(column == text_width(before), "cursor at column %d, not %d", column,
               text_width(before));
    free(before);
    free(utf8);
    if (f->width > 0)
        check_rows(f);
}

/* The text is what it was with the characters [at, at + removed) taken out
 * and inserted ones put in at at. */
static void check_edit(const struct snapshot *was, const struct field *f, size_t at,
                       size_t removed, size_t inserted, const char *what)
{
    FUZZ_CHECK(f->len + removed == was->len + inserted, "%s: length %zu from %zu", what, f->len,
               was->len);
    FUZZ_CHECK(same_run(f->text, 0, was->text, 0, at), "%s changed the text before it", what);
    size_t tail = was->len - at - removed;
    FUZZ_CHECK(same_run(f->text, at + inserted, was->text, at + removed, tail),
               "%s changed the text after it", what);
}

static bool line_start(const struct field *f, size_t at)
{
    return at == 0 || f->text[at - 1] == '\n';
}

static bool line_end(const struct field *f, size_t at)
{
    return at == f->len || f->text[at] == '\n';
}

static void apply(struct field *f, enum field_op op)
{
    struct snapshot was = take(f);
    size_t was_line = line_of(was.text, was.cursor);
    size_t lines = line_of(was.text, was.len);
    field_apply(f, op);
    size_t c = was.cursor;
    switch (op) {
    case FIELD_BACKSPACE:
    case FIELD_DELETE:
    case FIELD_KILL_TO_END:
    case FIELD_KILL_TO_START:
    case FIELD_KILL_WORD: {
        size_t removed = was.len - f->len;
        FUZZ_CHECK(f->len <= was.len, "a deletion added text");
        check_edit(&was, f, f->cursor, removed, 0, "a deletion");
        if (op == FIELD_BACKSPACE)
            FUZZ_CHECK(removed == (c > 0) && f->cursor == c - (c > 0), "backspace");
        if (op == FIELD_DELETE)
            FUZZ_CHECK(removed == (c < was.len) && f->cursor == c, "delete");
        if (op == FIELD_KILL_TO_END)
            FUZZ_CHECK(f->cursor == c && (line_end(f, c) || removed == 1), "kill to end");
        if (op == FIELD_KILL_TO_START)
            FUZZ_CHECK(f->cursor + removed == c && line_start(f, f->cursor), "kill to start");
        if (op == FIELD_KILL_WORD)
            FUZZ_CHECK(f->cursor + removed == c, "kill word");
        break;
    }
    default:
        FUZZ_CHECK(f->len == was.len && same_run(f->text, 0, was.text, 0, was.len),
                   "moving the cursor (operation %d) changed the text", (int)op);
        break;
    }
    size_t now_line = line_of(f->text, f->cursor);
    bool moved = op == FIELD_UP || op == FIELD_DOWN || op == FIELD_HOME || op == FIELD_END ||
                 op == FIELD_LEFT || op == FIELD_RIGHT;
    if (f->width > 0 && moved) { /* the text is as it was; the movements go by rows */
        size_t was_row = row_of(f, c), now_row = row_of(f, f->cursor), last = row_of(f, f->len);
        switch (op) {
        case FIELD_UP: FUZZ_CHECK(now_row == was_row - (was_row > 0), "up: row %zu from %zu",
                                  now_row, was_row); break;
        case FIELD_DOWN: FUZZ_CHECK(now_row == was_row + (was_row < last) ||
                                        (f->cursor == f->len && now_row == last && last == was_row + 2),
                                    "down: row %zu from %zu", now_row, was_row); break;
        case FIELD_HOME: FUZZ_CHECK(now_row == was_row && f->cursor <= c, "home"); break;
        /* the end of text that fills its last row is drawn on the row below */
        case FIELD_END: FUZZ_CHECK(now_row == was_row || (f->cursor == f->len && now_row == was_row + 1),
                                   "end: row %zu from %zu", now_row, was_row);
                        FUZZ_CHECK(f->cursor >= c, "end: went left, to %zu from %zu (row %zu)", f->cursor, c, now_row); break;
        case FIELD_LEFT: FUZZ_CHECK(f->cursor == c - (c > 0), "left"); break;
        case FIELD_RIGHT: FUZZ_CHECK(f->cursor == c + (c < was.len), "right"); break;
        default: break;
        }
        free(was.text);
        return;
    }
    switch (op) {
    case FIELD_LEFT: FUZZ_CHECK(f->cursor == c - (c > 0), "left"); break;
    case FIELD_RIGHT: FUZZ_CHECK(f->cursor == c + (c < was.len), "right"); break;
    case FIELD_HOME: FUZZ_CHECK(f->cursor <= c && line_start(f, f->cursor) &&
                                now_line == was_line, "home"); break;
    case FIELD_END: FUZZ_CHECK(f->cursor >= c && line_end(f, f->cursor) &&
                               now_line == was_line, "end"); break;
    case FIELD_UP: FUZZ_CHECK(now_line == was_line - (was_line > 0), "up: line %zu from %zu",
                              now_line, was_line); break;
    case FIELD_DOWN: FUZZ_CHECK(now_line == was_line + (was_line < lines),
                                "down: line %zu from %zu", now_line, was_line); break;
    case FIELD_WORD_LEFT: FUZZ_CHECK(f->cursor <= c, "word left went right"); break;
    case FIELD_WORD_RIGHT: FUZZ_CHECK(f->cursor >= c, "word right went left"); break;
    default: break;
    }
    free(was.text);
}

static void insert(struct field *f, uint32_t ch)
{
    struct snapshot was = take(f);
    bool done = field_insert(f, ch);
    check_edit(&was, f, was.cursor, 0, done, "an insertion");
    FUZZ_CHECK(!done || (f->text[was.cursor] == ch && f->cursor == was.cursor + 1),
               "U+%04X not inserted at the cursor", (unsigned)ch);
    FUZZ_CHECK(done || f->len == f->max || ch > 0x10FFFF ||
                   fuzz_unsafe_code_point(ch, f->multiline) || (ch >= 0xD800 && ch <= 0xDFFF),
               "U+%04X refused in a field with room", (unsigned)ch);
    free(was.text);
}

static void paste(struct field *f, const char *text)
{
    struct snapshot was = take(f);
    size_t n = field_paste(f, text);
    check_edit(&was, f, was.cursor, 0, n, "a paste");
    FUZZ_CHECK(f->cursor == was.cursor + n, "the cursor is not after the paste");
    free(was.text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    struct fuzz_reader r = {data, size};
    uint8_t flags = fuzz_byte(&r);
    size_t max = fuzz_byte(&r) * (flags & 2 ? 8u : 1u);
    int width = flags & 4 ? 8 + fuzz_byte(&r) % 40 : 0; /* a field is never drawn narrower */
    char *start = fuzz_string(&r, 0xFF);
    struct field f;
    field_init(&f, start, max, flags & 1);
    f.width = width;
    free(start);
    check_invariants(&f);
    while (r.size) {
        uint8_t key = fuzz_byte(&r);
        if (key < OPS) {
            apply(&f, (enum field_op)key);
        } else if (key == 13) {
            char *text = fuzz_string(&r, 0xFF);
            paste(&f, text);
            free(text);
        } else if (key == 14) {
            uint32_t c = (uint32_t)fuzz_byte(&r) << 16;
            c |= (uint32_t)fuzz_byte(&r) << 8;
            c |= fuzz_byte(&r);
            insert(&f, c);
        } else {
            insert(&f, key == 15 ? '\n' : key);
        }
        check_invariants(&f);
    }
    field_free(&f);
    return 0;
}
