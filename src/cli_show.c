/* cli_show.c: `samesong show`: every answer of a session, by step and participant. */
#include "cli.h"
#include "report.h"

#include <stdlib.h>

static const char help[] =
    "Usage: samesong show SESSION\n"
    "Print every answer of SESSION (its slug or number), by step and participant,\n"
    "with the decisions and the sales narrative when there are any.\n"
    "\n"
    "      --db FILE   use FILE as the database\n"
    "      --read-only open the database read-only\n"
    "  -h, --help      show this help\n";

int cli_show(struct cli *cli, int argc, char **argv)
{
    cli->must_exist = true; /* it only reads: it makes no database */
    static const struct option options[] = {CLI_COMMON_OPTIONS, {0}};
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "h", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cli, argc == optind ? "missing SESSION" : "give one SESSION");
    struct step_text steps[STEP_COUNT];
    int rc = cli_load_steps(cli, steps);
    if (rc != EXIT_OK)
        return rc;
    struct store *st;
    struct session s;
    rc = cli_load_session(cli, argv[optind], &st, &s);
    if (rc == EXIT_OK) {
        char *text = report_text(&s, steps);
        fputs(text, stdout);
        free(text);
        session_free(&s);
        store_close(st);
    }
    store_steps_free(steps);
    return rc;
}
