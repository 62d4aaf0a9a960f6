/* util.h: allocation that exits on failure, and growable arrays. */
#ifndef SAMESONG_UTIL_H
#define SAMESONG_UTIL_H

#include <stddef.h>

/* These print "samesong: out of memory" and exit(1) rather than return NULL:
 * there is nothing useful a command can do without memory, and the store's
 * transactions roll back when the process ends. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* At most n bytes of s, fewer when s ends first (as strndup). */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Makes room for one more element in *array (holding *count of size bytes,
 * with room for *capacity) and returns a pointer to the new, zeroed slot. */
void *array_push(void *array_ptr, size_t *count, size_t *capacity, size_t size);

/* A growing NUL-terminated string. Start with struct strbuf b = {0}; take
 * b.data (maybe NULL when nothing was added) and free it when done. */
struct strbuf {
    char *data;
    size_t len, cap;
};
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char *strbuf_take(struct strbuf *b);

#endif
