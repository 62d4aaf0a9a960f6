/* cli_add.c: `samesong add`: record one participant's answer for a step. */
#include "cli.h"

#include <stdlib.h>

static int add_run(struct cli *cli, const struct cli_args *args)
{
    const char *role_id = cli_arg(args, "role");
    int step = cli_step(cli, cli_arg(args, "step"));
    if (step < 0)
        return EXIT_FAIL;
    int role = role_id ? role_from_id(role_id) : -1;
    if (role_id && role < 0)
        return cli_fail(cli, "\"%s\" is not a role; roles are " ROLE_LIST, role_id);

    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, args->argv[0], &st, &id);
    if (rc != EXIT_OK)
        return rc;
    if (store_add_input(st, id, cli_arg(args, "as"), role, (enum step)step, args->argv[1],
                        cli_arg(args, "group")) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    store_close(st);
    return rc;
}

const struct cli_command cli_add_command = {
    .name = "add",
    .args = "SESSION TEXT", .min_args = 2, .max_args = 2,
    .summary = "record one participant's answer for a step",
    .description = "Record one answer of participant NAME for STEP. NAME joins the session on "
                   "first use. Put -- before a TEXT that starts with a hyphen.",
    .options = {
        {"as", 'a', "NAME", "who is answering", .required = true},
        {"role", 'r', "ROLE", "their department (default: other):\n" ROLE_LIST, false},
        {"step", 's', "STEP", STEP_LIST, .required = true},
        {"group", 'g', "LABEL", "count this answer in the group LABEL", false},
    },
    .flags = CLI_QUOTE_LAST,
    .run = add_run,
};
