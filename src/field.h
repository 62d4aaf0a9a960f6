/* field.h: an editable text field (one line or several): the text as code
 * points, a cursor, and the editing operations. Pure: no curses. */
#ifndef SAMESONG_FIELD_H
#define SAMESONG_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct field {
    uint32_t *text;     /* code points, not NUL-terminated */
    size_t len, cap;
    size_t cursor;      /* 0..len */
    size_t max;         /* the most code points it may hold */
    bool multiline;
    int width;          /* the columns its rows are drawn in, set by whoever draws it;
                           0: a row is a whole line (nothing wraps) */
};

/* The editing operations, named for what they do, not for their keys. */
enum field_op {
    FIELD_LEFT, FIELD_RIGHT, FIELD_UP, FIELD_DOWN, FIELD_HOME, FIELD_END,
    FIELD_BACKSPACE, FIELD_DELETE,
    FIELD_KILL_TO_END,   /* Ctrl-K */
    FIELD_KILL_TO_START, /* Ctrl-U */
    FIELD_KILL_WORD,     /* Ctrl-W: the word before the cursor */
    FIELD_WORD_LEFT, FIELD_WORD_RIGHT,
};

/* Starts a field holding text (UTF-8; invalid bytes and controls dropped). */
void field_init(struct field *f, const char *text, size_t max, bool multiline);
void field_free(struct field *f);

/* Inserts one character typed at the cursor. Controls are refused (a line
 * feed only in a multi-line field), and nothing goes past max. Returns
 * whether it was inserted. */
bool field_insert(struct field *f, uint32_t c);

/* Inserts pasted UTF-8 text character by character under the same rules; in
 * a one-line field line breaks become spaces. Returns how many were inserted. */
size_t field_paste(struct field *f, const char *utf8);

void field_apply(struct field *f, enum field_op op);

/* The text as UTF-8 (caller frees). */
char *field_text(const struct field *f);

/* Where the cursor is: its line (counting line feeds) and the display column
 * within that line. */
void field_cursor_position(const struct field *f, size_t *line, int *column);

/* The text drawn in rows of f->width columns: a row that starts at start
 * ends after the last space at which a word still fits (spaces hang past the
 * edge), inside a word only when the word is longer than a row, and at the
 * line's end when the rest fits. The next row starts at the end returned,
 * or after the line feed there. Up, Down, Home and End move by these rows. */
size_t field_row_end(const struct field *f, size_t start);

/* Where position at (0..len) is drawn: its row, counting from the text's
 * first, and its column. Past a full last row, the end is on the row below;
 * a position on spaces hanging past the edge shows at the edge. */
void field_place(const struct field *f, size_t at, size_t *row, int *column);

#endif
