/* cli_demo.c: `samesong demo`: put the example workshops in the database (the one under way
 * and the same one finished) and say how to look at them. */
#include "cli.h"
#include "store_demo.h"

#include <stdlib.h>

static int demo_run(struct cli *cli, const struct cli_args *args)
{
    (void)args;
    cli->session = STORE_DEMO_SLUG; /* where the screens open, on a terminal */
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    struct store_demo demo;
    if (store_import_demo(st, &demo) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    if (rc == EXIT_OK && !cli->quiet) {
        char *db = cli_db_hint(cli);
        printf("The demo workshop %s ", demo.had_under_way ? "was already in" : "is now in");
        cli_put_safe(stdout, store_path(st), false);
        printf(", as session " STORE_DEMO_SLUG ": under way, only the alternatives decided.\n"
               "Finished and locked (the chain, proof, rounds of the vote, the sales pitch),\n"
               "it %s, as session " STORE_DEMO_FINISHED_SLUG ".\n"
               "Look at them with:\n"
               "  samesong%s show " STORE_DEMO_SLUG "\n"
               "  samesong%s report " STORE_DEMO_SLUG "\n"
               "  samesong%s check " STORE_DEMO_FINISHED_SLUG "\n"
               "  samesong%s export " STORE_DEMO_FINISHED_SLUG " --format md\n"
               "  samesong%s export " STORE_DEMO_FINISHED_SLUG " --format html -o canvas.html\n",
               demo.had_finished ? "was already there" : "is there too", db, db, db, db, db);
        free(db);
    }
    store_close(st);
    return rc;
}

const struct cli_command cli_demo_command = {
    .name = "demo",
    .summary = "put the example workshops in the database",
    .description = "Import the example workshop (a help-desk tool for e-commerce brands, six "
                   "stakeholders) into the database twice, unless it is already there: under way, "
                   "with only the alternatives decided, and finished and locked, with the chain, "
                   "proof, rounds of the vote and the sales pitch. On a terminal the workshop "
                   "screens then open on the one under way; elsewhere it prints how to look at "
                   "them.",
    .flags = CLI_SCREENS_ON_TTY,
    .run = demo_run,
};
