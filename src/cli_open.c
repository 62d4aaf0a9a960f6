/* cli_open.c: `samesong open`: one session in the workshop screens. */
#include "cli.h"

static int open_run(struct cli *cli, const struct cli_args *args)
{
    cli->session = args->argv[0];
    return EXIT_OK;
}

const struct cli_command cli_open_command = {
    .name = "open",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "open a session in the workshop screens",
    .description =
        "Open SESSION (its slug or number) in the workshop screens, where the room left it.",
    .flags = CLI_READS | CLI_SCREENS, /* opening a session needs one to exist */
    .run = open_run,
};
