/* text.h: UTF-8 decoding, checking user text, display width, sanitising for the terminal. */
#ifndef SAMESONG_TEXT_H
#define SAMESONG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a kind of user text may hold. */
struct text_rule {
    size_t max_chars;    /* in code points, not bytes */
    bool may_be_empty;
    bool multiline;      /* line feeds allowed */
    bool fold_spaces;    /* runs of spaces inside become one: "Sam  Lee" is "Sam Lee" */
};

extern const struct text_rule TEXT_ANSWER;    /* an answer: 1..1000, one line */
extern const struct text_rule TEXT_NAME;      /* names, labels: 1..200, one line, spaces folded */
extern const struct text_rule TEXT_PRODUCT;   /* 0..200, one line */
extern const struct text_rule TEXT_DECISION;  /* 1..1000, may span lines */
extern const struct text_rule TEXT_NARRATIVE; /* 0..20000, may span lines */

/* Decodes one UTF-8 sequence at s (n bytes available). Returns its length in
 * bytes and sets *cp, or returns 0 for an invalid sequence (overlong forms,
 * surrogates and values past U+10FFFF are invalid). */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* Compares two names as the same person or not: letters of the Latin, Greek
 * and Cyrillic alphabets in any case alike ("ÉVA" is "éva"), whatever the
 * locale. <0, 0 or >0, as strcmp. */
int text_compare_folded(const char *a, const char *b);
/* The same for strings of na and nb bytes, not NUL-terminated (SQLite's collation). */
int text_compare_folded_n(const char *a, size_t na, const char *b, size_t nb);

/* Checks s against rule and returns a copy with leading and trailing white
 * space removed (caller frees), or NULL with a short reason in why, such as
 * "empty text" or "control character U+001B at character 5". */
char *text_validate(const char *s, const struct text_rule *rule, char *why, size_t whylen);

/* Code points in a valid UTF-8 string. */
size_t text_chars(const char *s);

/* True for characters that change how the text around them looks, or hide
 * text, without being seen themselves: direction marks, embeddings,
 * overrides and isolates, zero-width characters, the soft hyphen, tags. */
bool text_is_invisible(uint32_t c);

/* A copy of untrusted text that is safe to write to a terminal (caller
 * frees): invalid bytes become U+FFFD, C0 controls and DEL show as ^X, C1
 * controls as <9B>, invisible characters (text_is_invisible) are dropped.
 * Line feeds are kept when keep_newlines, else shown as ^J. */
char *text_sanitize(const char *s, bool keep_newlines);

/* Columns the text takes on a terminal (wcwidth, in the current locale). */
int text_width(const char *s);

/* A copy of s cut to at most columns display columns, ending in ellipsis
 * when it was cut (caller frees). s should be sanitised first. */
char *text_truncate(const char *s, int columns, const char *ellipsis);

/* Splits text into lines of at most width columns, breaking at spaces; a
 * word wider than width is cut, and line feeds start new lines. Returns the
 * number of lines in *lines (caller frees each line and the array). */
size_t text_wrap(const char *text, int width, char ***lines);

/* A URL- and file-name-safe slug: lower-case ASCII letters and digits, other
 * runs become one hyphen, at most 48 characters. Empty when nothing is left. */
char *text_slugify(const char *s);
#define TEXT_SLUG_MAX 48

/* True when s is a well-formed slug: [a-z0-9] runs joined by single hyphens,
 * at most TEXT_SLUG_MAX characters, with at least one letter. */
bool text_is_slug(const char *s);

#endif
