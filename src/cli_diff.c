/* cli_diff.c: `samesong diff`: two sessions compared as text, for pipes and mail. */
#include "cli.h"
#include "report.h"

#include <stdlib.h>

static int diff_run(struct cli *cli, const struct cli_args *args)
{
    struct step_text steps[STEP_COUNT];
    int rc = cli_load_steps(cli, steps);
    struct store *st = NULL, *st2 = NULL;
    struct session a, b;
    if (rc == EXIT_OK)
        rc = cli_load_session(cli, args->argv[0], &st, &a);
    if (rc == EXIT_OK) {
        rc = cli_load_session(cli, args->argv[1], &st2, &b);
        if (rc == EXIT_OK && a.id == b.id) {
            /* one session against itself would report nothing but "same" */
            rc = cli_fail(cli, "%s and %s are the same session; name two different ones.",
                          args->argv[0], args->argv[1]);
            session_free(&b);
            store_close(st2);
        } else if (rc == EXIT_OK) {
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

const struct cli_command cli_diff_command = {
    .name = "diff",
    .args = "SESSION_A SESSION_B", .min_args = 2, .max_args = 2,
    .summary = "compare two sessions: decisions, the method, the pitch and alignment",
    .description = "Compare two sessions (typically two of the same product, a quarter apart): "
                   "each step's decision in both, whether it changed, and the alignment of both, "
                   "with the method around it where either has it: the chain item by item (its "
                   "links), the proof, why, dissent, champion and positioning style; then the "
                   "sales pitch section by section as written (drafts are not compared) and the "
                   "sales narratives. Text in both is shown once as \"1+2:\"; where they "
                   "differ, \"1:\" and \"2:\". Naming one session twice is an error.",
    .flags = CLI_READS,
    .run = diff_run,
};
