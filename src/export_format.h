/* export_format.h: the formats a session is exported in, one table for `samesong export
 * --format` and the canvas's x (which picks one by the file's extension). */
#ifndef SAMESONG_EXPORT_FORMAT_H
#define SAMESONG_EXPORT_FORMAT_H

#include "store.h"

#include <stddef.h>

struct export_format {
    const char *name;      /* what --format takes: "html" */
    const char *alias;     /* another word for it ("markdown"), or NULL */
    const char *extension; /* the file's, with its dot: ".html" */
    const char *what;      /* for the canvas's prompt, after the extension: "page" */
    bool needs_session;    /* rendered from the loaded session and step texts, not the store */
    /* The export as text: from the store and id, or from s and steps when
     * needs_session. NULL when the store failed (store_error). Caller frees. */
    char *(*render)(struct store *st, int64_t id, const struct session *s,
                    const struct step_text steps[STEP_COUNT]);
    const char *file_start; /* what a file (not standard output) starts with, or NULL */
};

/* Every format, the default (the session file) first, ended by an empty entry. */
extern const struct export_format export_formats[];
/* The same names as --format's help lists them; keep it in step with the table. */
#define EXPORT_FORMAT_HELP "json, md, html or csv"

/* The format called name (or its alias), or NULL. */
const struct export_format *export_format_find(const char *name);
/* The format whose extension path ends with (any case), or NULL. */
const struct export_format *export_format_for_path(const char *path);
/* text as a file of format f holds it (CSV's byte-order mark first); takes text. */
char *export_format_file_text(const struct export_format *f, char *text);
/* "json, md, html" for a message: every name, in the table's order. */
void export_format_names(char *out, size_t size);

#endif
