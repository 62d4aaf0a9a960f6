/* export_format.c: the formats a session is exported in: the session file (JSON), the
 * Markdown canvas, the HTML page and CSV, each with its name, extension and renderer. */
#include "export_format.h"
#include "csv_write.h"
#include "json_out.h"
#include "report.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The session file, with invisible characters as \u escapes so no viewer hides them. */
static char *render_json(struct store *st, int64_t id, const struct session *s,
                         const struct step_text steps[STEP_COUNT])
{
    (void)s, (void)steps;
    char *raw;
    if (store_export_json(st, id, &raw) < 0)
        return NULL;
    char *safe = json_out_escape_invisible(raw);
    char *text = xasprintf("%s\n", safe);
    free(safe);
    free(raw);
    return text;
}

static char *render_markdown(struct store *st, int64_t id, const struct session *s,
                             const struct step_text steps[STEP_COUNT])
{
    (void)st, (void)id;
    return report_markdown(s, steps);
}

static char *render_html(struct store *st, int64_t id, const struct session *s,
                         const struct step_text steps[STEP_COUNT])
{
    (void)st, (void)id;
    return report_html(s, steps);
}

static char *render_csv(struct store *st, int64_t id, const struct session *s,
                        const struct step_text steps[STEP_COUNT])
{
    (void)st, (void)id, (void)steps;
    return report_answers_csv(s);
}

/* To add a format: a renderer above, its line here, its name in EXPORT_FORMAT_HELP
 * (export_format.h), and its words in README.md and man/samesong.1; --format, its error,
 * and the canvas's x and its prompt then know it. */
const struct export_format export_formats[] = {
    {"json", NULL, ".json", "session file", false, render_json, NULL},
    {"md", "markdown", ".md", "Markdown", true, render_markdown, NULL},
    {"html", NULL, ".html", "page", true, render_html, NULL},
    /* a CSV file is for a spreadsheet, and Excel reads UTF-8 only after a byte-order mark;
     * standard output has none, for scripts */
    {"csv", NULL, ".csv", "spreadsheet", true, render_csv, CSV_BOM},
    {0},
};

const struct export_format *export_format_find(const char *name)
{
    for (const struct export_format *f = export_formats; f->name; f++)
        if (!strcmp(name, f->name) || (f->alias && !strcmp(name, f->alias)))
            return f;
    return NULL;
}

const struct export_format *export_format_for_path(const char *path)
{
    size_t n = strlen(path);
    for (const struct export_format *f = export_formats; f->name; f++) {
        size_t e = strlen(f->extension);
        if (n > e && !strcasecmp(path + n - e, f->extension))
            return f;
    }
    return NULL;
}

char *export_format_file_text(const struct export_format *f, char *text)
{
    if (!f->file_start)
        return text;
    char *marked = xasprintf("%s%s", f->file_start, text);
    free(text);
    return marked;
}

void export_format_names(char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const struct export_format *f = export_formats; f->name && used < size; f++)
        used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "", f->name);
}
