/* cli_export.c: `samesong export`: a session as a session file (JSON), a Markdown canvas or CSV. */
#include "cli.h"
#include "csv_write.h"
#include "files.h"
#include "json_out.h"
#include "report.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The export as text, or NULL after printing why. */
static char *render(const struct cli *cli, struct store *st, int64_t id, bool markdown, bool csv)
{
    char *out = NULL;
    if (!markdown && !csv) {
        if (store_export_json(st, id, &out) < 0) {
            cli_fail(cli, "%s", store_error(st));
            return NULL;
        }
        char *safe = json_out_escape_invisible(out);
        char *line = xasprintf("%s\n", safe);
        free(safe);
        free(out);
        return line;
    }
    struct step_text steps[STEP_COUNT];
    if (cli_load_steps(cli, steps) != EXIT_OK)
        return NULL;
    struct session s;
    if (store_load_session(st, id, &s) < 0) {
        cli_fail(cli, "%s", store_error(st));
    } else {
        out = csv ? report_answers_csv(&s) : report_markdown(&s, steps);
        session_free(&s);
    }
    store_steps_free(steps);
    return out;
}

static int export_run(struct cli *cli, const struct cli_args *args)
{
    const char *format = cli_arg(args, "format"), *output = cli_arg(args, "output");
    if (!format)
        format = "json";
    bool markdown = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    bool csv = strcmp(format, "csv") == 0;
    if (!markdown && !csv && strcmp(format, "json") != 0)
        return cli_usage_error(cli, "unknown format \"%s\"; formats are json, md, csv", format);

    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, args->argv[0], &st, &id);
    if (rc != EXIT_OK)
        return rc;
    /* Over the database or its -wal, an export would lose what the room saved. */
    const char *part = output && strcmp(output, "-") != 0
                           ? file_database_part(output, store_path(st)) : NULL;
    char *text = part ? NULL : render(cli, st, id, markdown, csv);
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
        if (csv) { /* a file is for a spreadsheet, and Excel reads UTF-8 only after a BOM */
            char *marked = xasprintf(CSV_BOM "%s", text);
            free(text);
            text = marked;
        }
        if (file_write_atomic(output, text, strlen(text)) < 0)
            rc = cli_fail(cli, "cannot write %s: %m", output);
    }
    free(text);
    return rc;
}

const struct cli_command cli_export_command = {
    .name = "export",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "write a session as JSON, a Markdown canvas or CSV",
    .description = "Write SESSION as a session file (JSON, which 'samesong import' reads back), "
                   "as a Markdown canvas, or as CSV for a spreadsheet (every answer, one a "
                   "row), to standard output or FILE.",
    .options = {
        {"format", 'f', "FMT", "json (the default), md or csv", false},
        {"output", 'o', "FILE", "write to FILE (replaced whole, never left half-written)", false},
    },
    .flags = CLI_READS,
    .run = export_run,
};
