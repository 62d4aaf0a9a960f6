/* cli_export.c: `samesong export`: a session in one of the formats of export_format.c. */
#include "cli.h"
#include "export_format.h"
#include "files.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The export as text, or NULL after printing why. */
static char *render(const struct cli *cli, struct store *st, int64_t id,
                    const struct export_format *format)
{
    if (!format->needs_session) {
        char *out = format->render(st, id, NULL, NULL);
        if (!out)
            cli_fail(cli, "%s", store_error(st));
        return out;
    }
    struct step_text steps[STEP_COUNT];
    if (cli_load_steps(cli, steps) != EXIT_OK)
        return NULL;
    char *out = NULL;
    struct session s;
    if (store_load_session(st, id, &s) < 0) {
        cli_fail(cli, "%s", store_error(st));
    } else {
        out = format->render(st, id, &s, steps);
        session_free(&s);
    }
    store_steps_free(steps);
    return out;
}

static int export_run(struct cli *cli, const struct cli_args *args)
{
    const char *name = cli_arg(args, "format"), *output = cli_arg(args, "output");
    /* Without --format, -o's extension says it, as on the canvas's x: canvas.html is a page. */
    const struct export_format *f =
        name ? export_format_find(name)
             : output && strcmp(output, "-") != 0 && export_format_for_path(output)
                   ? export_format_for_path(output) : &export_formats[0];
    if (!f) {
        char names[200];
        export_format_names(names, sizeof names);
        return cli_usage_error(cli, "unknown format \"%s\"; formats are %s", name, names);
    }

    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, args->argv[0], &st, &id);
    if (rc != EXIT_OK)
        return rc;
    /* Over the database or its -wal, an export would lose what the room saved. */
    const char *part = output && strcmp(output, "-") != 0
                           ? file_database_part(output, store_path(st)) : NULL;
    char *text = part ? NULL : render(cli, st, id, f);
    store_close(st);
    if (part && !*part)
        return cli_fail(cli, "%s is the database itself; choose another file", output);
    if (part)
        return cli_fail(cli, "%s is the database's %s file; choose another file", output, part);
    if (output && strcmp(output, "-") != 0 && file_is_special(output)) {
        free(text);
        return cli_fail(cli, "%s is not a regular file; choose another file", output);
    }
    if (!text)
        return EXIT_FAIL;
    if (!output || strcmp(output, "-") == 0) {
        fputs(text, stdout); /* a failed write is reported once, on the way out (main.c) */
    } else {
        text = export_format_file_text(f, text);
        if (file_write_atomic(output, text, strlen(text)) < 0)
            rc = cli_fail(cli, "cannot write %s: %m", output);
    }
    free(text);
    return rc;
}

const struct cli_command cli_export_command = {
    .name = "export",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "write a session as JSON, a Markdown canvas, a web page or CSV",
    .description = "Write SESSION as a session file (JSON, which 'samesong import' reads back), "
                   "as a Markdown canvas, as one self-contained web page of the canvas (HTML: "
                   "no scripts, nothing fetched, prints on one or two pages), or as CSV for a "
                   "spreadsheet (every answer, one a row), to standard output or FILE.",
    .options = {
        {"format", 'f', "FMT", EXPORT_FORMAT_HELP " (default: -o's extension, else json)", false},
        {"output", 'o', "FILE", "write to FILE (replaced whole, never left half-written)", false},
    },
    .flags = CLI_READS,
    .run = export_run,
};
