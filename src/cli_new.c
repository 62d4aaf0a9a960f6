/* cli_new.c: `samesong new`: create a session and print its slug. */
#include "cli.h"

#include <stdlib.h>

static const char help[] =
    "Usage: samesong new NAME [--product P] [--solo] [--slug SLUG]\n"
    "Create a workshop session (or a solo one) and print its slug.\n"
    "\n"
    "  -p, --product P   the product being positioned\n"
    "  -s, --solo        a solo session: one founder drafting a positioning thesis\n"
    "      --slug SLUG   the session's short name (default: made from NAME)\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

int cli_new(struct cli *cli, int argc, char **argv)
{
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"product", required_argument, NULL, 'p'},
        {"solo", no_argument, NULL, 's'},
        {"slug", required_argument, NULL, 'S'},
        {0},
    };
    const char *product = "", *slug = NULL;
    bool solo = false;
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "hp:s", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        case 'p': product = optarg; break;
        case 's': solo = true; break;
        case 'S': slug = optarg; break;
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cli, argc == optind ? "missing NAME" : "give NAME as one argument "
                                                                      "(quote it if it has spaces)");
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    char *made = NULL;
    if (store_create_session(st, argv[optind], product, solo, slug, &made) < 0) {
        rc = cli_fail(cli, "%s", store_error(st));
    } else {
        printf("%s\n", made);
    }
    free(made);
    store_close(st);
    return rc;
}
