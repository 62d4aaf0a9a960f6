/* cli_demo.c: `samesong demo`: put the example workshop in the database and say how to look at it. */
#include "cli.h"
#include "paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define DEMO_SLUG "replyline-positioning-workshop"
#define DEMO_NAME "Replyline positioning workshop"

static int demo_run(struct cli *cli, const struct cli_args *args)
{
    (void)args;
    cli->session = DEMO_SLUG; /* where the screens open, on a terminal */
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    int64_t id;
    bool there = store_find_session(st, DEMO_SLUG, &id) == 0;
    if (there) {
        /* A session of the user's own may have taken the slug. */
        struct session s;
        if (store_load_session(st, id, &s) < 0) {
            rc = cli_fail(cli, "%s", store_error(st));
        } else {
            if (strcmp(s.name, DEMO_NAME) != 0)
                rc = cli_fail(cli, "session " DEMO_SLUG " is yours, not the demo; use another "
                                   "database with --db");
            session_free(&s);
        }
    } else {
        char *example = paths_data_file("examples/demo.json");
        char *slug = NULL;
        rc = cli_import_file(cli, example, DEMO_SLUG, st, &slug);
        free(slug);
        free(example);
    }
    if (rc == EXIT_OK && !cli->quiet) {
        char *db = cli_db_hint(cli);
        printf("The demo workshop %s ", there ? "was already in" : "is now in");
        cli_put_safe(stdout, store_path(st), false);
        printf(", as session " DEMO_SLUG ".\n"
               "Look at it with:\n"
               "  samesong%s show " DEMO_SLUG "\n"
               "  samesong%s report " DEMO_SLUG "\n"
               "  samesong%s export " DEMO_SLUG " --format md\n",
               db, db, db);
        free(db);
    }
    store_close(st);
    return rc;
}

const struct cli_command cli_demo_command = {
    .name = "demo",
    .summary = "put the example workshop in the database",
    .description = "Import the example workshop (a help-desk tool for e-commerce brands, six "
                   "stakeholders) into the database, unless it is already there. On a terminal "
                   "the workshop screens then open on it; elsewhere it prints how to look at it.",
    .flags = CLI_SCREENS_ON_TTY,
    .run = demo_run,
};
