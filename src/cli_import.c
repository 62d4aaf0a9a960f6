/* cli_import.c: `samesong import`: create a session from a session file, or add a form's
 * CSV of pre-work to one (cli_import_csv.c). */
#include "cli.h"
#include "cli_import_csv.h"

#include <stdlib.h>
#include <string.h>

int cli_import_file(const struct cli *cli, const char *path, const char *slug, struct store *st,
                    char **slug_out)
{
    if (store_import_file(st, path, slug, slug_out) < 0)
        return cli_fail(cli, "%s", store_error(st));
    return EXIT_OK;
}

/* Which of the two forms the options make, or a usage error. */
static int check_form(const struct cli *cli, const struct cli_args *args)
{
    bool csv = cli_flag(args, "csv");
    if (csv && args->argc)
        return cli_usage_error(cli, "give a session file or --csv FILE, not both");
    if (!csv && !args->argc)
        return cli_usage_error(cli, "missing FILE (or --csv FILE --session SESSION)");
    if (csv && !cli_flag(args, "session"))
        return cli_usage_error(cli, "missing --session SESSION: the session the answers go to");
    if (csv && cli_flag(args, "slug"))
        return cli_usage_error(cli, "--slug is for a session file; --csv adds to --session");
    if (!csv && (cli_flag(args, "session") || cli_flag(args, "map")))
        return cli_usage_error(cli, "--%s goes with --csv FILE",
                               cli_flag(args, "session") ? "session" : "map");
    return CLI_RUN;
}

static int import_run(struct cli *cli, const struct cli_args *args)
{
    int rc = check_form(cli, args);
    if (rc != CLI_RUN)
        return rc;
    if (cli_flag(args, "csv"))
        return cli_import_csv(cli, args);
    struct store *st;
    rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    char *made = NULL;
    rc = cli_import_file(cli, args->argv[0], cli_arg(args, "slug"), st, &made);
    if (rc == EXIT_OK)
        printf("%s\n", made);
    free(made);
    store_close(st);
    return rc;
}

const struct cli_command cli_import_command = {
    .name = "import",
    .args = "[FILE]", .min_args = 0, .max_args = 1,
    .summary = "create a session from a session file, or add a form's CSV to one",
    .description = "Create a session from a samesong-session/1 file (- reads standard input) and "
                   "print its slug. The whole file is checked first; a bad file writes nothing. "
                   "With --csv FILE --session SESSION instead, add the pre-work a web form "
                   "collected (one row a person: a participant column, a role column, a column "
                   "a step, several answers in a cell one a line) to the session, all of it or, "
                   "when any row is refused, nothing; an answer the person already gave is "
                   "skipped.",
    .options = {
        {"slug", 0, "SLUG", "the new session's slug (default: made from its name)", false},
        {"csv", 0, "FILE", "a CSV of pre-work (- reads standard input)", false},
        {"session", 0, "SESSION", "the session the CSV's answers go to", false},
        {"map", 0, "KEY=COLUMN",
         "KEY (participant, role or a step) is in the column\n"
         "COLUMN; one --map for each KEY", false},
    },
    .repeats = "map",
    .run = import_run,
};
