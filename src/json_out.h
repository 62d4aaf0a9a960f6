/* json_out.h: writing JSON values into a string buffer (reading JSON is SQLite's job). */
#ifndef SAMESONG_JSON_OUT_H
#define SAMESONG_JSON_OUT_H

#include "util.h"

#include <stdbool.h>

/* A string with quotes and escapes; control characters as \u00XX, and C1
 * controls and invisible characters (text_is_invisible) as \uXXXX too, those
 * past U+FFFF as a surrogate pair. */
void json_out_string(struct strbuf *b, const char *s);
/* A copy of JSON text (SQLite's) with C1 controls and invisible characters
 * written as \uXXXX escapes, as json_out_string writes them: the same
 * document to a reader, and nothing that acts on a terminal. */
char *json_out_escape_invisible(const char *json);

/* A number with at most `decimals` decimals, or null for NAN. */
void json_out_number(struct strbuf *b, double x, int decimals);
void json_out_bool(struct strbuf *b, bool value);
/* "key": with the comma before it when it is not the first member. */
void json_out_key(struct strbuf *b, const char *key, bool first);

#endif
