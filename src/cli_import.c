/* cli_import.c: `samesong import`: create a session from a session file. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_import_file(const struct cli *cli, const char *path, const char *slug, struct store *st,
                    char **slug_out)
{
    if (store_import_file(st, path, slug, slug_out) < 0)
        return cli_fail(cli, "%s", store_error(st));
    return EXIT_OK;
}

static int import_run(struct cli *cli, const struct cli_args *args)
{
    struct store *st;
    int rc = cli_open_store(cli, &st);
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
    .args = "FILE", .min_args = 1, .max_args = 1,
    .summary = "create a session from a session file",
    .description = "Create a session from a samesong-session/1 file (- reads standard input) and "
                   "print its slug. The whole file is checked first; a bad file writes nothing.",
    .options = {{"slug", 0, "SLUG", "the new session's slug (default: made from its name)", false}},
    .run = import_run,
};
