/* cli_import.c: `samesong import`: create a session from a session file. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: samesong import FILE [--slug SLUG]\n"
    "Create a session from a samesong-session/1 file (- reads standard input) and\n"
    "print its slug. The whole file is checked first; a bad file writes nothing.\n"
    "\n"
    "      --slug SLUG   the new session's slug (default: made from its name)\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

int cli_import_file(const struct cli *cli, const char *path, const char *slug, struct store *st,
                    char **slug_out)
{
    if (store_import_file(st, path, slug, slug_out) < 0)
        return cli_fail(cli, "%s", store_error(st));
    return EXIT_OK;
}

int cli_import(struct cli *cli, int argc, char **argv)
{
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"slug", required_argument, NULL, 'S'},
        {0},
    };
    const char *slug = NULL;
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "h", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        case 'S': slug = optarg; break;
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cli, argc == optind ? "missing FILE" : "give one FILE");
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    char *made = NULL;
    rc = cli_import_file(cli, argv[optind], slug, st, &made);
    if (rc == EXIT_OK)
        printf("%s\n", made);
    free(made);
    store_close(st);
    return rc;
}
