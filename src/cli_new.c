/* cli_new.c: `samesong new`: create a session and print its slug. */
#include "cli.h"

#include <stdlib.h>

static int new_run(struct cli *cli, const struct cli_args *args)
{
    const char *product = cli_arg(args, "product");
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    char *made = NULL;
    if (store_create_session(st, args->argv[0], product ? product : "", cli_flag(args, "solo"),
                             cli_arg(args, "slug"), &made) < 0) {
        rc = cli_fail(cli, "%s", store_error(st));
    } else {
        printf("%s\n", made);
    }
    free(made);
    store_close(st);
    return rc;
}

const struct cli_command cli_new_command = {
    .name = "new",
    .args = "NAME", .min_args = 1, .max_args = 1,
    .summary = "create a session and print its slug",
    .description = "Create a workshop session (or a solo one) and print its slug.",
    .options = {
        {"product", 'p', "P", "the product being positioned", false},
        {"solo", 's', NULL, "a solo session: one founder drafting a positioning thesis", false},
        {"slug", 0, "SLUG", "the session's short name (default: made from NAME)", false},
    },
    .flags = CLI_QUOTE_LAST,
    .run = new_run,
};
