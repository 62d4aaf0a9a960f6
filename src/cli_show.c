/* cli_show.c: `samesong show`: every answer of a session, by step and participant. */
#include "cli.h"
#include "report.h"

#include <stdlib.h>

static int show_run(struct cli *cli, const struct cli_args *args)
{
    struct step_text steps[STEP_COUNT];
    int rc = cli_load_steps(cli, steps);
    if (rc != EXIT_OK)
        return rc;
    struct store *st;
    struct session s;
    rc = cli_load_session(cli, args->argv[0], &st, &s);
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

const struct cli_command cli_show_command = {
    .name = "show",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "print every answer of a session",
    .description = "Print every answer of SESSION (its slug or number), by step and participant, "
                   "with the decisions and the sales narrative when there are any.",
    .flags = CLI_READS,
    .run = show_run,
};
