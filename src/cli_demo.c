/* cli_demo.c: `samesong demo`: put the example workshops in the database (the one under way
 * and the same one finished) and say how to look at them. */
#include "cli.h"
#include "paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define DEMO_SLUG "replyline-positioning-workshop"
#define FINISHED_SLUG "replyline-finished-canvas"

struct demo {
    const char *slug, *name, *file;
    bool there; /* already in the database */
};

/* Whether the demo is there already; a session of the user's own under its slug is an error. */
static int demo_find(struct cli *cli, struct store *st, struct demo *d)
{
    int64_t id;
    d->there = store_find_session(st, d->slug, &id) == 0;
    if (!d->there)
        return EXIT_OK;
    struct session s;
    if (store_load_session(st, id, &s) < 0)
        return cli_fail(cli, "%s", store_error(st));
    int rc = EXIT_OK;
    if (strcmp(s.name, d->name) != 0)
        rc = cli_fail(cli, "session %s is yours, not the demo; use another database with --db",
                      d->slug);
    session_free(&s);
    return rc;
}

static int demo_import(struct cli *cli, struct store *st, const struct demo *d)
{
    if (d->there)
        return EXIT_OK;
    char *example = paths_data_file(d->file);
    char *slug = NULL;
    int rc = cli_import_file(cli, example, d->slug, st, &slug);
    free(slug);
    free(example);
    return rc;
}

static int demo_run(struct cli *cli, const struct cli_args *args)
{
    (void)args;
    cli->session = DEMO_SLUG; /* where the screens open, on a terminal */
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    struct demo under_way = {.slug = DEMO_SLUG, .name = "Replyline positioning workshop",
                             .file = "examples/demo.json"};
    struct demo finished = {.slug = FINISHED_SLUG,
                            .name = "Replyline positioning workshop, finished",
                            .file = "examples/demo-finished.json"};
    /* Both slugs are checked before either is imported, so a clash changes nothing. The
     * finished one goes in first: the list is newest first, and its first row is then the
     * workshop under way, where the screens open. */
    rc = demo_find(cli, st, &under_way);
    if (rc == EXIT_OK)
        rc = demo_find(cli, st, &finished);
    if (rc == EXIT_OK)
        rc = demo_import(cli, st, &finished);
    if (rc == EXIT_OK)
        rc = demo_import(cli, st, &under_way);
    if (rc == EXIT_OK && !cli->quiet) {
        char *db = cli_db_hint(cli);
        printf("The demo workshop %s ", under_way.there ? "was already in" : "is now in");
        cli_put_safe(stdout, store_path(st), false);
        printf(", as session " DEMO_SLUG ": under way, only the alternatives decided.\n"
               "Finished and locked (the chain, proof, rounds of the vote, the sales pitch),\n"
               "it %s, as session " FINISHED_SLUG ".\n"
               "Look at them with:\n"
               "  samesong%s show " DEMO_SLUG "\n"
               "  samesong%s report " DEMO_SLUG "\n"
               "  samesong%s check " FINISHED_SLUG "\n"
               "  samesong%s export " FINISHED_SLUG " --format md\n",
               finished.there ? "was already there" : "is there too", db, db, db, db);
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
