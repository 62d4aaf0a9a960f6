/* cli_diff.c: `samesong diff`: two sessions compared as text, for pipes and mail. */
#include "cli.h"
#include "report.h"

#include <stdlib.h>

static const char help[] =
    "Usage: samesong diff SESSION_A SESSION_B\n"
    "Compare two sessions (typically two of the same product, a quarter apart): each\n"
    "step's decision in both, whether it changed, and the alignment of both.\n"
    "\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

int cli_diff(struct cli *cli, int argc, char **argv)
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
    if (argc - optind != 2)
        return cli_usage_error(cli, "give two sessions: SESSION_A SESSION_B");
    struct step_text steps[STEP_COUNT];
    int rc = cli_load_steps(cli, steps);
    struct store *st = NULL, *st2 = NULL;
    struct session a, b;
    if (rc == EXIT_OK)
        rc = cli_load_session(cli, argv[optind], &st, &a);
    if (rc == EXIT_OK) {
        rc = cli_load_session(cli, argv[optind + 1], &st2, &b);
        if (rc == EXIT_OK) {
            char *text = report_diff(&a, &b, steps);
            fputs(text, stdout);
            free(text);
            session_free(&b);
            store_close(st2);
        }
        session_free(&a);
        store_close(st);
    }
    store_steps_free(steps);
    return rc;
}
